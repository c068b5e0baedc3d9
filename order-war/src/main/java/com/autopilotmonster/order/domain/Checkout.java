package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.events.EventPublisher;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.problem.FieldViolation;
import com.autopilotmonster.order.client.CartReader;
import com.autopilotmonster.order.client.CouponUses;
import com.autopilotmonster.order.events.OrderCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bson.Document;

/**
 * Places orders: the wanted lines (the caller's cart, or an explicit list) are merged per product, each is
 * priced by the catalog - only active products, never a client's price - and the totals are computed in
 * BigDecimal. Nothing is written until every line is priced, so a catalog outage leaves no half order. A
 * coupon (the request's, else the cart's) is checked last, by reserving one use for this order number at the
 * marketplace; the use is given back if the order is not written after all.
 */
@ApplicationScoped
public class Checkout {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Inject
    CartReader cart;

    @Inject
    OrderStore orders;

    @Inject
    EventPublisher events;

    @Inject
    OrderSettings settings;

    @Inject
    CouponUses coupons;

    @Inject
    CatalogPricing pricing;

    @Inject
    OrderMetrics metrics;

    /** @param explicit the lines the client listed, or null/empty to order the caller's cart */
    public Order place(String userId, String userEmail, String authorization, List<CartReader.Wanted> explicit,
                       String couponCode, BillingAddress billing, String paymentMethod) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            Order order = placeOnce(userId, userEmail, authorization, explicit, couponCode, billing, paymentMethod);
            outcome = "created";
            metrics.created(order);
            return order;
        } catch (ApiException refused) {
            outcome = refused.status() < 500 ? "refused" : "error";
            throw refused;
        } finally {
            metrics.checkout(Duration.ofNanos(System.nanoTime() - start), outcome);
        }
    }

    private Order placeOnce(String userId, String userEmail, String authorization, List<CartReader.Wanted> explicit,
                            String couponCode, BillingAddress billing, String paymentMethod) {
        BillingAddress address = normalize(billing);
        boolean fromCart = explicit == null || explicit.isEmpty();
        CartReader.Contents contents = fromCart ? cart.read(authorization) : null;
        List<CartReader.Wanted> wanted = fromCart ? contents.lines() : explicit;
        String coupon = couponCode != null ? couponCode : fromCart ? contents.couponCode() : null;
        if (wanted.isEmpty()) {
            throw ApiException.unprocessable(fromCart ? "Your cart is empty" : "The order has no items");
        }
        List<OrderLine> lines = pricing.price(wanted);
        BigDecimal subtotal = Money.of(lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add));
        Instant now = Instant.now();
        Document document = null;
        for (int attempt = 0; attempt < 5 && document == null; attempt++) {
            String orderId = OrderIds.next();
            CouponUses.Reserved reserved = coupon == null ? null : coupons.reserve(authorization, coupon, orderId,
                    lines.stream().map(l -> new CouponUses.Line(l.productId(), l.quantity())).toList());
            List<OrderLine> priced = reserved == null ? lines : lines.stream()
                    .map(l -> l.withDiscount(reserved.lineDiscounts().get(l.productId()))).toList();
            BigDecimal discount = reserved == null ? Money.of(BigDecimal.ZERO) : Money.of(reserved.discount().min(subtotal));
            BigDecimal taxed = subtotal.subtract(discount);
            BigDecimal tax = taxed.multiply(settings.taxRate()).setScale(2, RoundingMode.HALF_UP);
            Document candidate = Order.newDocument(orderId, userId, userEmail, priced, subtotal,
                    reserved == null ? null : reserved.code(), discount, tax, Money.of(taxed.add(tax)),
                    settings.currency(), paymentMethod, address, now);
            // order.created travels inside the order document: one insert writes both, so a crash right after
            // it cannot lose the event (the store has no multi-document transactions); the relay sends it
            Order draft = Order.from(candidate);
            events.embed(candidate, OrderCreated.TOPIC, draft.orderId(), created(draft, userId, subtotal, now));
            boolean written = false;
            try {
                written = orders.insert(candidate);
            } finally {
                if (!written && reserved != null) {
                    coupons.release(authorization, orderId); // this number was taken (or the store failed)
                }
            }
            if (written) {
                document = candidate;
            }
        }
        if (document == null) {
            throw new IllegalStateException("could not draw a free order number in 5 attempts");
        }
        events.written(Order.COLLECTION, document.get("_id"));
        return Order.from(document);
    }

    private static OrderCreated created(Order order, String userId, BigDecimal subtotal, Instant now) {
        return new OrderCreated(order.orderId(), userId,
                order.items().stream().map(l -> new OrderCreated.Item(l.productId(), l.productName(), l.price(),
                        l.quantity(), l.vendorId(), l.discount())).toList(), subtotal, order.couponCode(),
                order.discount(), order.tax(), order.total(), order.currency(), now.toString());
    }

    private static BillingAddress normalize(BillingAddress b) {
        String country = b.country().trim().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw ApiException.validation("billingAddress.country: must be an ISO 3166-1 alpha-2 country code",
                    List.of(new FieldViolation("billingAddress.country", "must be an ISO 3166-1 alpha-2 country code")));
        }
        return new BillingAddress(b.name().trim(), b.email().trim().toLowerCase(Locale.ROOT), b.address().trim(),
                b.city().trim(), country, b.zip().trim().toUpperCase(Locale.ROOT));
    }
}
