package com.autopilotmonster.marketplace.domain;

import com.autopilotmonster.common.problem.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a coupon takes off a set of priced lines, or why it cannot be used (422 with the reason a buyer can act
 * on). Pure: the caller supplies the coupon, the catalog's own lines and the time, so the rules are the same for
 * the cart's preview and the order's redemption.
 */
public final class CouponPricing {

    private CouponPricing() {
    }

    /** A catalog-priced line. */
    public record Line(String productId, String category, String vendorId, BigDecimal price, int quantity) {

        BigDecimal amount() {
            return price.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** The discount and its share per line (shares add up to the discount exactly, to the cent). */
    public record Quote(String couponId, String code, String type, BigDecimal value, String currency,
                        BigDecimal subtotal, BigDecimal eligibleSubtotal, BigDecimal discount, List<LineDiscount> lines) {
    }

    public record LineDiscount(String productId, int quantity, BigDecimal amount, BigDecimal discount) {
    }

    public static Quote quote(Coupon coupon, List<Line> lines, Instant now) {
        if (!coupon.active()) {
            throw ApiException.unprocessable("Coupon " + coupon.code() + " is not active");
        }
        if (coupon.startsAt() != null && now.isBefore(coupon.startsAt())) {
            throw ApiException.unprocessable("Coupon " + coupon.code() + " is not valid before " + coupon.startsAt());
        }
        if (coupon.endsAt() != null && !now.isBefore(coupon.endsAt())) {
            throw ApiException.unprocessable("Coupon " + coupon.code() + " expired at " + coupon.endsAt());
        }
        if (coupon.maxUses() != null && coupon.used() >= coupon.maxUses()) {
            throw ApiException.unprocessable("Coupon " + coupon.code() + " has been used up");
        }
        BigDecimal subtotal = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        if (coupon.minSubtotal() != null && subtotal.compareTo(coupon.minSubtotal()) < 0) {
            throw ApiException.unprocessable("Coupon " + coupon.code() + " needs a subtotal of at least "
                    + coupon.minSubtotal() + " " + coupon.currency());
        }
        List<Line> eligible = lines.stream().filter(l -> applies(coupon, l)).toList();
        BigDecimal eligibleSubtotal = eligible.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
        if (eligibleSubtotal.signum() == 0) {
            throw ApiException.unprocessable("Coupon " + coupon.code() + " does not apply to these products");
        }
        BigDecimal discount = Coupon.PERCENTAGE.equals(coupon.type())
                ? eligibleSubtotal.multiply(coupon.value()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
                : coupon.value().min(eligibleSubtotal);
        return new Quote(coupon.id(), coupon.code(), coupon.type(), coupon.value(), coupon.currency(), subtotal,
                eligibleSubtotal, discount, share(discount, lines, eligible));
    }

    static boolean applies(Coupon coupon, Line line) {
        return switch (coupon.scope()) {
            case "categories" -> line.category() != null && coupon.scopeIds().contains(line.category());
            case "vendors" -> line.vendorId() != null && coupon.scopeIds().contains(line.vendorId());
            case "products" -> coupon.scopeIds().contains(line.productId());
            default -> true;
        };
    }

    /**
     * Splits the discount over the eligible lines in proportion to their amounts (largest remainder, so the
     * cents add up): the order and the vendors' earnings then see each line's own discounted amount.
     */
    static List<LineDiscount> share(BigDecimal discount, List<Line> lines, List<Line> eligible) {
        BigDecimal base = eligible.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        long discountCents = discount.movePointRight(2).longValueExact();
        long[] cents = new long[lines.size()];
        BigDecimal[] remainders = new BigDecimal[lines.size()];
        long allocated = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            remainders[i] = BigDecimal.ZERO;
            if (eligible.contains(line)) {
                BigDecimal exact = line.amount().movePointRight(2).multiply(BigDecimal.valueOf(discountCents))
                        .divide(base.movePointRight(2), 6, RoundingMode.DOWN);
                cents[i] = exact.setScale(0, RoundingMode.DOWN).longValueExact();
                remainders[i] = exact.subtract(BigDecimal.valueOf(cents[i]));
                allocated += cents[i];
            }
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (eligible.contains(lines.get(i))) {
                byRemainder.add(i);
            }
        }
        final BigDecimal[] r = remainders;
        byRemainder.sort(Comparator.comparing((Integer i) -> r[i]).reversed());
        for (int k = 0; allocated < discountCents; k = (k + 1) % byRemainder.size()) {
            cents[byRemainder.get(k)]++;
            allocated++;
        }
        List<LineDiscount> shares = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            shares.add(new LineDiscount(line.productId(), line.quantity(), line.amount(), BigDecimal.valueOf(cents[i], 2)));
        }
        return shares;
    }
}
