package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.order.client.ProviderException;
import com.autopilotmonster.order.client.StripeGateway;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * A buyer's saved payment methods. Card data never reaches this service: with Stripe the browser creates the
 * PaymentMethod with Stripe.js and sends its id, which is attached here to the buyer's Stripe customer, and only
 * what Stripe answers (brand, last four digits, expiry) is kept. In the local sandbox no provider is called: the
 * method is described by the client (never a card number) and gets a {@code pm_sandbox_} id. The default is one
 * pointer document per buyer, so there is never more than one.
 */
@ApplicationScoped
public class SavedPaymentMethods {

    static final String COLLECTION = "payment_methods";
    static final String CUSTOMERS = "stripe_customers";
    static final String DEFAULTS = "payment_method_defaults";
    static final int MAX_PER_USER = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    MongoDatabase database;

    @Inject
    StripeGateway stripe;

    @Inject
    PaymentSettings settings;

    /** A saved method as the client shows it. */
    public record Saved(String id, String userId, String type, String brand, String last4, Long expiryMonth,
                        Long expiryYear, boolean isDefault, String customerId, Instant createdAt) {
    }

    /** What the client sends: a Stripe PaymentMethod id (live), or its description (sandbox only). */
    public record NewMethod(String paymentMethodId, String type, String brand, String last4, Long expiryMonth,
                            Long expiryYear, boolean makeDefault) {
    }

    MongoCollection<Document> methods() {
        return database.getCollection(COLLECTION);
    }

    public List<Saved> list(String userId) {
        String defaultId = defaultOf(userId);
        return methods().find(Filters.eq("userId", userId)).sort(Sorts.ascending("createdAt"))
                .map(d -> of(d, defaultId)).into(new ArrayList<>());
    }

    public Saved get(String userId, String id) {
        Document d = id == null || id.length() > 100 ? null
                : methods().find(Filters.and(Filters.eq("_id", id), Filters.eq("userId", userId))).first();
        if (d == null) {
            throw ApiException.notFound("No saved payment method " + id);
        }
        return of(d, defaultOf(userId));
    }

    public Saved add(String userId, String email, NewMethod method) {
        if (methods().countDocuments(Filters.eq("userId", userId)) >= MAX_PER_USER) {
            throw ApiException.unprocessable("At most " + MAX_PER_USER + " saved payment methods; remove one first");
        }
        Document doc;
        if (settings.sandbox()) {
            if (method.last4() == null || !method.last4().matches("[0-9]{4}") || method.brand() == null) {
                throw ApiException.badRequest("In the sandbox a method is described by brand and last4 (4 digits)");
            }
            doc = new Document("_id", "pm_sandbox_" + HexFormat.of().formatHex(RANDOM.generateSeed(12)))
                    .append("type", method.type() == null ? "credit_card" : method.type()).append("brand", method.brand())
                    .append("last4", method.last4()).append("expiryMonth", method.expiryMonth())
                    .append("expiryYear", method.expiryYear()).append("customerId", null);
        } else {
            if (method.paymentMethodId() == null || !method.paymentMethodId().matches("pm_[A-Za-z0-9_]{1,96}")) {
                throw ApiException.badRequest("paymentMethodId (a Stripe PaymentMethod id created with Stripe.js) is required");
            }
            String customer = customerOf(userId, email);
            StripeGateway.SavedCard card;
            try {
                card = stripe.attach(method.paymentMethodId(), customer);
            } catch (ProviderException e) {
                throw e.unavailable() ? ApiException.unavailable("The payment provider is not available right now")
                        : ApiException.unprocessable("The payment provider refused this payment method");
            }
            doc = new Document("_id", card.id()).append("type", "card".equals(card.type()) ? "credit_card" : card.type())
                    .append("brand", card.brand()).append("last4", card.last4()).append("expiryMonth", card.expiryMonth())
                    .append("expiryYear", card.expiryYear()).append("customerId", customer);
        }
        doc.append("userId", userId).append("createdAt", new Date());
        try {
            methods().insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw ApiException.conflict("This payment method is saved already");
            }
            throw e;
        }
        if (method.makeDefault() || defaultOf(userId) == null) {
            setDefault(userId, doc.getString("_id"));
        }
        return get(userId, doc.getString("_id"));
    }

    public Saved setDefault(String userId, String id) {
        get(userId, id); // 404 for someone else's
        database.getCollection(DEFAULTS).replaceOne(Filters.eq("_id", userId),
                new Document("_id", userId).append("paymentMethodId", id).append("updatedAt", new Date()),
                new ReplaceOptions().upsert(true));
        return get(userId, id);
    }

    public void delete(String userId, String id) {
        Saved saved = get(userId, id);
        if (saved.customerId() != null) {
            try {
                stripe.detach(id);
            } catch (ProviderException e) {
                if (e.unavailable()) {
                    throw ApiException.unavailable("The payment provider is not available right now");
                }
                // refused (already detached at Stripe): removing it here is what the buyer wants
            }
        }
        methods().deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("userId", userId)));
        database.getCollection(DEFAULTS).deleteOne(Filters.and(Filters.eq("_id", userId), Filters.eq("paymentMethodId", id)));
    }

    /** The buyer's Stripe customer, created once (Stripe's idempotency key makes a concurrent second call the same customer). */
    String customerOf(String userId, String email) {
        Document known = database.getCollection(CUSTOMERS).find(Filters.eq("_id", userId)).first();
        if (known != null) {
            return known.getString("customerId");
        }
        String created;
        try {
            created = stripe.createCustomer(userId, email);
        } catch (ProviderException e) {
            throw ApiException.unavailable("The payment provider is not available right now");
        }
        database.getCollection(CUSTOMERS).replaceOne(Filters.eq("_id", userId),
                new Document("_id", userId).append("customerId", created), new ReplaceOptions().upsert(true));
        return created;
    }

    private String defaultOf(String userId) {
        return Optional.ofNullable(database.getCollection(DEFAULTS).find(Filters.eq("_id", userId)).first())
                .map(d -> d.getString("paymentMethodId")).orElse(null);
    }

    private static Saved of(Document d, String defaultId) {
        return new Saved(d.getString("_id"), d.getString("userId"), d.getString("type"), d.getString("brand"),
                d.getString("last4"), number(d.get("expiryMonth")), number(d.get("expiryYear")),
                d.getString("_id").equals(defaultId), d.getString("customerId"),
                d.getDate("createdAt") == null ? null : d.getDate("createdAt").toInstant());
    }

    private static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }
}
