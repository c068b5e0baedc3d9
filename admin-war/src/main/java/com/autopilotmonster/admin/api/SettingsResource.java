package com.autopilotmonster.admin.api;

import com.autopilotmonster.admin.domain.PlatformSettings;
import com.autopilotmonster.common.api.ResponseMessage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform settings: validated, stored in admin_db, published as {@code settings.updated}. */
@Path("/admin/settings")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "admin-settings")
public class SettingsResource {

    @Inject
    PlatformSettings settings;

    @Inject
    AdminCaller caller;

    @Inject
    Audit audit;

    @GET
    public JsonObject get() {
        return settings.current().json();
    }

    @PUT
    @ResponseMessage("Settings updated")
    @Operation(summary = "Change settings (partial): commissionRate \"0..0.9\", payoutMinimum, payoutHoldingDays 0..365, "
            + "maxProductsPerVendor 1..100000, featuredSlots 0..100, maintenanceMessage <= 500 (null clears)")
    public JsonObject update(String body) {
        JsonObject change = Bodies.object(body);
        JsonObject before = settings.current().json();
        JsonObject after = settings.update(change, caller.id()).json();
        audit.record("settings.update", "settings", "platform", before, after);
        return after;
    }
}
