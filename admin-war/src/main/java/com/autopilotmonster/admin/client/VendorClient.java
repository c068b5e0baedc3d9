package com.autopilotmonster.admin.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The vendor service's admin API ({@code vendor-api/mp-rest/url}, default http://localhost:4006): vendor review
 * (approve, reject, suspend, reactivate, edit) and payout approval, with the calling admin's token.
 * The vendor id is the vendor's user id.
 */
@RegisterRestClient(configKey = "vendor-api")
@Path("/api/vendors/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface VendorClient {

    @GET
    @Path("/vendors")
    Response vendors(@HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId,
                     @QueryParam("status") String status, @QueryParam("q") String q, @QueryParam("page") int page,
                     @QueryParam("limit") int limit);

    @GET
    @Path("/vendors/{vendorId}")
    Response vendor(@HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId,
                    @PathParam("vendorId") String vendorId);

    @PUT
    @Path("/vendors/{vendorId}")
    Response update(@HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId,
                    @PathParam("vendorId") String vendorId, String body);

    /** {@code action}: approve, reject, suspend or reactivate; body {@code {reason}} or {@code {}}. */
    @POST
    @Path("/vendors/{vendorId}/{action}")
    Response vendorAction(@HeaderParam("Authorization") String authorization,
                          @HeaderParam("X-Request-Id") String requestId, @PathParam("vendorId") String vendorId,
                          @PathParam("action") String action, String body);

    @GET
    @Path("/payouts")
    Response payouts(@HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId,
                     @QueryParam("status") String status, @QueryParam("page") int page, @QueryParam("limit") int limit);

    /** {@code action}: approve, reject or paid; body {@code {reason}} or {@code {}}. */
    @POST
    @Path("/payouts/{payoutId}/{action}")
    Response payoutAction(@HeaderParam("Authorization") String authorization,
                          @HeaderParam("X-Request-Id") String requestId, @PathParam("payoutId") String payoutId,
                          @PathParam("action") String action, String body);
}
