package com.autopilotmonster.vendor.api;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.vendor.client.MarketplaceRefusal;
import com.autopilotmonster.vendor.client.MarketplaceUnavailable;
import com.autopilotmonster.vendor.client.VendorCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The vendor's view of the catalog. The marketplace owns products: every call goes there with the caller's own
 * token, so its rules (ownership - another vendor's product is 403/404 -, validation, moderation, publishing
 * only for active vendors) answer unchanged. Marketplace down or slow: 503 problem+json within ~3 s, at once
 * while the circuit is open. Requests and answers also speak the original web client's VendorProduct
 * ({@link ClientProductShape}); a marketplace refusal keeps its status and reason.
 */
@Path("/vendors/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentUser.VENDOR)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "vendor products")
public class VendorProductsResource {

    static final String PRODUCT_ID = "[0-9a-fA-F]{24}";

    @Inject
    VendorCatalog catalog;

    @Inject
    ClientProductShape shape;

    @Inject
    CurrentUser currentUser;

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    @GET
    @Operation(summary = "The caller's products in every status (?status=active|pending|rejected|draft), paginated")
    public Page<JsonValue> list(@QueryParam("status") @Pattern(regexp = "active|pending|rejected|draft") String status,
                                @BeanParam @Valid PageRequest paging) {
        JsonObject answer = call(() -> catalog.mine(authorization, status, paging.page(), paging.limit()));
        JsonObject data = answer.getJsonObject("data");
        List<JsonValue> items = data == null || !data.containsKey("products") ? List.of() : data.getJsonArray("products");
        JsonObject pagination = data == null ? null : data.getJsonObject("pagination");
        long total = pagination != null && pagination.containsKey("total") ? pagination.getJsonNumber("total").longValue()
                : items.size();
        return new Page<>(shape.answers(currentUser.id(), items), paging.page(), paging.limit(), total).named("products");
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the caller's products, any status")
    public JsonValue get(@PathParam("id") @Pattern(regexp = PRODUCT_ID, message = "must be a product id") String id) {
        return shape.answer(currentUser.id(), data(call(() -> catalog.get(authorization, id))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Product created")
    @Operation(summary = "Create a product (pending until an admin approves it); the web client's {type, image} are "
            + "mapped to the marketplace's category and images")
    public Response create(@NotNull JsonObject body) {
        JsonObject request = shape.request(body);
        JsonValue created = data(call(() -> catalog.create(authorization, request)));
        return Response.status(201).entity(shape.answer(currentUser.id(), created)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Product updated")
    @Operation(summary = "Edit one of the caller's products")
    public JsonValue update(@PathParam("id") @Pattern(regexp = PRODUCT_ID, message = "must be a product id") String id,
                            @NotNull JsonObject body) {
        JsonObject request = shape.request(body);
        return shape.answer(currentUser.id(), data(call(() -> catalog.update(authorization, id, request))));
    }

    @DELETE
    @Path("/{id}")
    @ResponseMessage("Product deleted")
    @Operation(summary = "Delete one of the caller's products")
    public JsonValue delete(@PathParam("id") @Pattern(regexp = PRODUCT_ID, message = "must be a product id") String id) {
        return data(call(() -> catalog.delete(authorization, id)));
    }

    private static JsonValue data(JsonObject answer) {
        JsonValue data = answer == null ? null : answer.get("data");
        if (data == null) {
            throw ApiException.unavailable("The marketplace answered without a product");
        }
        return data;
    }

    private static JsonObject call(Supplier<JsonObject> call) {
        try {
            return call.get();
        } catch (MarketplaceRefusal e) {
            String slug = switch (e.status()) {
                case 400 -> "bad-request";
                case 403 -> "forbidden";
                case 404 -> "not-found";
                case 409 -> "conflict";
                default -> "refused";
            };
            throw new ApiException(e.status(), slug, "Marketplace refused", e.getMessage());
        } catch (MarketplaceUnavailable | TimeoutException | CircuitBreakerOpenException e) {
            throw new ApiException(503, "unavailable", "Service Unavailable",
                    "The marketplace is unavailable; retry shortly", List.of(), Map.of("Retry-After", "5"));
        }
    }
}
