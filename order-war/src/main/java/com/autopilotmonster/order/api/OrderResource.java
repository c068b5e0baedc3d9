package com.autopilotmonster.order.api;

import com.autopilotmonster.common.api.JsonbSettings;
import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.order.client.CartReader;
import com.autopilotmonster.order.domain.BillingAddress;
import com.autopilotmonster.order.domain.Checkout;
import com.autopilotmonster.order.domain.IdempotentCheckout;
import com.autopilotmonster.order.domain.Order;
import com.autopilotmonster.order.domain.OrderActions;
import com.autopilotmonster.order.domain.OrderStore;
import com.autopilotmonster.order.domain.PaymentStart;
import com.autopilotmonster.order.domain.Payments;
import com.autopilotmonster.order.domain.Sandbox;
import com.autopilotmonster.order.domain.Transaction;
import com.autopilotmonster.order.domain.TransactionLog;
import com.mongodb.client.model.Filters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The spec's order endpoints. Owners see their orders, admins all; anyone else gets 404. */
@Path("/orders")
@RequestScoped
@RolesAllowed({"user", "vendor", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "orders")
public class OrderResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,255}");

    @Inject
    Checkout checkout;

    @Inject
    IdempotentCheckout idempotent;

    @Inject
    OrderStore orders;

    @Inject
    OrderActions actions;

    @Inject
    Payments payments;

    @Inject
    Sandbox sandbox;

    @Inject
    TransactionLog transactions;

    @Inject
    CurrentUser currentUser;

    @Inject
    com.autopilotmonster.order.domain.PaymentMethods paymentMethods;

    @Inject
    Validator validator;

    @POST
    @ResponseMessage("Order created")
    @Operation(summary = "Create an order from the caller's cart, or from an explicit item list; every line is "
            + "priced by the catalog. Idempotency-Key supported (same key and body: same order).")
    public Response create(@Valid @NotNull OrderRequests.CreateOrder body,
                           @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                           @HeaderParam("Authorization") String authorization) {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        String userId = currentUser.id();
        List<CartReader.Wanted> explicit = body.items() == null ? null : body.items().stream()
                .map(l -> new CartReader.Wanted(l.productId(), l.quantity() == null ? 1 : l.quantity())).toList();
        OrderRequests.BillingAddress b = body.billingAddress().toBilling(currentUser.email());
        Set<ConstraintViolation<OrderRequests.BillingAddress>> invalid = validator.validate(b);
        if (!invalid.isEmpty()) {
            throw new ConstraintViolationException(invalid);
        }
        BillingAddress billing = new BillingAddress(b.name(), b.email(), b.address(), b.city(), b.country(), b.zip());
        // the client names how it pays (card, upi, ...); the order records the provider that will take it
        String method = body.paymentMethod() == null ? "stripe" : paymentMethods.providerFor(body.paymentMethod());
        IdempotentCheckout.Placed placed = idempotent.place(userId, idempotencyKey, fingerprint(body),
                () -> checkout.place(userId, currentUser.email(), authorization, explicit, body.couponCode(), billing, method));
        Response.ResponseBuilder answer = Response.status(Response.Status.CREATED).entity(OrderView.of(placed.order()));
        if (placed.replayed()) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.build();
    }

    @GET
    @Operation(summary = "The caller's orders, newest first; admins see all and may filter by userId")
    public Page<OrderView> list(@QueryParam("status") @Pattern(regexp = "pending|processing|completed|cancelled|refunded") String status,
                                @QueryParam("paymentStatus") @Pattern(regexp = "pending|paid|failed|refunded") String paymentStatus,
                                @QueryParam("userId") @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String userId,
                                @QueryParam("needsReview") Boolean needsReview,
                                @BeanParam @Valid PageRequest paging) {
        List<Bson> filters = new ArrayList<>();
        if (currentUser.isAdmin()) {
            if (userId != null) {
                filters.add(Filters.eq("userId", userId));
            }
        } else {
            filters.add(Filters.eq("userId", currentUser.id()));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status));
        }
        if (paymentStatus != null) {
            filters.add(Filters.eq("paymentStatus", paymentStatus));
        }
        if (needsReview != null) {
            filters.add(Filters.eq("needsReview", needsReview));
        }
        return orders.list(filters, paging).map(OrderView::of).named("orders");
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One order, by its id or its orderId (owner or admin)")
    public OrderView get(@PathParam("id") String id) {
        return OrderView.of(visible(id));
    }

    @POST
    @Path("/{id}/payment")
    @ResponseMessage("Payment started")
    @Operation(summary = "Start paying: a Stripe PaymentIntent (client secret returned) or a Razorpay order (id and key id returned)")
    public PaymentStart pay(@PathParam("id") String id, @Valid @NotNull OrderRequests.Pay body) {
        if (body.paymentMethod() == null && body.method() == null) {
            throw ApiException.badRequest("paymentMethod (stripe, razorpay) or method (card, upi, netbanking, wallet) is required");
        }
        Order order = visible(id);
        if (!order.userId().equals(currentUser.id())) {
            throw ApiException.forbidden("Only the customer pays an order");
        }
        if (body.amount() != null && body.amount().compareTo(order.total()) != 0) {
            throw ApiException.unprocessable("amount " + body.amount().toPlainString() + " is not this order's total "
                    + order.total().toPlainString() + " " + order.currency());
        }
        String provider = body.paymentMethod() != null ? body.paymentMethod() : paymentMethods.providerFor(body.method());
        return payments.start(order, provider, body.method() != null ? body.method() : provider);
    }

    @GET
    @Path("/{id}/payment")
    @Operation(summary = "The order's payment as the original web client reads it (owner or admin)")
    public PaymentView payment(@PathParam("id") String id) {
        return PaymentView.of(visible(id));
    }

    @POST
    @Path("/{id}/cancel")
    @ResponseMessage("Order cancelled")
    @Operation(summary = "Cancel an order that is not paid; publishes order.cancelled")
    public OrderView cancel(@PathParam("id") String id, @Valid OrderRequests.Cancel body) {
        Order order = visible(id);
        return OrderView.of(actions.cancel(order, body == null ? null : body.reason(), currentUser.id()));
    }

    @GET
    @Path("/{id}/transactions")
    @RolesAllowed("admin")
    @Operation(summary = "The order's transaction log: every payment step and webhook (admins)")
    public Page<Transaction> transactions(@PathParam("id") String id, @BeanParam @Valid PageRequest paging) {
        Order order = visible(id);
        return transactions.list(order.orderId(), null, null, paging).named("transactions");
    }

    @POST
    @Path("/{id}/sandbox/complete")
    @ResponseMessage("Sandbox payment sent through the webhook")
    @Operation(summary = "SANDBOX mode only (PAYMENTS_MODE=sandbox, local run): play the provider and send the "
            + "signed payment webhook for this order; 404 in live mode")
    public Map<String, Object> sandboxComplete(@PathParam("id") String id, @Valid OrderRequests.SandboxComplete body) {
        if (!sandbox.enabled()) {
            throw ApiException.notFound("No such resource");
        }
        Order order = visible(id);
        if (!order.userId().equals(currentUser.id())) {
            throw ApiException.forbidden("Only the customer pays an order");
        }
        boolean succeed = body == null || body.outcome() == null || "succeeded".equals(body.outcome());
        String outcome = sandbox.complete(order, succeed);
        return Map.of("webhook", outcome, "order", OrderView.of(orders.find(order.id()).orElse(order)));
    }

    private Order visible(String id) {
        Order order = orders.find(id).orElseThrow(() -> ApiException.notFound("Order not found"));
        currentUser.requireOwnerOrAdmin(order.userId(), "Order");
        return order;
    }

    /** The body as the server understood it (whitespace and field order of the client do not matter). */
    private static String fingerprint(OrderRequests.CreateOrder body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    JsonbSettings.jsonb().toJson(body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
