package com.autopilotmonster.vendor.events;

import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import com.autopilotmonster.vendor.domain.Ratings;
import com.autopilotmonster.vendor.domain.VendorSettings;
import com.autopilotmonster.vendor.domain.Vendors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The admin service's {@code settings.updated} (commission rate, payout minimum, holding days: stored, used by
 * the next sale and payout) and {@code user.deleted} (the vendor record is suspended and anonymised; its money
 * records stay). Product events keep {@code productsCount}; a deleted product's reviews leave the rating. The
 * marketplace's {@code review.created} {@code {reviewId, productId, vendorId, userId, rating, timestamp}} feeds
 * {@link Ratings} (the vendor's {@code averageRating}, per-product ratings in analytics): once per review id,
 * a payload without ids or with a rating outside 1..5 is skipped.
 */
@ApplicationScoped
public class PlatformEventsConsumer {

    static final String SETTINGS = "vendor-settings";
    static final String USERS = "vendor-users";
    static final String PRODUCTS = "vendor-products";
    static final String REVIEWS = "vendor-reviews";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    VendorSettings settings;

    @Inject
    Vendors vendors;

    @Inject
    Ratings ratings;

    @Incoming("settings-updated")
    public CompletionStage<Void> onSettings(Message<String> message) {
        return consumer.handle(SETTINGS, message, this::settingsUpdated);
    }

    @Incoming("user-deleted")
    public CompletionStage<Void> onUserDeleted(Message<String> message) {
        return consumer.handle(USERS, message, this::userDeleted);
    }

    @Incoming("product-created")
    public CompletionStage<Void> onProductCreated(Message<String> message) {
        return consumer.handle(PRODUCTS, message, e -> productCount(e, 1));
    }

    @Incoming("product-deleted")
    public CompletionStage<Void> onProductDeleted(Message<String> message) {
        return consumer.handle(PRODUCTS, message, e -> productCount(e, -1));
    }

    @Incoming("review-created")
    public CompletionStage<Void> onReviewCreated(Message<String> message) {
        return consumer.handle(REVIEWS, message, this::reviewCreated);
    }

    void reviewCreated(IncomingEvent event) {
        JsonObject o = Payloads.object(event);
        if (o == null) {
            return;
        }
        String reviewId = text(o.get("reviewId"));
        String vendorId = text(o.get("vendorId"));
        String productId = text(o.get("productId"));
        JsonValue rating = o.get("rating");
        if (reviewId == null || vendorId == null || productId == null || !(rating instanceof JsonNumber n)
                || !n.isIntegral() || n.intValue() < 1 || n.intValue() > 5) {
            Payloads.skip(event, "not a review (reviewId, productId, vendorId, rating 1..5 required)");
            return;
        }
        ratings.reviewed(reviewId, vendorId, productId, n.intValue());
    }

    void settingsUpdated(IncomingEvent event) {
        JsonObject o = Payloads.object(event);
        if (o == null) {
            return;
        }
        Instant at;
        try {
            at = o.containsKey("timestamp") ? Instant.parse(o.getString("timestamp")) : Instant.now();
        } catch (RuntimeException e) {
            at = Instant.now();
        }
        String days = text(o.get("payoutHoldingDays"));
        Integer holding;
        try {
            holding = days == null ? null : new java.math.BigDecimal(days).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            holding = null;
        }
        settings.update(text(o.get("commissionRate")), text(o.get("payoutMinimum")), holding, at, event.id());
    }

    void userDeleted(IncomingEvent event) {
        JsonObject o = Payloads.object(event);
        String userId = o == null ? null : text(o.get("userId"));
        if (userId != null) {
            vendors.userDeleted(userId);
        }
    }

    void productCount(IncomingEvent event, int delta) {
        JsonObject o = Payloads.object(event);
        String vendorId = o == null ? null : text(o.get("vendorId"));
        if (vendorId != null) {
            vendors.countProduct(vendorId, delta);
            String productId = text(o.get("productId"));
            if (delta < 0 && productId != null) {
                ratings.productDeleted(vendorId, productId);
            }
        }
    }

    /** A string or number member as text (the admin service may send "0.20" or 0.20). */
    static String text(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue().toPlainString();
        }
        return null;
    }

}
