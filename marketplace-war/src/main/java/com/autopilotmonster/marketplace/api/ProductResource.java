package com.autopilotmonster.marketplace.api;

import com.autopilotmonster.common.api.JsonbSettings;
import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.marketplace.domain.Product;
import com.autopilotmonster.marketplace.domain.ProductCatalog;
import com.autopilotmonster.marketplace.domain.ProductQueries;
import com.autopilotmonster.marketplace.domain.ProductSort;
import jakarta.annotation.security.PermitAll;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The product catalog: public listing and details, vendor/admin writes, admin moderation. */
@Path("/marketplace/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "products")
public class ProductResource {

    @Inject
    ProductCatalog catalog;

    @Inject
    ProductQueries queries;

    @Inject
    CurrentUser currentUser;

    @GET
    @PermitAll
    @Operation(summary = "List active products: filters, sort (newest, oldest, price_asc, price_desc, rating, popular, "
            + "downloads, name), search q/search over name, description and tags (name matches first), paging. "
            + "data is {products: [Product], pagination: {total, page, limit, pages, totalPages, hasNextPage, hasPrevPage}}")
    public Response list(@BeanParam @Valid ProductListParams params, @BeanParam @Valid PageRequest paging) {
        if (params.status != null) {
            if (!currentUser.isAdmin()) {
                throw ApiException.forbidden("Only admins may list products by status");
            }
            // the moderation views are never cached: answered the usual way (EnvelopeFilter, JSON-B)
            return Response.ok(queries.list(params.filter(), paging).map(ProductView::of).named("products")).build();
        }
        // the cached answer is written as it is: JSON-B runs only when a page is computed, not on a hit
        byte[] data = queries.publicListJson(params.filter(), paging, ProductResource::listData);
        return Response.ok(EnvelopeJson.success(data, Instant.now()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The listing's {@code data} member as JSON, exactly as the envelope of a returned {@code Page} carries it. */
    static byte[] listData(Page<Product> page) {
        return JsonbSettings.jsonb().toJson(page.map(ProductView::of).named("products").data())
                .getBytes(StandardCharsets.UTF_8);
    }

    @GET
    @Path("/featured")
    @PermitAll
    @Operation(summary = "Active products flagged featured by admins, best rated first")
    public List<ProductView> featured(@QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
                                  @QueryParam("category") @Size(max = 60)
                                  @Pattern(regexp = ProductRequests.SLUG, message = "must be a category slug") String category) {
        return queries.featured(category, limit).stream().map(ProductView::of).toList();
    }

    @GET
    @Path("/popular")
    @PermitAll
    @Operation(summary = "Active products flagged popular by admins, then the most downloaded")
    public List<ProductView> popular(@QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
                                  @QueryParam("category") @Size(max = 60)
                                  @Pattern(regexp = ProductRequests.SLUG, message = "must be a category slug") String category) {
        return queries.popular(category, limit).stream().map(ProductView::of).toList();
    }

    @GET
    @Path("/mine")
    @RolesAllowed({"vendor", "admin"})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "The calling vendor's own products in every status (or ?status=)")
    public Page<ProductView> mine(@QueryParam("status") @Pattern(regexp = "active|pending|rejected|draft") String status,
                                  @QueryParam("sort") @Size(max = 40) String sort,
                                  @BeanParam @Valid PageRequest paging) {
        return queries.ofVendor(currentUser.id(), status, ProductSort.of(sort), paging)
                .map(p -> ProductView.of(p, true)).named("products");
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "An active product; its vendor and admins also see it in any other status")
    public ProductView get(@PathParam("id") String id) {
        Product product = catalog.get(id);
        return ProductView.of(product, currentUser.isAdmin()
                || currentUser.isAuthenticated() && currentUser.id().equals(product.vendorId()));
    }

    @POST
    @RolesAllowed({"vendor", "admin"})
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Product created")
    @Operation(summary = "Create a product (status pending until an admin approves it)")
    public Response create(@Valid @NotNull ProductRequests.Create body) {
        ProductView created = ProductView.of(catalog.create(body.data(), body.vendorId()), true);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"vendor", "admin"})
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Product updated")
    @Operation(summary = "Edit a product (vendor: own, content only; admin: any, plus status/reason, isFeatured, "
            + "isPopular, downloadCount, vendorId)")
    public ProductView update(@PathParam("id") String id, @Valid @NotNull ProductRequests.Update body) {
        return ProductView.of(catalog.update(id, body.change()), true);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"vendor", "admin"})
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Product deleted")
    @Operation(summary = "Delete a product and its reviews (vendor: own; admin: any)")
    public ProductView delete(@PathParam("id") String id) {
        return ProductView.of(catalog.delete(id), true);
    }
}
