package com.autopilotmonster.order.api;

import com.autopilotmonster.common.api.NoEnvelope;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.order.domain.OrderMetrics;
import com.autopilotmonster.order.domain.RazorpayWebhooks;
import com.autopilotmonster.order.domain.StripeWebhooks;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Provider webhooks. The body is taken as raw bytes - signatures are over the exact bytes sent, so it is
 * never parsed and re-serialized before verification - and the answer is the providers' plain JSON, not the
 * envelope. A 2xx tells the provider to stop retrying; 400 (bad signature) and 5xx (our failure) do not.
 */
@Path("/orders/webhooks")
@RequestScoped
@PermitAll
@NoEnvelope
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
public class WebhookResource {

    @Inject
    StripeWebhooks stripe;

    @Inject
    RazorpayWebhooks razorpay;

    @Inject
    OrderMetrics metrics;

    @POST
    @Path("/stripe")
    @Operation(summary = "Stripe events (Stripe-Signature verified on the raw body)")
    public Map<String, Object> stripe(byte[] body, @HeaderParam("Stripe-Signature") String signature) {
        String payload = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        return counted("stripe", () -> stripe.handle(payload, signature));
    }

    @POST
    @Path("/razorpay")
    @Operation(summary = "Razorpay events (X-Razorpay-Signature verified on the raw body)")
    public Map<String, Object> razorpay(byte[] body, @HeaderParam("X-Razorpay-Signature") String signature,
                                        @HeaderParam("X-Razorpay-Event-Id") String eventId) {
        String payload = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        return counted("razorpay", () -> razorpay.handle(payload, signature, eventId));
    }

    /** Handles one delivery and counts its outcome: the handling's, {@code rejected} (4xx) or {@code error}. */
    private Map<String, Object> counted(String provider, Supplier<String> handling) {
        String outcome = "error";
        try {
            outcome = handling.get();
            return Map.of("received", true, "outcome", outcome);
        } catch (ApiException e) {
            outcome = e.status() < 500 ? "rejected" : "error";
            throw e;
        } finally {
            metrics.webhook(provider, outcome);
        }
    }
}
