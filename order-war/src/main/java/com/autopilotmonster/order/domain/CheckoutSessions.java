package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.order.client.CartReader;
import com.autopilotmonster.order.client.CouponUses;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checkout sessions (the original web client's {@code /api/checkout/session}): created from the caller's cart,
 * priced by the catalog like an order, a coupon quoted (not yet used), open for
 * {@code order.checkout.session-minutes}. Paying one places the order (which re-prices it and reserves the
 * coupon's use) and charges a saved card; the session is claimed by one conditional update first, so a double
 * click cannot place two orders, and a retry after a declined card pays the same order again.
 */
@ApplicationScoped
public class CheckoutSessions {

    private static final Logger LOG = Logger.getLogger(CheckoutSessions.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    MongoDatabase database;

    @Inject
    CartReader cart;

    @Inject
    CatalogPricing pricing;

    @Inject
    CouponUses coupons;

    @Inject
    OrderSettings settings;

    @Inject
    Checkout checkout;

    @Inject
    OrderStore orders;

    @Inject
    SavedPaymentMethods methods;

    @Inject
    SavedCardPayments payments;

    @Inject
    @ConfigProperty(name = "order.checkout.session-minutes", defaultValue = "30")
    long sessionMinutes;

    /** The result of paying a session, in the client's terms: {@code success} or {@code failed}. */
    public record Paid(CheckoutSession session, Order order, String status, String message, String clientSecret) {
    }

    MongoCollection<Document> sessions() {
        return database.getCollection(CheckoutSession.COLLECTION);
    }

    public CheckoutSession create(String userId, String authorization, String cartId) {
        CartReader.Contents contents = cart.read(authorization);
        if (cartId != null && !cartId.equals(contents.cartId())) {
            throw ApiException.notFound("Cart " + cartId + " is not your cart");
        }
        if (contents.lines().isEmpty()) {
            throw ApiException.unprocessable("Your cart is empty");
        }
        List<OrderLine> lines = pricing.price(contents.lines());
        Instant now = Instant.now();
        CheckoutSession session = priced(new CheckoutSession("cs_" + HexFormat.of().formatHex(RANDOM.generateSeed(16)),
                contents.cartId(), userId, lines, null, null, null, null, null, settings.currency(), "pending", null, now,
                now.plus(Duration.ofMinutes(sessionMinutes))), authorization, contents.couponCode(), false);
        sessions().insertOne(session.toDocument());
        return session;
    }

    public CheckoutSession get(String userId, String sessionId) {
        Document d = sessionId == null || sessionId.length() > 64 ? null
                : sessions().find(Filters.and(Filters.eq("_id", sessionId), Filters.eq("userId", userId))).first();
        if (d == null) {
            throw ApiException.notFound("No checkout session " + sessionId);
        }
        return CheckoutSession.from(d);
    }

    /** Quotes the coupon for the session's lines and stores the new totals (an open session only). */
    public CheckoutSession applyCoupon(String userId, String authorization, String sessionId, String code) {
        CheckoutSession current = open(userId, sessionId);
        CheckoutSession next = priced(current, authorization, code, true);
        Document after = sessions().findOneAndUpdate(Filters.and(Filters.eq("_id", sessionId), Filters.eq("status", "pending")),
                Updates.combine(Updates.set("items", next.toDocument().get("items")), Updates.set("couponCode", next.couponCode()),
                        Updates.set("discount", Money.toStored(next.discount())), Updates.set("tax", Money.toStored(next.tax())),
                        Updates.set("total", Money.toStored(next.total()))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            throw ApiException.conflict("The checkout session is being paid; it can no longer change");
        }
        return CheckoutSession.from(after);
    }

    /**
     * Places the session's order (once) and charges the saved card. Checked before anything is written: the
     * session is the caller's and open, the card is the caller's, and the catalog still asks the session's prices.
     */
    public Paid pay(String userId, String email, String authorization, String sessionId, String paymentMethodId,
                    BillingAddress billing) {
        CheckoutSession session = get(userId, sessionId);
        if ("completed".equals(session.status())) {
            Order order = orders.find(session.orderId()).orElseThrow();
            return new Paid(session, order, "success", "This checkout session was paid already", null);
        }
        SavedPaymentMethods.Saved method = methods.get(userId, paymentMethodId);
        if (session.orderId() == null) {
            if (billing == null) {
                throw ApiException.badRequest("billingAddress is required to place the order");
            }
            String status = session.effectiveStatus(Instant.now());
            if (!"pending".equals(status)) {
                throw "expired".equals(status) ? ApiException.gone("This checkout session expired; start a new one")
                        : ApiException.conflict("This checkout session is " + status);
            }
            List<OrderLine> now = pricing.price(session.items().stream()
                    .map(l -> new CartReader.Wanted(l.productId(), l.quantity())).toList());
            if (!samePrices(now, session.items())) {
                throw ApiException.conflict("Prices changed since this checkout session was created; start a new one");
            }
        }
        CheckoutSession claimed = claim(session);
        try {
            Order order = claimed.orderId() != null ? orders.find(claimed.orderId()).orElseThrow()
                    : placeFor(claimed, userId, email, authorization, billing);
            SavedCardPayments.Outcome outcome = payments.pay(order, method);
            boolean paid = !"declined".equals(outcome.status());
            CheckoutSession after = finish(claimed, paid ? "completed" : "failed");
            return new Paid(after, outcome.order(), paid ? "success" : "failed", outcome.message(), outcome.clientSecret());
        } catch (RuntimeException e) {
            // nothing charged: the session is open again for a retry (which reuses an order already placed)
            sessions().updateOne(Filters.and(Filters.eq("_id", claimed.sessionId()), Filters.eq("status", "processing")),
                    Updates.set("status", claimed.orderId() == null && !hasOrder(claimed.sessionId()) ? "pending" : "failed"));
            throw e;
        }
    }

    private Order placeFor(CheckoutSession session, String userId, String email, String authorization, BillingAddress billing) {
        Order order = checkout.place(userId, email, authorization, session.items().stream()
                .map(l -> new CartReader.Wanted(l.productId(), l.quantity())).toList(), session.couponCode(), billing, "stripe");
        sessions().updateOne(Filters.eq("_id", session.sessionId()), Updates.set("orderId", order.orderId()));
        LOG.info(() -> "checkout session " + session.sessionId() + " placed order " + order.orderId());
        return order;
    }

    private boolean hasOrder(String sessionId) {
        Document d = sessions().find(Filters.eq("_id", sessionId)).first();
        return d != null && d.getString("orderId") != null;
    }

    /** pending (open) or failed (a declined card, paying its order again) -> processing, by one request only. */
    private CheckoutSession claim(CheckoutSession session) {
        Document claimed = sessions().findOneAndUpdate(Filters.and(Filters.eq("_id", session.sessionId()),
                        Filters.or(Filters.and(Filters.eq("status", "pending"), Filters.gt("expiresAt", new Date())),
                                Filters.and(Filters.eq("status", "failed"), Filters.ne("orderId", null)))),
                Updates.set("status", "processing"), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (claimed == null) {
            throw ApiException.conflict("This checkout session is being paid by another request");
        }
        return CheckoutSession.from(claimed);
    }

    private CheckoutSession finish(CheckoutSession session, String status) {
        Document after = sessions().findOneAndUpdate(Filters.eq("_id", session.sessionId()), Updates.set("status", status),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return CheckoutSession.from(after);
    }

    private CheckoutSession open(String userId, String sessionId) {
        CheckoutSession session = get(userId, sessionId);
        String status = session.effectiveStatus(Instant.now());
        if ("expired".equals(status)) {
            throw ApiException.gone("This checkout session expired; start a new one");
        }
        if (!"pending".equals(status)) {
            throw ApiException.conflict("This checkout session is " + status + "; it can no longer change");
        }
        return session;
    }

    /**
     * The session's totals with the coupon's quote. A cart's coupon that no longer applies is left out (the
     * session is still usable); a coupon the buyer applies to the session explicitly must apply (422 otherwise).
     */
    private CheckoutSession priced(CheckoutSession s, String authorization, String code, boolean explicit) {
        List<OrderLine> lines = s.items().stream().map(l -> l.withDiscount(null)).toList();
        BigDecimal subtotal = Money.of(lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add));
        CouponUses.Reserved quote = null;
        if (code != null) {
            try {
                quote = coupons.quote(authorization, code, lines.stream()
                        .map(l -> new CouponUses.Line(l.productId(), l.quantity())).toList());
            } catch (ApiException refused) {
                if (explicit || refused.status() >= 500) {
                    throw refused;
                }
            }
        }
        CouponUses.Reserved q = quote;
        List<OrderLine> priced = q == null ? lines : lines.stream().map(l -> l.withDiscount(q.lineDiscounts().get(l.productId()))).toList();
        BigDecimal discount = q == null ? Money.of(BigDecimal.ZERO) : Money.of(q.discount().min(subtotal));
        BigDecimal taxed = subtotal.subtract(discount);
        BigDecimal tax = taxed.multiply(settings.taxRate()).setScale(2, RoundingMode.HALF_UP);
        return new CheckoutSession(s.sessionId(), s.cartId(), s.userId(), priced, subtotal, q == null ? null : q.code(),
                discount, tax, Money.of(taxed.add(tax)), s.currency(), s.status(), s.orderId(), s.createdAt(), s.expiresAt());
    }

    private static boolean samePrices(List<OrderLine> now, List<OrderLine> then) {
        if (now.size() != then.size()) {
            return false;
        }
        for (OrderLine line : now) {
            Optional<OrderLine> before = then.stream().filter(t -> t.productId().equals(line.productId())).findFirst();
            if (before.isEmpty() || before.get().price().compareTo(line.price()) != 0 || before.get().quantity() != line.quantity()) {
                return false;
            }
        }
        return true;
    }
}
