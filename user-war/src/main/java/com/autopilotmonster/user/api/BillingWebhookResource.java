package com.autopilotmonster.user.api;

import com.autopilotmonster.common.api.NoEnvelope;
import com.autopilotmonster.user.domain.BillingWebhooks;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Stripe Billing webhooks. The body is taken as raw bytes - the signature is over the exact bytes sent - and
 * the answer is plain JSON, not the envelope. 2xx tells Stripe to stop retrying; 400 (bad signature) does not.
 */
@Path("/users/webhooks")
@RequestScoped
@PermitAll
@NoEnvelope
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
public class BillingWebhookResource {

    @Inject
    BillingWebhooks webhooks;

    @POST
    @Path("/stripe")
    @Operation(summary = "Stripe Billing events (Stripe-Signature verified on the raw body)")
    public Map<String, Object> stripe(byte[] body, @HeaderParam("Stripe-Signature") String signature) {
        String outcome = webhooks.handle(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8), signature);
        return Map.of("received", true, "outcome", outcome);
    }
}
