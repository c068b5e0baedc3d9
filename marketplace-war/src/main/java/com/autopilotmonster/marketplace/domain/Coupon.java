package com.autopilotmonster.marketplace.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * A discount code administered by admins. Money is exact ({@link BigDecimal}, stored as Decimal128). {@code used}
 * counts the redemptions that hold a use (reserved, ordered or paid; released ones gave theirs back).
 *
 * @param scope     {@code all}, {@code categories}, {@code vendors} or {@code products}
 * @param scopeIds  the categories (as products name them), vendor ids or product ids the coupon applies to
 */
public record Coupon(String id, String code, String type, BigDecimal value, String currency, BigDecimal minSubtotal,
                     Instant startsAt, Instant endsAt, Long maxUses, Long maxUsesPerUser, long used, String scope,
                     List<String> scopeIds, boolean active, String description, Instant createdAt, Instant updatedAt) {

    public static final String COLLECTION = "coupons";
    public static final String PERCENTAGE = "percentage";
    public static final String FIXED = "fixed";
    public static final List<String> TYPES = List.of(PERCENTAGE, FIXED);
    public static final List<String> SCOPES = List.of("all", "categories", "vendors", "products");

    public static String normalizeCode(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    public static Coupon of(Document d) {
        return new Coupon(d.getObjectId("_id").toHexString(), d.getString("code"), d.getString("type"),
                money(d.get("value")), d.getString("currency"), money(d.get("minSubtotal")), instant(d.getDate("startsAt")),
                instant(d.getDate("endsAt")), longOrNull(d.get("maxUses")), longOrNull(d.get("maxUsesPerUser")),
                d.get("used") instanceof Number n ? n.longValue() : 0L, d.getString("scope"),
                d.getList("scopeIds", String.class, List.of()), !Boolean.FALSE.equals(d.getBoolean("active")),
                d.getString("description"), instant(d.getDate("createdAt")), instant(d.getDate("updatedAt")));
    }

    static Object stored(BigDecimal amount) {
        return amount == null ? null : new Decimal128(amount.setScale(2, RoundingMode.HALF_UP));
    }

    static BigDecimal money(Object stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal value = stored instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(stored.toString());
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Long longOrNull(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
