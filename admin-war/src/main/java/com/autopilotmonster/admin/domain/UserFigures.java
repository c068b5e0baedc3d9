package com.autopilotmonster.admin.domain;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the admin console shows next to an account and auth does not know, from the {@link ReadModel} only:
 * purchases (orders paid and not refunded), the net spent in the main currency ({@code admin.dashboard.currency}),
 * the last login ({@code user.logged-in}) and an admin's ban. One store query per collection for a whole page.
 */
@ApplicationScoped
public class UserFigures {

    /** @param lastLogin null when no login was seen */
    public record Figures(long purchases, BigDecimal spent, Date lastLogin, boolean banned) {
        static final Figures NONE = new Figures(0, BigDecimal.ZERO.setScale(2), null, false);
    }

    @Inject
    MongoDatabase database;

    @Inject
    @ConfigProperty(name = "admin.dashboard.currency", defaultValue = "USD")
    String mainCurrency;

    public Figures of(String userId) {
        return of(java.util.List.of(userId)).getOrDefault(userId, Figures.NONE);
    }

    public Map<String, Figures> of(Collection<String> userIds) {
        Map<String, Long> purchases = new HashMap<>();
        Map<String, Long> cents = new HashMap<>();
        for (Document o : database.getCollection(ReadModel.ORDERS)
                .find(Filters.and(Filters.in("userId", userIds), Filters.exists("paidAt")))) {
            String user = o.getString("userId");
            if (!o.containsKey("refundedAt")) {
                purchases.merge(user, 1L, Long::sum);
            }
            long net = (mainCurrency.equals(o.getString("paidCurrency")) ? number(o.get("paidCents")) : 0)
                    - (mainCurrency.equals(o.getString("refundCurrency")) ? number(o.get("refundedCents")) : 0);
            cents.merge(user, net, Long::sum);
        }
        Map<String, Figures> figures = new HashMap<>();
        Map<String, Document> users = new HashMap<>();
        database.getCollection(ReadModel.USERS).find(Filters.in("_id", userIds)).forEach(d -> users.put(d.getString("_id"), d));
        for (String id : userIds) {
            Document u = users.get(id);
            figures.put(id, new Figures(purchases.getOrDefault(id, 0L), BigDecimal.valueOf(cents.getOrDefault(id, 0L), 2),
                    u == null ? null : u.getDate("lastLoginAt"), u != null && Boolean.TRUE.equals(u.getBoolean("banned"))));
        }
        return figures;
    }

    private static long number(Object v) {
        return v instanceof Number n ? n.longValue() : 0;
    }
}
