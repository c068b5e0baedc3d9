package com.autopilotmonster.order.client;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import com.autopilotmonster.common.client.RemoteProblemMapper;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The marketplace's coupon uses, asked with the buyer's own token (the marketplace owns coupons). */
@RegisterRestClient(configKey = "marketplace-api")
@RegisterProvider(RemoteProblemMapper.class)
@Path("/api/marketplace/coupons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CouponApi {

    @POST
    @Path("/quote")
    JsonObject quote(@HeaderParam("Authorization") String authorization, JsonObject body);

    @POST
    @Path("/redemptions")
    JsonObject reserve(@HeaderParam("Authorization") String authorization, JsonObject body);

    @POST
    @Path("/redemptions/{orderId}/release")
    JsonObject release(@HeaderParam("Authorization") String authorization, @PathParam("orderId") String orderId,
                       JsonObject empty);
}
