package com.autopilotmonster.user.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The marketplace's public product read ({@code marketplace-api/mp-rest/url}, default
 * http://localhost:4003), called anonymously: it answers only {@code active} products, 404 otherwise.
 * Used through {@link ProductCatalog}, which adds the timeout, retry and circuit breaker.
 */
@RegisterRestClient(configKey = "marketplace-api")
@Path("/api/marketplace/products")
@Produces(MediaType.APPLICATION_JSON)
public interface MarketplaceClient {

    @GET
    @Path("/{id}")
    ProductResponse product(@PathParam("id") String id);
}
