package com.autopilotmonster.content.api;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.Pagination;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A page answered the way the original web client reads help articles and jobs: {@code data} is the array itself
 * (HelpArticle[], JobListing[]), so the paging travels in headers instead: {@code X-Total-Count} (the total, as
 * json-server and many REST APIs send it), {@code X-Page}, {@code X-Limit}, {@code X-Total-Pages}, and an RFC 8288
 * {@code Link} with rel first/prev/next/last as GitHub sends it. The Link targets are root-relative
 * ({@code /api/content/jobs?page=2&limit=20}) so they stay right behind the gateway, which serves the same paths.
 */
final class PagedArray {

    static final String TOTAL = "X-Total-Count";
    static final String PAGE = "X-Page";
    static final String LIMIT = "X-Limit";
    static final String TOTAL_PAGES = "X-Total-Pages";

    private PagedArray() {
    }

    static <T> Response of(Page<T> page, UriInfo uri) {
        Pagination p = page.pagination();
        Response.ResponseBuilder answer = Response.ok(page.items())
                .header(TOTAL, p.total()).header(PAGE, p.page()).header(LIMIT, p.limit()).header(TOTAL_PAGES, p.totalPages());
        List<String> links = new ArrayList<>();
        if (p.totalPages() > 0) {
            links.add(link(uri, 1, p.limit(), "first"));
        }
        if (p.hasPrevPage()) {
            links.add(link(uri, Math.min(p.page() - 1, Math.max(1, p.totalPages())), p.limit(), "prev"));
        }
        if (p.hasNextPage()) {
            links.add(link(uri, p.page() + 1, p.limit(), "next"));
        }
        if (p.totalPages() > 0) {
            links.add(link(uri, p.totalPages(), p.limit(), "last"));
        }
        if (!links.isEmpty()) {
            answer.header("Link", String.join(", ", links));
        }
        return answer.build();
    }

    private static String link(UriInfo uri, long page, int limit, String rel) {
        // The request's own filters (category, search, ...) stay; only the page and limit change.
        java.net.URI target = uri.getRequestUriBuilder().replaceQueryParam("page", page).replaceQueryParam("limit", limit).build();
        return "<" + target.getRawPath() + "?" + target.getRawQuery() + ">; rel=\"" + rel + "\"";
    }
}
