package com.autopilotmonster.content.api;

import com.autopilotmonster.common.api.NoEnvelope;
import com.autopilotmonster.content.domain.SeoFeeds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** sitemaps.org sitemap of every public page the content service owns. */
@Path("/content/sitemap.xml")
@RequestScoped
@Tag(name = "seo")
public class SeoResource {

    @Inject
    SeoFeeds feeds;

    @GET
    @NoEnvelope
    @Produces("application/xml")
    @Operation(summary = "Sitemap: published blog posts, help articles and tutorials, open jobs")
    public Response sitemap() {
        return Response.ok(feeds.sitemap(), "application/xml; charset=UTF-8").build();
    }
}
