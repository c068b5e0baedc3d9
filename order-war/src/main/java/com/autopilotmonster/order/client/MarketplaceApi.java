package com.autopilotmonster.order.client;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The marketplace's public product lookup (anonymous: only active products are answered). */
@RegisterRestClient(configKey = "marketplace-api")
@Path("/api/marketplace/products")
@Produces(MediaType.APPLICATION_JSON)
public interface MarketplaceApi {

    @GET
    @Path("/{id}")
    JsonObject product(@PathParam("id") String id);
}
