package com.autopilotmonster.vendor.domain;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The money settings: commission rate, payout minimum, holding period. Defaults from MicroProfile Config
 * ({@code VENDOR_COMMISSION_RATE}, {@code VENDOR_PAYOUT_MINIMUM}, {@code VENDOR_HOLDING_DAYS}); the admin
 * service owns them at run time and announces changes with {@code settings.updated}, which is stored in
 * {@code platform_settings} and read for every sale and payout - a new rate applies to the next sale without
 * a restart. An older event never overwrites a newer one (its {@code timestamp} decides).
 */
@ApplicationScoped
public class VendorSettings {

    static final String COLLECTION = "platform_settings";
    static final String ID = "platform";
    private static final Logger LOG = Logger.getLogger(VendorSettings.class.getName());

    @Inject
    MongoDatabase database;

    @Inject
    @ConfigProperty(name = "vendor.commission-rate", defaultValue = "0.20")
    BigDecimal commissionRate;

    @Inject
    @ConfigProperty(name = "vendor.payout-minimum", defaultValue = "10.00")
    BigDecimal payoutMinimum;

    @Inject
    @ConfigProperty(name = "vendor.holding-days", defaultValue = "7")
    int holdingDays;

    /** DAYS everywhere but in the integration-test server, which counts the same setting in SECONDS. */
    @Inject
    @ConfigProperty(name = "vendor.holding-unit", defaultValue = "DAYS")
    String holdingUnit;

    @Inject
    @ConfigProperty(name = "vendor.currency", defaultValue = "USD")
    String currency;

    /** The settings in force now. */
    public record Current(BigDecimal commissionRate, BigDecimal payoutMinimum, int payoutHoldingDays, String holdingUnit,
                          String source, Instant updatedAt) {

        public Duration holding() {
            return Duration.of(payoutHoldingDays, ChronoUnit.valueOf(holdingUnit));
        }
    }

    MongoCollection<Document> settings() {
        return database.getCollection(COLLECTION);
    }

    public Current current() {
        Document d = settings().find(Filters.eq("_id", ID)).first();
        String unit = holdingUnit.strip().toUpperCase(Locale.ROOT);
        if (d == null) {
            return new Current(commissionRate, payoutMinimum.setScale(Money.SCALE), Math.max(0, holdingDays), unit,
                    "config", null);
        }
        BigDecimal rate = Optional.ofNullable(d.getString("commissionRate")).map(BigDecimal::new).orElse(commissionRate);
        BigDecimal minimum = Optional.ofNullable(d.getString("payoutMinimum")).map(BigDecimal::new).orElse(payoutMinimum);
        Integer days = d.getInteger("payoutHoldingDays");
        Date at = d.getDate("timestamp");
        return new Current(rate, minimum.setScale(Money.SCALE), days == null ? Math.max(0, holdingDays) : days, unit,
                "settings.updated", at == null ? null : at.toInstant());
    }

    public String currency() {
        return currency;
    }

    /**
     * Stores the admin's values if they are newer than the stored ones. Values out of range are ignored
     * field by field (logged), never half-applied as garbage.
     */
    public void update(String rate, String minimum, Integer days, Instant timestamp, String eventId) {
        Document set = new Document("timestamp", Date.from(timestamp)).append("eventId", eventId);
        BigDecimal r = decimal(rate);
        if (r != null && r.signum() >= 0 && r.compareTo(BigDecimal.ONE) <= 0) {
            set.append("commissionRate", r.toPlainString());
        } else if (rate != null) {
            LOG.warning(() -> "settings.updated " + eventId + ": commissionRate " + rate + " ignored (0..1)");
        }
        BigDecimal m = decimal(minimum);
        if (m != null && m.signum() >= 0 && m.scale() <= Money.SCALE) {
            set.append("payoutMinimum", m.toPlainString());
        } else if (minimum != null) {
            LOG.warning(() -> "settings.updated " + eventId + ": payoutMinimum " + minimum + " ignored");
        }
        if (days != null && days >= 0 && days <= 365) {
            set.append("payoutHoldingDays", days);
        }
        try {
            settings().updateOne(Filters.and(Filters.eq("_id", ID),
                            Filters.or(Filters.exists("timestamp", false), Filters.lte("timestamp", Date.from(timestamp)))),
                    new Document("$set", set), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // the document exists with a newer timestamp: the upsert collided with it, the older event loses
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            LOG.info(() -> "settings.updated " + eventId + " older than the stored settings; ignored");
        }
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

}
