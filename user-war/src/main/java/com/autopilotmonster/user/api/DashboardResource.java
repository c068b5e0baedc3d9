package com.autopilotmonster.user.api;

import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.user.domain.Money;
import com.autopilotmonster.user.domain.Profiles;
import com.autopilotmonster.user.domain.Purchases;
import com.autopilotmonster.user.domain.Subscriptions;
import com.autopilotmonster.user.domain.UserSettings;
import com.autopilotmonster.user.domain.Wishlists;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The buyer's home page in one call: profile summary, counts (paid orders, owned purchases, wishlist, total
 * spent), the active subscription, the last purchases and the owned products with their download paths.
 */
@Path("/users/dashboard")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({CurrentUser.USER, CurrentUser.VENDOR, CurrentUser.ADMIN})
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "dashboard")
public class DashboardResource {

    static final int RECENT = 5;

    @Inject
    Profiles profiles;

    @Inject
    Purchases purchases;

    @Inject
    Wishlists wishlists;

    @Inject
    Subscriptions subscriptions;

    @Inject
    UserSettings settings;

    @Inject
    CurrentUser currentUser;

    @GET
    @ResponseMessage("Dashboard data retrieved successfully")
    @Operation(summary = "Counts, active subscription, last purchases and owned products with download paths")
    public Map<String, Object> dashboard() {
        String userId = currentUser.id();
        Document profile = profiles.findOrCreate(userId, currentUser.email(), null, null);
        List<Document> owned = purchases.owned(userId);
        Set<String> orders = new HashSet<>();
        BigDecimal spent = BigDecimal.ZERO;
        for (Document d : owned) {
            orders.add(d.getString("orderId"));
            BigDecimal price = Money.of(d.get("price"));
            int quantity = d.get("quantity") instanceof Number n ? n.intValue() : 1;
            if (price != null) {
                spent = spent.add(price.multiply(BigDecimal.valueOf(quantity)));
            }
        }
        int wishlistCount = wishlists.count(userId);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("orders", orders.size());
        counts.put("purchases", owned.size());
        counts.put("wishlist", wishlistCount);
        counts.put("totalSpent", Money.cents(spent));

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("userId", userId);
        summary.put("name", profile.getString("displayName"));
        summary.put("email", profile.getString("email"));
        summary.put("avatar", profile.getString("avatar"));
        summary.values().removeIf(java.util.Objects::isNull);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("profile", summary);
        data.put("counts", counts);
        data.put("wishlistCount", wishlistCount);
        data.put("totalSpent", Money.cents(spent));
        Document active = subscriptions.active(userId);
        data.put("subscription", active == null ? null : SubscriptionResource.view(active));
        data.put("recentPurchases", purchases.latest(userId, RECENT).stream()
                .map(d -> PurchaseResource.view(d, settings.downloadLimit())).toList());
        data.put("ownedProducts", owned.stream().map(d -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("productId", d.getString("productId"));
            v.put("productName", d.getString("productName"));
            v.put("purchaseId", d.getString("purchaseId"));
            v.put("orderId", d.getString("orderId"));
            v.put("licenseKey", d.getString("licenseKey"));
            int used = d.get("downloadCount") instanceof Number n ? n.intValue() : 0;
            v.put("downloadsRemaining", Math.max(0, settings.downloadLimit() - used));
            v.put("downloadPath", "/api/users/purchases/" + d.getString("productId") + "/download");
            v.values().removeIf(java.util.Objects::isNull);
            return v;
        }).toList());
        data.put("lastActive", profile.getDate("updatedAt") == null ? null : profile.getDate("updatedAt").toInstant());
        return data;
    }
}
