package com.autopilotmonster.marketplace.api;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.marketplace.domain.Coupon;
import com.autopilotmonster.marketplace.domain.CouponDesk;
import com.autopilotmonster.marketplace.domain.CouponPricing;
import com.autopilotmonster.marketplace.domain.CouponRedemptions;
import com.autopilotmonster.marketplace.domain.Coupons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Coupons. Admins administer them here (the marketplace is their one owner: it knows the products, categories
 * and vendors a coupon is scoped to). The cart asks for a quote; the order service reserves one use per order
 * while placing it, with the buyer's token, and gives it back if the order cannot be written.
 */
@Path("/marketplace/coupons")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "coupons")
public class CouponResource {

    static final String CODE = "[A-Za-z0-9_-]{3,32}";
    static final String ORDER_ID = "[A-Za-z0-9-]{1,40}";

    @Inject
    Coupons coupons;

    @Inject
    CouponDesk desk;

    @Inject
    CouponRedemptions redemptions;

    @Inject
    CurrentUser caller;

    /** Create (code, type and value required) or change (every field optional; the code never changes). */
    public record CouponRequest(@Pattern(regexp = CODE, message = "must be 3-32 letters, digits, - or _") String code,
                                @Pattern(regexp = "percentage|fixed", message = "must be percentage or fixed") String type,
                                @DecimalMin(value = "0.01") @Digits(integer = 9, fraction = 2) BigDecimal value,
                                @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
                                @DecimalMin(value = "0") @Digits(integer = 9, fraction = 2) BigDecimal minSubtotal,
                                Instant startsAt, Instant endsAt,
                                @Min(1) @Max(100_000_000) Long maxUses, @Min(1) @Max(1_000_000) Long maxUsesPerUser,
                                @Pattern(regexp = "all|categories|vendors|products", message = "must be all, categories, vendors or products") String scope,
                                @Size(max = 100) List<@NotNull @Size(min = 1, max = 80) @Pattern(regexp = "[^$.{}\\[\\]]+", message = "must be a plain id") String> scopeIds,
                                Boolean active, @Size(max = 500) String description) {

        Coupons.Definition definition() {
            return new Coupons.Definition(code, type, value, currency, minSubtotal, startsAt, endsAt, maxUses,
                    maxUsesPerUser, scope, scopeIds, active, description);
        }
    }

    public record Item(@NotNull @Pattern(regexp = "[0-9a-fA-F]{24}", message = "must be a product id") String productId,
                       @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    /** {@code couponCode} is the original client's name, {@code code} ours. */
    public record QuoteRequest(@Pattern(regexp = CODE, message = "unknown coupon code format") String code,
                               @Pattern(regexp = CODE, message = "unknown coupon code format") String couponCode,
                               @NotEmpty @Size(max = 100) List<@Valid @NotNull Item> items) {
        String theCode() {
            String c = code != null ? code : couponCode;
            if (c == null) {
                throw ApiException.badRequest("code is required");
            }
            return c;
        }

        List<CouponDesk.Wanted> wanted() {
            return items.stream().map(i -> new CouponDesk.Wanted(i.productId().toLowerCase(java.util.Locale.ROOT),
                    i.quantity())).toList();
        }
    }

    public record ReserveRequest(@Pattern(regexp = CODE, message = "unknown coupon code format") @NotNull String code,
                                 @NotNull @Pattern(regexp = ORDER_ID, message = "must be an order id") String orderId,
                                 @NotEmpty @Size(max = 100) List<@Valid @NotNull Item> items) {
    }

    @JsonbPropertyOrder({"id", "couponId", "code", "type", "value", "currency", "minSubtotal", "startsAt", "endsAt",
            "maxUses", "maxUsesPerUser", "used", "usesLeft", "scope", "scopeIds", "active", "description", "createdAt",
            "updatedAt"})
    public record CouponView(@JsonbProperty("_id") String id, String couponId, String code, String type,
                             BigDecimal value, String currency, BigDecimal minSubtotal, Instant startsAt,
                             Instant endsAt, Long maxUses, Long maxUsesPerUser, long used, Long usesLeft,
                             String scope, List<String> scopeIds, boolean active, String description,
                             Instant createdAt, Instant updatedAt) {
        static CouponView of(Coupon c) {
            return new CouponView(c.id(), c.id(), c.code(), c.type(), c.value(), c.currency(), c.minSubtotal(),
                    c.startsAt(), c.endsAt(), c.maxUses(), c.maxUsesPerUser(), c.used(),
                    c.maxUses() == null ? null : Math.max(0, c.maxUses() - c.used()), c.scope(), c.scopeIds(),
                    c.active(), c.description(), c.createdAt(), c.updatedAt());
        }
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "Coupons, newest first (filter: active, search in the code)")
    public Page<CouponView> list(@QueryParam("active") Boolean active,
                                 @QueryParam("search") @Size(max = 32) String search, @BeanParam @Valid PageRequest paging) {
        return coupons.list(active, search, paging).map(CouponView::of);
    }

    @POST
    @RolesAllowed("admin")
    @ResponseMessage("Coupon created")
    @Operation(summary = "Create a coupon (code unique, case-insensitive)")
    public Response create(@Valid @NotNull CouponRequest body) {
        if (body.code() == null || body.type() == null || body.value() == null) {
            throw ApiException.badRequest("code, type and value are required");
        }
        return Response.status(Response.Status.CREATED).entity(CouponView.of(coupons.create(body.definition()))).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("admin")
    public CouponView get(@PathParam("id") @Size(max = 64) String id) {
        return CouponView.of(coupons.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    @ResponseMessage("Coupon updated")
    @Operation(summary = "Change a coupon (not its code or use count)")
    public CouponView update(@PathParam("id") @Size(max = 64) String id, @Valid @NotNull CouponRequest body) {
        return CouponView.of(coupons.update(id, body.definition()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Delete an unused coupon (409 once used: deactivate it instead)")
    public Response delete(@PathParam("id") @Size(max = 64) String id) {
        coupons.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/quote")
    @RolesAllowed({"user", "vendor", "admin"})
    @Operation(summary = "What the coupon takes off these products at the catalog's prices (404 unknown, 422 not usable)")
    public CouponPricing.Quote quote(@Valid @NotNull QuoteRequest body) {
        return desk.quote(body.theCode(), body.wanted());
    }

    @POST
    @Path("/redemptions")
    @RolesAllowed({"user", "vendor", "admin"})
    @ResponseMessage("Coupon use reserved")
    @Operation(summary = "Reserve one use for the caller's order being placed (the same order again: the same answer)")
    public CouponPricing.Quote reserve(@Valid @NotNull ReserveRequest body) {
        return desk.reserve(body.code(), caller.id(), body.orderId(), new QuoteRequest(body.code(), null, body.items()).wanted());
    }

    @POST
    @Path("/redemptions/{orderId}/release")
    @RolesAllowed({"user", "vendor", "admin"})
    @ResponseMessage("Coupon use released")
    @Operation(summary = "Give back the use reserved for an order that could not be placed (the buyer or an admin)")
    public Response release(@PathParam("orderId") @Pattern(regexp = ORDER_ID) String orderId) {
        var redemption = redemptions.find(orderId);
        if (redemption == null || !(caller.isAdmin() || caller.id().equals(redemption.getString("userId")))) {
            throw ApiException.notFound("No coupon use for order " + orderId);
        }
        return Response.ok(java.util.Map.of("orderId", orderId, "released", redemptions.release(orderId, "released by the order service"))).build();
    }
}
