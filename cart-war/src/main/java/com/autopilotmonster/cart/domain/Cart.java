package com.autopilotmonster.cart.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * A user's cart as stored in {@code cart_db.carts}: the spec's fields ({@code userId, items, subtotal, tax,
 * total, currency, createdAt, updatedAt, expiresAt}) plus Mongoose's {@code __v}, used here as the version
 * for optimistic concurrency. Immutable: every change returns a new cart that {@link CartStore} writes only
 * if nobody changed the stored one in between.
 */
public final class Cart {

    private final ObjectId id;
    private final String userId;
    private final List<CartLine> lines;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant expiresAt;
    private final long version;
    private final String couponCode;
    private final BigDecimal discount;

    private Cart(ObjectId id, String userId, List<CartLine> lines, Instant createdAt, Instant updatedAt,
                 Instant expiresAt, long version, String couponCode, BigDecimal discount) {
        this.couponCode = couponCode;
        this.discount = couponCode == null || discount == null ? BigDecimal.ZERO.setScale(2) : Money.cents(discount);
        this.id = id;
        this.userId = userId;
        this.lines = List.copyOf(lines);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.expiresAt = expiresAt;
        this.version = version;
    }

    /** A cart that is not stored yet (id null); the first write inserts it. */
    static Cart empty(String userId) {
        return new Cart(null, userId, List.of(), null, null, null, 0, null, null);
    }

    public Optional<CartLine> line(String productId) {
        return lines.stream().filter(l -> l.productId().equals(productId)).findFirst();
    }

    /** Whether adding this product would need a line beyond {@code maxLines} (a product already here never does). */
    boolean isFullFor(String productId, int maxLines) {
        return line(productId).isEmpty() && lines.size() >= maxLines;
    }

    /** Adds the line, or replaces the line of the same product (never two lines for one product). */
    Cart put(CartLine line) {
        List<CartLine> next = new ArrayList<>(lines.size() + 1);
        boolean replaced = false;
        for (CartLine l : lines) {
            if (l.productId().equals(line.productId())) {
                next.add(line);
                replaced = true;
            } else {
                next.add(l);
            }
        }
        if (!replaced) {
            next.add(line);
        }
        return withLines(next);
    }

    Cart without(Collection<String> productIds) {
        return withLines(lines.stream().filter(l -> !productIds.contains(l.productId())).toList());
    }

    Cart withLines(List<CartLine> next) {
        return new Cart(id, userId, next, createdAt, updatedAt, expiresAt, version, couponCode, discount);
    }

    /** The coupon as the marketplace quoted it for exactly these lines. */
    Cart withCoupon(String code, BigDecimal quotedDiscount) {
        return new Cart(id, userId, lines, createdAt, updatedAt, expiresAt, version, code, quotedDiscount);
    }

    Cart withoutCoupon() {
        return couponCode == null ? this : new Cart(id, userId, lines, createdAt, updatedAt, expiresAt, version, null, null);
    }

    public String couponCode() {
        return couponCode;
    }

    /** The applied coupon's discount (zero without one); the totals never let it exceed the subtotal. */
    public BigDecimal discount() {
        return discount;
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public boolean isStored() {
        return id != null;
    }

    public String id() {
        return id == null ? null : id.toHexString();
    }

    ObjectId objectId() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public List<CartLine> lines() {
        return lines;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    long version() {
        return version;
    }

    /**
     * The document for the next version of this cart.
     *
     * @param expiresAt the new expiry, or null to keep the current one (changes the user did not make,
     *                  such as repricing after a catalog event, do not extend the cart's life)
     */
    Document toDocument(CartTotals totals, String currency, Instant now, Instant expiresAt) {
        Instant expiry = expiresAt != null ? expiresAt : this.expiresAt;
        return new Document("_id", id == null ? new ObjectId() : id).append("userId", userId)
                .append("items", lines.stream().map(CartLine::toDocument).toList())
                .append("subtotal", totals.subtotal().doubleValue()).append("tax", totals.tax().doubleValue())
                .append("total", totals.total().doubleValue()).append("currency", currency)
                .append("createdAt", Date.from(createdAt == null ? now : createdAt))
                .append("updatedAt", Date.from(now))
                .append("expiresAt", Date.from(expiry == null ? now : expiry))
                .append("couponCode", couponCode).append("discount", discount.doubleValue())
                .append("__v", version + 1);
    }

    static Cart from(Document d) {
        List<CartLine> lines = new ArrayList<>();
        List<?> items = d.get("items", List.class);
        if (items != null) {
            for (Object item : items) {
                if (item instanceof Document line) {
                    lines.add(CartLine.from(line));
                }
            }
        }
        Number v = d.get("__v", Number.class);
        return new Cart(d.getObjectId("_id"), d.getString("userId"), lines, instant(d.getDate("createdAt")),
                instant(d.getDate("updatedAt")), instant(d.getDate("expiresAt")), v == null ? 0 : v.longValue(),
                d.getString("couponCode"), d.get("discount") == null ? null : Money.of(d.get("discount")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
