package com.autopilotmonster.content.api;

import com.autopilotmonster.common.api.NoEnvelope;
import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.content.domain.Blogs;
import com.autopilotmonster.content.domain.Inputs;
import com.autopilotmonster.content.domain.Inputs.BlogInput;
import com.autopilotmonster.content.domain.SeoFeeds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The blog: public reads of published posts, admin writes. */
@Path("/content/blog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "blog")
public class BlogResource {

    @Inject
    Blogs blogs;

    @Inject
    SeoFeeds feeds;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Published posts, newest first (?tag=&category=&author=&search=&page=&limit=): the items under "
            + "blogs (as the original sent) and posts (as the web client reads), with the pagination")
    public Page<Map<String, Object>> list(@QueryParam("tag") @Size(max = 40) String tag,
                                          @QueryParam("category") @Size(max = 60) String category,
                                          @QueryParam("author") @Size(max = 120) String author,
                                          @QueryParam("search") @Size(max = 100) String search,
                                          @BeanParam @Valid PageRequest paging) {
        return blogs.list(tag, category, author, search, paging.page(), paging.limit()).named("blogs").alsoAs("posts");
    }

    @GET
    @Path("/featured")
    @Operation(summary = "Featured published posts (?limit=, default 5)")
    public List<Map<String, Object>> featured(@QueryParam("limit") @DefaultValue("5") @Min(1) @Max(20) int limit) {
        return blogs.featured(limit);
    }

    @GET
    @Path("/rss.xml")
    @NoEnvelope
    @Produces("application/rss+xml")
    @Operation(summary = "RSS 2.0 feed of the latest published posts")
    public Response rss() {
        return Response.ok(feeds.rss(), "application/rss+xml; charset=UTF-8").build();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "A published post by slug; a former slug answers 301 to the current one")
    public Response bySlug(@PathParam("slug") @Pattern(regexp = Inputs.SLUG, message = "must be a slug") String slug) {
        Blogs.Lookup found = blogs.bySlug(slug);
        if (found.movedTo() != null) {
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(UriBuilder.fromPath("/api/content/blog/{slug}").build(found.movedTo())).build();
        }
        return Response.ok(found.post()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Blog post created")
    @Operation(summary = "Create a post (admin): status draft|scheduled (publishAt)|published|archived")
    public Response create(@NotNull(message = "a JSON body is required") @Valid BlogInput body) {
        String name = user.name() != null ? user.name() : user.email();
        return Response.status(Response.Status.CREATED).entity(blogs.create(body, user.id(), name == null ? user.id() : name)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Blog post updated")
    @Operation(summary = "Update a post (admin); a new title or slug gives a new slug, the old one redirects")
    public Map<String, Object> update(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be a post id") String id,
                                      @NotNull(message = "a JSON body is required") @Valid BlogInput body) {
        return blogs.update(id, body);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Blog post deleted")
    @Operation(summary = "Delete a post (admin)")
    public Map<String, Object> delete(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be a post id") String id) {
        blogs.delete(id);
        return Map.of("blogId", id, "deleted", true);
    }
}
