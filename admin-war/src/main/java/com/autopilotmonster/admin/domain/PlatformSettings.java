package com.autopilotmonster.admin.domain;

import com.autopilotmonster.common.events.EventPublisher;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.problem.FieldViolation;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform settings (one document in {@code admin_db.settings}). A change is validated as a whole, stored,
 * and published as {@code settings.updated} through the outbox; the vendor service takes the commission rate,
 * payout minimum and holding days from it for the next sale, without a restart. Money values travel as decimal
 * strings ("0.20", "10.00") so no consumer meets a binary fraction.
 */
@ApplicationScoped
public class PlatformSettings {

    public static final String COLLECTION = "settings";
    public static final String TOPIC = "settings.updated";
    static final String ID = "platform";
    static final Set<String> FIELDS = Set.of("commissionRate", "payoutMinimum", "payoutHoldingDays",
            "maxProductsPerVendor", "featuredSlots", "maintenanceMessage");
    static final BigDecimal MAX_RATE = new BigDecimal("0.9");
    static final BigDecimal MAX_MINIMUM = new BigDecimal("1000000");

    @Inject
    MongoDatabase database;

    @Inject
    EventPublisher events;

    @Inject
    @ConfigProperty(name = "admin.settings.commission-rate", defaultValue = "0.20")
    String defaultRate;

    @Inject
    @ConfigProperty(name = "admin.settings.payout-minimum", defaultValue = "10.00")
    String defaultMinimum;

    @Inject
    @ConfigProperty(name = "admin.settings.payout-holding-days", defaultValue = "7")
    int defaultHoldingDays;

    @Inject
    @ConfigProperty(name = "admin.settings.max-products-per-vendor", defaultValue = "100")
    int defaultMaxProducts;

    @Inject
    @ConfigProperty(name = "admin.settings.featured-slots", defaultValue = "10")
    int defaultFeaturedSlots;

    /** The settings as stored and answered. */
    public record Settings(String commissionRate, String payoutMinimum, int payoutHoldingDays, int maxProductsPerVendor,
                           int featuredSlots, String maintenanceMessage, String updatedBy, Instant updatedAt) {

        public JsonObject json() {
            JsonObjectBuilder b = Json.createObjectBuilder().add("commissionRate", commissionRate)
                    .add("payoutMinimum", payoutMinimum).add("payoutHoldingDays", payoutHoldingDays)
                    .add("maxProductsPerVendor", maxProductsPerVendor).add("featuredSlots", featuredSlots);
            if (maintenanceMessage != null) {
                b.add("maintenanceMessage", maintenanceMessage);
            }
            if (updatedBy != null) {
                b.add("updatedBy", updatedBy);
            }
            if (updatedAt != null) {
                b.add("updatedAt", updatedAt.toString());
            }
            return b.build();
        }
    }

    /** {@code settings.updated}: the whole current settings, who changed them and when. */
    public record SettingsUpdated(String commissionRate, String payoutMinimum, int payoutHoldingDays,
                                  int maxProductsPerVendor, int featuredSlots, String maintenanceMessage,
                                  String updatedBy, String timestamp) {
    }

    MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }

    public Settings current() {
        Document d = collection().find(Filters.eq("_id", ID)).first();
        if (d == null) {
            return new Settings(rate(new BigDecimal(defaultRate)), money(new BigDecimal(defaultMinimum)),
                    defaultHoldingDays, defaultMaxProducts, defaultFeaturedSlots, null, null, null);
        }
        Date at = d.getDate("updatedAt");
        return new Settings(d.getString("commissionRate"), d.getString("payoutMinimum"),
                d.getInteger("payoutHoldingDays", defaultHoldingDays),
                d.getInteger("maxProductsPerVendor", defaultMaxProducts),
                d.getInteger("featuredSlots", defaultFeaturedSlots), d.getString("maintenanceMessage"),
                d.getString("updatedBy"), at == null ? null : at.toInstant());
    }

    /**
     * Applies a partial change (absent fields keep their values; {@code maintenanceMessage: null} or "" clears it).
     * Every field is checked before anything is written; unknown fields are refused.
     */
    public synchronized Settings update(JsonObject change, String adminId) {
        List<FieldViolation> errors = new ArrayList<>();
        for (String key : change.keySet()) {
            if (!FIELDS.contains(key)) {
                errors.add(new FieldViolation(key, "unknown setting"));
            }
        }
        Settings before = current();
        String rate = before.commissionRate();
        if (change.containsKey("commissionRate")) {
            BigDecimal r = decimal(change.get("commissionRate"), "commissionRate", 4, errors);
            if (r != null && (r.signum() < 0 || r.compareTo(MAX_RATE) > 0)) {
                errors.add(new FieldViolation("commissionRate", "must be between 0 and 0.9"));
            } else if (r != null) {
                rate = rate(r);
            }
        }
        String minimum = before.payoutMinimum();
        if (change.containsKey("payoutMinimum")) {
            BigDecimal m = decimal(change.get("payoutMinimum"), "payoutMinimum", 2, errors);
            if (m != null && (m.signum() < 0 || m.compareTo(MAX_MINIMUM) > 0)) {
                errors.add(new FieldViolation("payoutMinimum", "must be between 0 and 1000000"));
            } else if (m != null) {
                minimum = money(m);
            }
        }
        int days = integer(change, "payoutHoldingDays", 0, 365, before.payoutHoldingDays(), errors);
        int maxProducts = integer(change, "maxProductsPerVendor", 1, 100_000, before.maxProductsPerVendor(), errors);
        int slots = integer(change, "featuredSlots", 0, 100, before.featuredSlots(), errors);
        String message = before.maintenanceMessage();
        if (change.containsKey("maintenanceMessage")) {
            JsonValue v = change.get("maintenanceMessage");
            if (v.getValueType() == JsonValue.ValueType.NULL) {
                message = null;
            } else if (v instanceof JsonString s) {
                String text = s.getString().strip();
                if (text.length() > 500) {
                    errors.add(new FieldViolation("maintenanceMessage", "must be at most 500 characters"));
                }
                message = text.isEmpty() ? null : text;
            } else {
                errors.add(new FieldViolation("maintenanceMessage", "must be a string or null"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation("Invalid settings", errors);
        }
        Instant now = Instant.now();
        Settings after = new Settings(rate, minimum, days, maxProducts, slots, message, adminId, now);
        Document doc = new Document("_id", ID).append("commissionRate", rate).append("payoutMinimum", minimum)
                .append("payoutHoldingDays", days).append("maxProductsPerVendor", maxProducts)
                .append("featuredSlots", slots).append("maintenanceMessage", message).append("updatedBy", adminId)
                .append("updatedAt", Date.from(now));
        collection().replaceOne(Filters.eq("_id", ID), doc, new ReplaceOptions().upsert(true));
        events.publish(TOPIC, ID, new SettingsUpdated(rate, minimum, days, maxProducts, slots, message, adminId,
                now.toString()));
        return after;
    }

    static String rate(BigDecimal r) {
        BigDecimal s = r.stripTrailingZeros();
        return s.setScale(Math.max(2, s.scale())).toPlainString();
    }

    static String money(BigDecimal m) {
        return m.setScale(2).toPlainString();
    }

    private static BigDecimal decimal(JsonValue v, String field, int maxScale, List<FieldViolation> errors) {
        BigDecimal d = null;
        try {
            if (v instanceof JsonString s && s.getString().strip().matches("\\d{1,9}(\\.\\d{1,10})?")) {
                d = new BigDecimal(s.getString().strip());
            } else if (v instanceof JsonNumber n) {
                d = n.bigDecimalValue();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            d = null;
        }
        if (d == null) {
            errors.add(new FieldViolation(field, "must be a decimal number such as \"0.20\""));
            return null;
        }
        if (d.stripTrailingZeros().scale() > maxScale) {
            errors.add(new FieldViolation(field, "at most " + maxScale + " decimals"));
            return null;
        }
        return d;
    }

    private static int integer(JsonObject change, String field, int min, int max, int current,
                               List<FieldViolation> errors) {
        if (!change.containsKey(field)) {
            return current;
        }
        JsonValue v = change.get(field);
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                long value = n.bigDecimalValue().longValueExact();
                if (value >= min && value <= max) {
                    return (int) value;
                }
            } catch (ArithmeticException e) {
                // falls through to the error
            }
        }
        errors.add(new FieldViolation(field, "must be a whole number from " + min + " to " + max));
        return current;
    }
}
