package com.autopilotmonster.order.client;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The caller's cart, read with the caller's own token (the cart service decides whose cart it is). */
@RegisterRestClient(configKey = "cart-api")
@Path("/api/cart")
@Produces(MediaType.APPLICATION_JSON)
public interface CartApi {

    @GET
    JsonObject cart(@HeaderParam("Authorization") String authorization);
}
