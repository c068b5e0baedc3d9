package com.autopilotmonster.common.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * Paging metadata as the original services sent it ({@code total, page, limit, pages}); {@code totalPages},
 * {@code hasNextPage} and {@code hasPrevPage} are extra members for clients that navigate by them.
 */
@JsonbPropertyOrder({"total", "page", "limit", "pages", "totalPages", "hasNextPage", "hasPrevPage"})
public record Pagination(long total, int page, int limit, long pages, long totalPages, boolean hasNextPage,
                         boolean hasPrevPage) {

    public static Pagination of(int page, int limit, long total) {
        long pages = limit == 0 ? 0 : (total + limit - 1) / limit;
        return new Pagination(total, page, limit, pages, pages, page < pages, page > 1);
    }
}
