package com.autopilotmonster.content.api;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.content.domain.Inputs;
import com.autopilotmonster.content.domain.Inputs.TutorialInput;
import com.autopilotmonster.content.domain.Tutorials;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tutorials: published list and detail with steps; admin CRUD. */
@Path("/content/tutorials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tutorials")
public class TutorialResource {

    @Inject
    Tutorials tutorials;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Published tutorials (?category=&difficulty=&search=&page=&limit=)")
    public Page<Map<String, Object>> list(@QueryParam("category") @Size(max = 60) String category,
                                          @QueryParam("difficulty") @Pattern(regexp = "beginner|intermediate|advanced") String difficulty,
                                          @QueryParam("search") @Size(max = 100) String search,
                                          @BeanParam @Valid PageRequest paging) {
        return tutorials.list(category, difficulty, search, paging.page(), paging.limit()).named("tutorials");
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "A published tutorial with its steps")
    public Map<String, Object> bySlug(@PathParam("slug") @Pattern(regexp = Inputs.SLUG, message = "must be a slug") String slug) {
        return tutorials.bySlug(slug);
    }

    @GET
    @Path("/admin/{id}")
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "Any tutorial by id, drafts included (admin)")
    public Map<String, Object> get(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be a tutorial id") String id) {
        return tutorials.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Tutorial created")
    @Operation(summary = "Create a tutorial (admin)")
    public Response create(@NotNull(message = "a JSON body is required") @Valid TutorialInput body) {
        String name = user.name() != null ? user.name() : user.email();
        return Response.status(Response.Status.CREATED).entity(tutorials.create(body, user.id(), name == null ? user.id() : name)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Tutorial updated")
    @Operation(summary = "Update a tutorial (admin)")
    public Map<String, Object> update(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be a tutorial id") String id,
                                      @NotNull(message = "a JSON body is required") @Valid TutorialInput body) {
        return tutorials.update(id, body);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Tutorial deleted")
    @Operation(summary = "Delete a tutorial (admin)")
    public Map<String, Object> delete(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be a tutorial id") String id) {
        tutorials.delete(id);
        return Map.of("tutorialId", id, "deleted", true);
    }
}
