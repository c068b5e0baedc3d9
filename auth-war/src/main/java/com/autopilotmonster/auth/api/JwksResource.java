package com.autopilotmonster.auth.api;

import com.autopilotmonster.auth.domain.SigningKeys;
import com.autopilotmonster.common.api.NoEnvelope;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public keys that verify access tokens (RFC 7517 JWKS), for every service's MicroProfile JWT
 * ({@code mp.jwt.verify.publickey.location}); a standard format, so not wrapped in the envelope.
 */
@Path("/auth")
@NoEnvelope
public class JwksResource {

    @Inject
    SigningKeys keys;

    @GET
    @Path("/.well-known/jwks.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.jwks()).cacheControl(cache).build();
    }
}
