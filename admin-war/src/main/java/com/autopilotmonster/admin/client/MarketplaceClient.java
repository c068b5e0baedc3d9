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
 * The marketplace's product moderation ({@code marketplace-api/mp-rest/url}, default http://localhost:4003):
 * the admin listing by status and the admin's {@code PUT} with {@code status} (and {@code reason}), with the
 * calling admin's token. The marketplace owns the moderation rules; this service only calls them.
 */
@RegisterRestClient(configKey = "marketplace-api")
@Path("/api/marketplace/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface MarketplaceClient {

    @GET
    Response list(@HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId,
                  @QueryParam("status") String status, @QueryParam("q") String q,
                  @QueryParam("vendorId") String vendorId, @QueryParam("sort") String sort,
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
    Response delete(@HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId,
                    @PathParam("id") String id);
}
