package com.autopilotmonster.order.api;

import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.order.domain.BillingAddress;
import com.autopilotmonster.order.domain.CheckoutSession;
import com.autopilotmonster.order.domain.CheckoutSessions;
import com.autopilotmonster.order.domain.OrderLine;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The original web client's checkout sessions ({@code checkout.api.ts}), served by the order service. */
@Path("/checkout/session")
@RequestScoped
@RolesAllowed({"user", "vendor", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "checkout")
public class CheckoutResource {

    static final String SESSION_ID = "cs_[0-9a-f]{32}";

    @Inject
    CheckoutSessions sessions;

    @Inject
    CurrentUser caller;

    @HeaderParam("Authorization")
    String authorization;

    public record CreateSession(@Size(max = 64) @Pattern(regexp = "[0-9a-fA-F]{24}", message = "must be a cart id") String cartId) {
    }

    public record ApplyCoupon(@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{3,32}", message = "is not a coupon code") String couponCode) {
    }

    /** The client's {@code ShippingAddress}, used as the order's billing address. */
    public record Address(@NotBlank @Size(max = 50) String firstName, @NotBlank @Size(max = 50) String lastName,
                          @NotBlank @Size(max = 200) String address1, @Size(max = 200) String address2,
                          @NotBlank @Size(max = 100) String city, @Size(max = 100) String state,
                          @NotBlank @Size(min = 2, max = 2) String country, @NotBlank @Size(max = 20) String postalCode,
                          @Size(max = 30) String phone) {
    }

    public record PayRequest(@NotNull @Size(max = 100) @Pattern(regexp = "pm_[A-Za-z0-9_]+", message = "must be a saved payment method id") String paymentMethodId,
                             @Valid Address billingAddress, Boolean savePaymentMethod) {
    }

    @JsonbPropertyOrder({"id", "sessionId", "cartId", "userId", "items", "subtotal", "couponCode", "discount", "newTotal", "tax",
            "total", "currency", "status", "orderId", "createdAt", "expiresAt"})
    public record SessionView(@jakarta.json.bind.annotation.JsonbProperty("_id") String id, String sessionId, String cartId, String userId, List<OrderLine> items, BigDecimal subtotal,
                              String couponCode, BigDecimal discount, BigDecimal newTotal, BigDecimal tax,
                              BigDecimal total, String currency, String status, String orderId, Instant createdAt,
                              Instant expiresAt) {
        static SessionView of(CheckoutSession s, boolean withNewTotal) {
            return new SessionView(s.sessionId(), s.sessionId(), s.cartId(), s.userId(), s.items(), s.subtotal(), s.couponCode(),
                    s.discount(), withNewTotal ? s.total() : null, s.tax(), s.total(), s.currency(),
                    s.effectiveStatus(Instant.now()), s.orderId(), s.createdAt(), s.expiresAt());
        }
    }

    @JsonbPropertyOrder({"orderId", "status", "message", "paymentStatus", "clientSecret", "session"})
    public record PaymentView(String orderId, String status, String message, String paymentStatus, String clientSecret,
                              SessionView session) {
    }

    @POST
    @ResponseMessage("Checkout session created")
    @Operation(summary = "Snapshot the caller's cart (catalog prices, the cart's coupon quoted) for 30 minutes")
    public Response create(@Valid CreateSession body) {
        CheckoutSession session = sessions.create(caller.id(), authorization, body == null ? null : body.cartId());
        return Response.status(Response.Status.CREATED).entity(SessionView.of(session, false)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The caller's checkout session (another's: 404)")
    public SessionView get(@PathParam("id") @Pattern(regexp = SESSION_ID, message = "is not a session id") String id) {
        return SessionView.of(sessions.get(caller.id(), id), false);
    }

    @POST
    @Path("/{id}/coupon")
    @ResponseMessage("Coupon applied")
    @Operation(summary = "Quote a coupon for the session (the use is reserved when the order is placed): discount, newTotal")
    public SessionView coupon(@PathParam("id") @Pattern(regexp = SESSION_ID, message = "is not a session id") String id,
                              @Valid @NotNull ApplyCoupon body) {
        return SessionView.of(sessions.applyCoupon(caller.id(), authorization, id, body.couponCode()), true);
    }

    @POST
    @Path("/{id}/payment")
    @ResponseMessage("Checkout processed")
    @Operation(summary = "Place the session's order (once) and charge a saved card: status success or failed")
    public PaymentView pay(@PathParam("id") @Pattern(regexp = SESSION_ID, message = "is not a session id") String id,
                           @Valid @NotNull PayRequest body) {
        Address a = body.billingAddress();
        BillingAddress billing = a == null ? null : new BillingAddress(a.firstName().strip() + " " + a.lastName().strip(),
                caller.email() == null ? "unknown@invalid" : caller.email(),
                a.address2() == null || a.address2().isBlank() ? a.address1() : a.address1() + ", " + a.address2(),
                a.city(), a.country(), a.postalCode());
        CheckoutSessions.Paid paid = sessions.pay(caller.id(), caller.email(), authorization, id, body.paymentMethodId(), billing);
        return new PaymentView(paid.order().orderId(), paid.status(), paid.message(), paid.order().paymentStatus().value(),
                paid.clientSecret(), SessionView.of(paid.session(), false));
    }
}
