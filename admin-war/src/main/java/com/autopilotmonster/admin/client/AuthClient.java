package com.autopilotmonster.admin.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The auth service's admin account API ({@code auth-api/mp-rest/url}, default http://localhost:4002), called with
 * the calling admin's own bearer token, so auth applies its own rules (roles, self-demotion) as well.
 * Answers are taken as {@link Response}s (the default exception mapper is off) so {@link Downstream} can pass the
 * owner's 4xx on unchanged.
 */
@RegisterRestClient(configKey = "auth-api")
@Path("/api/auth/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AuthClient {

    @GET
    Response list(@HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId,
                  @QueryParam("q") String q, @QueryParam("role") String role, @QueryParam("isActive") Boolean active,
                  @QueryParam("page") int page, @QueryParam("limit") int limit);

    @GET
    @Path("/{id}")
    Response get(@HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId,
                 @PathParam("id") String id);

    @PUT
    @Path("/{id}")
    Response update(@HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId,
                    @PathParam("id") String id, String body);

    @DELETE
    @Path("/{id}")
    Response deactivate(@HeaderParam("Authorization") String authorization,
                        @HeaderParam("X-Request-Id") String requestId, @PathParam("id") String id);
}
