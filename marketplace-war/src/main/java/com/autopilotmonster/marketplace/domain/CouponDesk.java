package com.autopilotmonster.marketplace.domain;

import com.autopilotmonster.common.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coupons at the till: prices the wanted lines with the catalog's own products (never a client's price), then
 * quotes the coupon for them (the cart's preview) or reserves one use of it for an order (the order service,
 * while placing the order). Everything is checked before the reservation writes anything.
 */
@ApplicationScoped
public class CouponDesk {

    /** A wanted line: product and quantity, as the cart and the order hold them. */
    public record Wanted(String productId, int quantity) {
    }

    @Inject
    Coupons coupons;

    @Inject
    CouponRedemptions redemptions;

    @Inject
    ProductCatalog catalog;

    public CouponPricing.Quote quote(String code, List<Wanted> wanted) {
        return CouponPricing.quote(coupon(code), priced(wanted), Instant.now());
    }

    public CouponPricing.Quote reserve(String code, String userId, String orderId, List<Wanted> wanted) {
        Coupon coupon = coupon(code);
        if (redemptions.find(orderId) != null) {
            // a retried request of an order that reserved already: its recorded quote, not a second use
            return redemptions.reserve(coupon, userId, orderId, null);
        }
        return redemptions.reserve(coupon, userId, orderId, CouponPricing.quote(coupon, priced(wanted), Instant.now()));
    }

    private Coupon coupon(String code) {
        return coupons.byCode(code).orElseThrow(() -> ApiException.notFound("Coupon " + Coupon.normalizeCode(code)
                + " does not exist"));
    }

    private List<CouponPricing.Line> priced(List<Wanted> wanted) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (Wanted w : wanted) {
            if (w.quantity() < 1) {
                throw ApiException.unprocessable("Quantities must be at least 1");
            }
            quantities.merge(w.productId(), w.quantity(), Integer::sum);
        }
        List<CouponPricing.Line> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : quantities.entrySet()) {
            Product product = catalog.get(entry.getKey());
            if (!product.isActive()) {
                throw ApiException.unprocessable("Product " + entry.getKey() + " is not available");
            }
            lines.add(new CouponPricing.Line(product.id(), product.category(), product.vendorId(), product.price(),
                    entry.getValue()));
        }
        return lines;
    }
}
