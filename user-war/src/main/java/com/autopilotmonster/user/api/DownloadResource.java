package com.autopilotmonster.user.api;

import com.autopilotmonster.common.api.NoEnvelope;
import com.autopilotmonster.user.domain.Delivery;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where signed download links lead. No bearer token: the signature and expiry are the credential (a browser
 * follows the link). Each delivery counts against the purchase's limit; the answer is a 302 to the product's
 * file, or the generated licence document itself. Refusals are problem+json (403 forged/expired/exhausted/
 * refunded).
 */
@Path("/users/downloads")
@RequestScoped
@PermitAll
@NoEnvelope
@Tag(name = "purchases")
public class DownloadResource {

    @Inject
    Delivery delivery;

    @GET
    @Path("/{token}")
    @Operation(summary = "Deliver a bought file through a signed link (302 to the file, or the licence document)")
    public Response download(@PathParam("token") String token) {
        Delivery.Delivered delivered = delivery.deliver(token);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        if (delivered.redirectTo() != null) {
            return Response.status(Response.Status.FOUND).location(URI.create(delivered.redirectTo()))
                    .cacheControl(noStore).header("Referrer-Policy", "no-referrer").build();
        }
        return Response.ok(delivered.content().getBytes(StandardCharsets.UTF_8), "text/plain;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + delivered.fileName() + "\"")
                .cacheControl(noStore).build();
    }
}
