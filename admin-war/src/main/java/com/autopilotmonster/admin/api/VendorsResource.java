package com.autopilotmonster.admin.api;

import com.autopilotmonster.admin.client.Downstream;
import com.autopilotmonster.admin.client.VendorClient;
import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.problem.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Vendor review and payout approval, through the vendor service's admin API (the vendor service owns vendors,
 * their states and payouts; it publishes the {@code vendor.*} and {@code payout.*} events). A reject without a
 * reason is refused here (400) before the vendor service is asked.
 */
@Path("/admin")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "admin-vendors")
public class VendorsResource {

    static final String VENDOR_STATUS = "pending|active|approved|rejected|suspended";
    static final String PAYOUT_STATUS = "requested|approved|paying|paid|rejected|failed";

    @Inject
    @RestClient
    VendorClient vendors;

    @Inject
    Downstream downstream;

    @Inject
    AdminCaller caller;

    @Inject
    Audit audit;

    @GET
    @Path("/vendors")
    @Operation(summary = "Vendors by status, searched by name (search or q)")
    public Page<JsonObject> list(@QueryParam("status") @Pattern(regexp = VENDOR_STATUS, message = "unknown vendor status") String status,
                                 @QueryParam("search") @Size(max = 100) String search,
                                 @QueryParam("q") @Size(max = 100) String q,
                                 @BeanParam @Valid PageRequest paging) {
        AdminCaller.Headers h = caller.headers();
        String text = search != null ? search : q;
        String state = "approved".equals(status) ? "active" : status; // the original client's word for active
        JsonObject answer = downstream.vendor(() -> vendors.vendors(h.bearer(), h.requestId(), state, text,
                paging.page(), paging.limit()));
        return Bodies.page(answer, "vendors", paging.page(), paging.limit()).map(VendorsResource::view).named("vendors");
    }

    @GET
    @Path("/vendors/{id}")
    public JsonObject get(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id) {
        return view(fetch(id));
    }

    @PUT
    @Path("/vendors/{id}")
    @ResponseMessage("Vendor updated")
    @Operation(summary = "Edit a vendor's profile as an admin (the vendor service validates the fields)")
    public JsonObject update(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id,
                             String body) {
        JsonObject change = Bodies.object(body);
        if (change.isEmpty()) {
            throw ApiException.badRequest("Nothing to change");
        }
        AdminCaller.Headers h = caller.headers();
        JsonObject before = fetch(id);
        JsonObject after = Downstream.data(downstream.vendor(() -> vendors.update(h.bearer(), h.requestId(), id,
                change.toString())));
        audit.record("vendor.update", "vendor", id, before, after);
        return view(after);
    }

    @POST
    @Path("/vendors/{id}/approve")
    @ResponseMessage("Vendor approved")
    public JsonObject approve(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id) {
        return vendorAction(id, "approve", null);
    }

    @POST
    @Path("/vendors/{id}/reject")
    @ResponseMessage("Vendor rejected")
    @Operation(summary = "Reject a vendor application; {reason} is required")
    public JsonObject reject(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id,
                             String body) {
        return vendorAction(id, "reject", Bodies.reason(Bodies.object(body), true));
    }

    @POST
    @Path("/vendors/{id}/suspend")
    @ResponseMessage("Vendor suspended")
    @Operation(summary = "Suspend a vendor; {reason} optional")
    public JsonObject suspend(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id,
                              String body) {
        return vendorAction(id, "suspend", Bodies.reason(Bodies.object(body), false));
    }

    @POST
    @Path("/vendors/{id}/reactivate")
    @ResponseMessage("Vendor reactivated")
    public JsonObject reactivate(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id) {
        return vendorAction(id, "reactivate", null);
    }

    @GET
    @Path("/payouts")
    @Operation(summary = "Payout requests by status (requested ones await approval)")
    public Page<JsonObject> payouts(@QueryParam("status") @Pattern(regexp = PAYOUT_STATUS, message = "unknown payout status") String status,
                                    @BeanParam @Valid PageRequest paging) {
        AdminCaller.Headers h = caller.headers();
        JsonObject answer = downstream.vendor(() -> vendors.payouts(h.bearer(), h.requestId(), status, paging.page(),
                paging.limit()));
        return Bodies.page(answer, "payouts", paging.page(), paging.limit()).named("payouts");
    }

    @POST
    @Path("/payouts/{id}/approve")
    @ResponseMessage("Payout approved")
    public JsonObject approvePayout(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id) {
        return payoutAction(id, "approve", null);
    }

    @POST
    @Path("/payouts/{id}/reject")
    @ResponseMessage("Payout rejected")
    @Operation(summary = "Reject a payout request; {reason} is required")
    public JsonObject rejectPayout(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id,
                                   String body) {
        return payoutAction(id, "reject", Bodies.reason(Bodies.object(body), true));
    }

    @POST
    @Path("/payouts/{id}/paid")
    @ResponseMessage("Payout marked paid")
    public JsonObject paid(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id) {
        return payoutAction(id, "paid", null);
    }

    private JsonObject fetch(String id) {
        AdminCaller.Headers h = caller.headers();
        return Downstream.data(downstream.vendor(() -> vendors.vendor(h.bearer(), h.requestId(), id)));
    }

    private JsonObject vendorAction(String id, String action, String reason) {
        AdminCaller.Headers h = caller.headers();
        JsonObject before = fetch(id);
        JsonObject after = Downstream.data(downstream.vendor(() -> vendors.vendorAction(h.bearer(), h.requestId(), id,
                action, Bodies.reasonBody(reason))));
        audit.record("vendor." + action, "vendor", id, before, after);
        return view(after);
    }

    /** The vendor service's vendor plus the original client's {@code rating} (its averageRating; 0 before any review). */
    static JsonObject view(JsonObject vendor) {
        JsonValue rating = vendor.get("averageRating");
        return Json.createObjectBuilder(vendor).add("rating", rating instanceof JsonNumber n ? n : Json.createValue(0)).build();
    }

    private JsonObject payoutAction(String id, String action, String reason) {
        AdminCaller.Headers h = caller.headers();
        JsonObject after = Downstream.data(downstream.vendor(() -> vendors.payoutAction(h.bearer(), h.requestId(), id,
                action, Bodies.reasonBody(reason))));
        audit.record("payout." + action, "payout", id, null, after);
        return after;
    }
}
