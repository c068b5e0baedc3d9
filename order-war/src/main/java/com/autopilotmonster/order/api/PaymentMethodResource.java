package com.autopilotmonster.order.api;

import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.order.domain.SavedPaymentMethods;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The buyer's saved payment methods ({@code /api/checkout/payment-methods}, as the original client calls them).
 * Card numbers and security codes are refused outright: only Stripe ever sees them.
 */
@Path("/checkout/payment-methods")
@RequestScoped
@RolesAllowed({"user", "vendor", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "checkout")
public class PaymentMethodResource {

    static final String METHOD_ID = "pm_[A-Za-z0-9_]{1,96}";

    @Inject
    SavedPaymentMethods methods;

    @Inject
    CurrentUser caller;

    /** The client's {@code PaymentMethod} without id; {@code paymentMethodId} is Stripe.js's PaymentMethod. */
    public record AddRequest(@Pattern(regexp = METHOD_ID, message = "must be a Stripe PaymentMethod id") String paymentMethodId,
                             @Pattern(regexp = "credit_card|debit_card|stripe|paypal", message = "must be credit_card, debit_card, stripe or paypal") String type,
                             @Size(max = 20) @Pattern(regexp = "[A-Za-z ]+", message = "must be a card brand") String brand,
                             @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits") String last4,
                             @Min(1) @Max(12) Long expiryMonth, @Min(2000) @Max(2100) Long expiryYear, Boolean isDefault,
                             String number, String cardNumber, String cvc, String cvv) {
    }

    @JsonbPropertyOrder({"mongoId", "id", "type", "last4", "brand", "expiryMonth", "expiryYear", "isDefault", "createdAt"})
    public record MethodView(@jakarta.json.bind.annotation.JsonbProperty("_id") String mongoId, String id, String type, String last4, String brand, Long expiryMonth, Long expiryYear,
                             boolean isDefault, java.time.Instant createdAt) {
        static MethodView of(SavedPaymentMethods.Saved s) {
            return new MethodView(s.id(), s.id(), s.type(), s.last4(), s.brand(), s.expiryMonth(), s.expiryYear(), s.isDefault(),
                    s.createdAt());
        }
    }

    @GET
    @Operation(summary = "The caller's saved payment methods (an array, as the client reads it)")
    public List<MethodView> list() {
        return methods.list(caller.id()).stream().map(MethodView::of).toList();
    }

    @POST
    @ResponseMessage("Payment method added")
    @Operation(summary = "Save a Stripe PaymentMethod created with Stripe.js (sandbox: a described test card)")
    public Response add(@Valid @NotNull AddRequest body) {
        if (body.number() != null || body.cardNumber() != null || body.cvc() != null || body.cvv() != null) {
            throw ApiException.badRequest("Card numbers and security codes are never sent here: create the payment "
                    + "method with Stripe.js and send its id");
        }
        SavedPaymentMethods.Saved saved = methods.add(caller.id(), caller.email(), new SavedPaymentMethods.NewMethod(
                body.paymentMethodId(), body.type(), body.brand(), body.last4(), body.expiryMonth(), body.expiryYear(),
                Boolean.TRUE.equals(body.isDefault())));
        return Response.status(Response.Status.CREATED).entity(MethodView.of(saved)).build();
    }

    @POST
    @Path("/{id}/set-default")
    @ResponseMessage("Default payment method set")
    public MethodView setDefault(@PathParam("id") @Pattern(regexp = METHOD_ID, message = "is not a payment method id") String id) {
        return MethodView.of(methods.setDefault(caller.id(), id));
    }

    @DELETE
    @Path("/{id}")
    @ResponseMessage("Payment method removed")
    public Map<String, Object> delete(@PathParam("id") @Pattern(regexp = METHOD_ID, message = "is not a payment method id") String id) {
        methods.delete(caller.id(), id);
        return Map.of("id", id, "deleted", true);
    }
}
