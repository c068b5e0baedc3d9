package com.autopilotmonster.marketplace.api;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.marketplace.events.VendorStatuses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the marketplace believes of a vendor (learnt from the vendor service's events), for operators checking
 * why a vendor's products cannot be published - and for tests waiting until an event has been applied.
 */
@Path("/marketplace/vendors/{vendorId}/status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vendors")
public class VendorStatusResource {

    @Inject
    VendorStatuses statuses;

    @JsonbPropertyOrder({"vendorId", "status", "publishable", "since"})
    public record VendorStatusView(String vendorId, String status, boolean publishable, Instant since) {
    }

    @GET
    @RolesAllowed("admin")
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "The vendor's status as the marketplace knows it (404: no vendor event seen)")
    public VendorStatusView get(@PathParam("vendorId") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
            message = "must be a vendor id") String vendorId) {
        VendorStatuses.Known known = statuses.of(vendorId)
                .orElseThrow(() -> ApiException.notFound("The marketplace knows no status of this vendor"));
        return new VendorStatusView(vendorId, known.status(), "active".equals(known.status()), known.at());
    }
}
