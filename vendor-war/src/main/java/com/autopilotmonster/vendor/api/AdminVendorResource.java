package com.autopilotmonster.vendor.api;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.vendor.domain.Payout;
import com.autopilotmonster.vendor.domain.Payouts;
import com.autopilotmonster.vendor.domain.Vendor;
import com.autopilotmonster.vendor.domain.Vendors;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/**
 * What the admin service calls (with the admin's own token): vendor moderation through the state machine and
 * payout handling. A move that does not start from the current state is 409.
 */
@Path("/vendors/admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentUser.ADMIN)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "vendor admin")
public class AdminVendorResource {

    static final String VENDOR_ID = VendorRequests.ID;
    static final String PAYOUT_ID = "[0-9a-fA-F]{24}";

    @Inject
    Vendors vendors;

    @Inject
    Payouts payouts;

    @GET
    @Path("/vendors")
    @Operation(summary = "Vendors, newest first (?status=pending|active|rejected|suspended, ?q= name/email/id)")
    public Page<Vendor> list(@QueryParam("status") @Pattern(regexp = "pending|active|rejected|suspended") String status,
                             @QueryParam("q") @Size(max = 100) String q, @BeanParam @Valid PageRequest paging) {
        return vendors.list(status, q, paging.page(), paging.limit()).named("vendors");
    }

    @GET
    @Path("/vendors/{vendorId}")
    @Operation(summary = "One vendor record")
    public Vendor get(@PathParam("vendorId") @Pattern(regexp = VENDOR_ID, message = "must be a vendor id") String vendorId) {
        return vendors.get(vendorId);
    }

    @PUT
    @Path("/vendors/{vendorId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Vendor updated")
    @Operation(summary = "Edit a vendor's record (name, description, email, phone, website, avatar, verified)")
    public Vendor update(@PathParam("vendorId") @Pattern(regexp = VENDOR_ID, message = "must be a vendor id") String vendorId,
                         @Valid @NotNull VendorRequests.AdminUpdate body) {
        return vendors.adminUpdate(vendorId, body.profile(), body.verified());
    }

    @POST
    @Path("/vendors/{vendorId}/approve")
    @ResponseMessage("Vendor approved")
    @Operation(summary = "pending -> active (vendor.approved)")
    public Vendor approve(@PathParam("vendorId") @Pattern(regexp = VENDOR_ID, message = "must be a vendor id") String vendorId) {
        return vendors.move(vendorId, "approve", null);
    }

    @POST
    @Path("/vendors/{vendorId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Vendor rejected")
    @Operation(summary = "pending -> rejected; {reason} required (vendor.rejected)")
    public Vendor reject(@PathParam("vendorId") @Pattern(regexp = VENDOR_ID, message = "must be a vendor id") String vendorId,
                         @Valid @NotNull VendorRequests.Reason body) {
        return vendors.move(vendorId, "reject", body.reason().strip());
    }

    @POST
    @Path("/vendors/{vendorId}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Vendor suspended")
    @Operation(summary = "active -> suspended; {reason} required (vendor.suspended; the marketplace unpublishes its products)")
    public Vendor suspend(@PathParam("vendorId") @Pattern(regexp = VENDOR_ID, message = "must be a vendor id") String vendorId,
                          @Valid @NotNull VendorRequests.Reason body) {
        return vendors.move(vendorId, "suspend", body.reason().strip());
    }

    @POST
    @Path("/vendors/{vendorId}/reactivate")
    @ResponseMessage("Vendor reactivated")
    @Operation(summary = "suspended -> active (vendor.reactivated)")
    public Vendor reactivate(@PathParam("vendorId") @Pattern(regexp = VENDOR_ID, message = "must be a vendor id") String vendorId) {
        return vendors.move(vendorId, "reactivate", null);
    }

    @GET
    @Path("/payouts")
    @Operation(summary = "Payouts of every vendor, newest first (?status=, ?vendorId=)")
    public Page<Payout> payouts(@QueryParam("status") @Pattern(regexp = "requested|approved|paying|paid|rejected|failed") String status,
                                @QueryParam("vendorId") @Pattern(regexp = VENDOR_ID) String vendorId,
                                @BeanParam @Valid PageRequest paging) {
        return payouts.list(vendorId, status, paging.page(), paging.limit()).named("payouts");
    }

    @POST
    @Path("/payouts/{payoutId}/approve")
    @ResponseMessage("Payout approved")
    @Operation(summary = "requested -> approved (payout.approved)")
    public Payout approvePayout(@PathParam("payoutId") @Pattern(regexp = PAYOUT_ID, message = "must be a payout id") String payoutId) {
        return payouts.approve(payoutId);
    }

    @POST
    @Path("/payouts/{payoutId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Payout rejected")
    @Operation(summary = "requested|approved -> rejected, {reason} required; the amount returns to available (payout.rejected)")
    public Payout rejectPayout(@PathParam("payoutId") @Pattern(regexp = PAYOUT_ID, message = "must be a payout id") String payoutId,
                               @Valid @NotNull VendorRequests.Reason body) {
        return payouts.reject(payoutId, body.reason().strip());
    }

    @POST
    @Path("/payouts/{payoutId}/paid")
    @ResponseMessage("Payout paid")
    @Operation(summary = "approved -> paid: Stripe Connect transfer (sandbox: none); a failed transfer -> failed, money back, 502")
    public Payout paid(@PathParam("payoutId") @Pattern(regexp = PAYOUT_ID, message = "must be a payout id") String payoutId) {
        return payouts.paid(payoutId);
    }
}
