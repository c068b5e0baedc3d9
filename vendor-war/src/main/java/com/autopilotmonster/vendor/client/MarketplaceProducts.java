package com.autopilotmonster.vendor.client;

import com.autopilotmonster.common.client.RemoteProblemMapper;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The marketplace's product API ({@code marketplace-api/mp-rest/url}, default http://localhost:4003), called
 * with the vendor's own bearer token: the marketplace applies its ownership and catalog rules, this service
 * never copies them. A 4xx becomes a {@code RemoteProblem} carrying the marketplace's reason
 * ({@link RemoteProblemMapper}: the body can no longer be read from a plain WebApplicationException).
 * Used through {@link VendorCatalog} (timeout, retry of reads, circuit breaker).
 */
@RegisterRestClient(configKey = "marketplace-api")
@RegisterProvider(RemoteProblemMapper.class)
@Path("/api/marketplace/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface MarketplaceProducts {

    @GET
    @Path("/mine")
    JsonObject mine(@HeaderParam("Authorization") String authorization, @QueryParam("status") String status,
                    @QueryParam("page") int page, @QueryParam("limit") int limit);

    @GET
    @Path("/{id}")
    JsonObject get(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @POST
    JsonObject create(@HeaderParam("Authorization") String authorization, JsonObject body);

    @PUT
    @Path("/{id}")
    JsonObject update(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, JsonObject body);

    @DELETE
    @Path("/{id}")
    JsonObject delete(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);
}
