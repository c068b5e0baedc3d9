package com.autopilotmonster.marketplace.api;

import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.marketplace.domain.Categories;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Categories: public list with product counts; admins create, rename and delete. */
@Path("/marketplace/categories")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "categories")
public class CategoryResource {

    @Inject
    Categories categories;

    public record CategoryCreate(@NotBlank @Size(max = 80) String name,
                                 @Size(max = 60) @Pattern(regexp = ProductRequests.SLUG, message = "must be a slug") String slug,
                                 @Size(max = 1000) String description) {
    }

    public record CategoryChange(@Size(min = 1, max = 80) @Pattern(regexp = "(?s).*\\S.*") String name,
                                 @Size(max = 60) @Pattern(regexp = ProductRequests.SLUG, message = "must be a slug") String slug,
                                 @Size(max = 1000) String description) {
    }

    @JsonbPropertyOrder({"id", "categoryId", "name", "slug", "description", "productCount", "createdAt", "updatedAt"})
    public record CategoryView(@JsonbProperty("_id") String id, String categoryId, String name, String slug,
                               String description, long productCount, Instant createdAt, Instant updatedAt) {
        static CategoryView of(Categories.Counted c) {
            return new CategoryView(c.id(), c.id(), c.name(), c.slug(), c.description(), c.productCount(),
                    c.createdAt(), c.updatedAt());
        }
    }

    @GET
    @PermitAll
    @Operation(summary = "All categories with their number of active products")
    public List<CategoryView> list() {
        return categories.list().stream().map(CategoryView::of).toList();
    }

    @POST
    @RolesAllowed("admin")
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Category created")
    @Operation(summary = "Create a category (slug derived from the name unless given; unique)")
    public Response create(@Valid @NotNull CategoryCreate body) {
        return Response.status(Response.Status.CREATED).entity(CategoryView.of(
                categories.create(body.name().strip(), body.slug(), body.description()))).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Category updated")
    @Operation(summary = "Rename a category or change its slug (its products follow)")
    public CategoryView update(@PathParam("id") String id, @Valid @NotNull CategoryChange body) {
        return CategoryView.of(categories.update(id, body.name() == null ? null : body.name().strip(), body.slug(),
                body.description()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "Delete an unused category (409 while products use it)")
    public Response delete(@PathParam("id") String id) {
        categories.delete(id);
        return Response.noContent().build();
    }
}
