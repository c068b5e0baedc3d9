package com.autopilotmonster.content.api;

import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.common.web.ClientAddresses;
import com.autopilotmonster.content.domain.HelpCentre;
import com.autopilotmonster.content.domain.Inputs;
import com.autopilotmonster.content.domain.Inputs.Feedback;
import com.autopilotmonster.content.domain.Inputs.HelpInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The help centre: published articles by category and search, one helpful/not-helpful vote per voter. */
@Path("/content/help")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "help")
public class HelpResource {

    @Inject
    HelpCentre help;

    @Inject
    CurrentUser user;

    @Inject
    @ConfigProperty(name = "content.trusted-proxies", defaultValue = "127.0.0.1,0:0:0:0:0:0:0:1,::1")
    List<String> trustedProxies;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "Published articles (?category=&search=&page=&limit=): data is the array the web client reads "
            + "(HelpArticle[]); the paging is in X-Total-Count, X-Page, X-Limit, X-Total-Pages and Link")
    public Response list(@QueryParam("category") @Size(max = 60) String category,
                         @QueryParam("search") @Size(max = 100) String search,
                         @BeanParam @Valid PageRequest paging) {
        return PagedArray.of(help.list(category, search, paging.page(), paging.limit()), uriInfo);
    }

    @GET
    @Path("/categories")
    @Operation(summary = "The published categories with their article counts")
    public List<Map<String, Object>> categories() {
        return help.categories();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "A published article")
    public Map<String, Object> bySlug(@PathParam("slug") @Pattern(regexp = Inputs.SLUG, message = "must be a slug") String slug) {
        return help.bySlug(slug);
    }

    @POST
    @Path("/{slug}/feedback") // slug or article id: the original client posts the id
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Thank you for your feedback")
    @Operation(summary = "Was this helpful? One vote per signed-in user, or per client address when anonymous; a new vote replaces the voter's old one")
    public Map<String, Object> feedback(@PathParam("slug") @Pattern(regexp = Inputs.SLUG, message = "must be a slug") String slug,
                                        @NotNull(message = "a JSON body is required") @Valid Feedback body) {
        String voter = user.isAuthenticated() ? "user:" + user.id() : "ip:" + ClientAddresses.of(request, trustedProxies);
        return help.feedback(slug, body.helpful(), voter);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Help article created")
    @Operation(summary = "Create an article (admin)")
    public Response create(@NotNull(message = "a JSON body is required") @Valid HelpInput body) {
        return Response.status(Response.Status.CREATED).entity(help.create(body)).build();
    }

    @GET
    @Path("/admin/{id}")
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "Any article by id, drafts included (admin)")
    public Map<String, Object> get(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be an article id") String id) {
        return help.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Help article updated")
    @Operation(summary = "Update an article (admin)")
    public Map<String, Object> update(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be an article id") String id,
                                      @NotNull(message = "a JSON body is required") @Valid HelpInput body) {
        return help.update(id, body);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Help article deleted")
    @Operation(summary = "Delete an article and its votes (admin)")
    public Map<String, Object> delete(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be an article id") String id) {
        help.delete(id);
        return Map.of("articleId", id, "deleted", true);
    }
}
