package com.autopilotmonster.user.api;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.user.domain.Delivery;
import com.autopilotmonster.user.domain.Purchases;
import com.autopilotmonster.user.domain.UserSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's purchase history and the way to their files. */
@Path("/users/purchases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({CurrentUser.USER, CurrentUser.VENDOR, CurrentUser.ADMIN})
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "purchases")
public class PurchaseResource {

    @Inject
    Purchases purchases;

    @Inject
    Delivery delivery;

    @Inject
    UserSettings settings;

    @Inject
    CurrentUser currentUser;

    @GET
    @ResponseMessage("Purchases retrieved successfully")
    @Operation(summary = "Purchase history, newest first (status: pending, owned, refunded, cancelled)")
    public Page<Map<String, Object>> list(@BeanParam @Valid PageRequest paging,
                                          @QueryParam("status") @Pattern(regexp = "pending|owned|refunded|cancelled",
                                                  message = "must be pending, owned, refunded or cancelled") String status) {
        return purchases.list(currentUser.id(), status, paging.page(), paging.limit())
                .map(d -> view(d, settings.downloadLimit())).named("purchases");
    }

    @GET
    @Path("/{productId}/download")
    @ResponseMessage("Download link created")
    @Operation(summary = "A signed, short-lived link to the bought file (owned purchases with downloads left)")
    public Delivery.Offer download(@PathParam("productId") @Pattern(regexp = Ids.OBJECT_ID,
            message = Ids.OBJECT_ID_MESSAGE) String productId) {
        return delivery.offer(currentUser.id(), Ids.id(productId));
    }

    /** A purchase line as the client sees it: the licence key only once it is paid and not refunded. */
    static Map<String, Object> view(Document d, int limit) {
        Map<String, Object> v = Docs.view(d);
        boolean owned = Purchases.OWNED.equals(d.getString("status"));
        if (!owned) {
            v.remove("licenseKey");
        } else {
            int used = d.get("downloadCount") instanceof Number n ? n.intValue() : 0;
            v.put("downloadLimit", limit);
            v.put("downloadsRemaining", Math.max(0, limit - used));
            v.put("downloadPath", "/api/users/purchases/" + d.getString("productId") + "/download");
        }
        return v;
    }
}
