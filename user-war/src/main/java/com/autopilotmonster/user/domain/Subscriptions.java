package com.autopilotmonster.user.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.user.client.StripeBilling;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * {@code user_db.subscriptions}. One live subscription per user, guaranteed by a claim document in
 * {@code subscription_claims} whose {@code _id} is the user id (inserted before anything else happens, so two
 * concurrent subscribes cannot both pass). Statuses: {@code incomplete} (waiting for the first invoice),
 * {@code active}, {@code past_due}, {@code cancelled}, {@code expired}. The free plan is active at once, with
 * no provider; paid plans are Stripe subscriptions whose state Stripe's signed webhooks drive
 * ({@link BillingWebhooks}). Cancelling keeps access until the end of the paid period.
 */
@ApplicationScoped
public class Subscriptions {

    public static final String COLLECTION = "subscriptions";
    static final String CLAIMS = "subscription_claims";
    static final Set<String> LIVE = Set.of("incomplete", "active", "past_due");

    @Inject
    MongoDatabase database;

    @Inject
    Plans plans;

    @Inject
    BillingSettings billing;

    @Inject
    StripeBilling stripe;

    @Inject
    UserSettings settings;

    MongoCollection<Document> subscriptions() {
        return database.getCollection(COLLECTION);
    }

    MongoCollection<Document> claims() {
        return database.getCollection(CLAIMS);
    }

    public List<Document> list(String userId) {
        return subscriptions().find(Filters.eq("userId", userId)).sort(Sorts.descending("createdAt"))
                .limit(100).into(new ArrayList<>());
    }

    /** The subscription giving access now: active or past due, and its paid period not over. */
    public Document active(String userId) {
        Date now = new Date();
        return subscriptions().find(Filters.and(Filters.eq("userId", userId), Filters.in("status", "active", "past_due"),
                Filters.or(Filters.eq("endDate", null), Filters.gt("endDate", now))))
                .sort(Sorts.descending("createdAt")).first();
    }

    public Document owned(String userId, String subscriptionId) {
        if (!ObjectId.isValid(subscriptionId)) {
            throw ApiException.notFound("Subscription not found");
        }
        Document doc = subscriptions().find(Filters.eq("_id", new ObjectId(subscriptionId))).first();
        if (doc == null || !userId.equals(doc.getString("userId"))) {
            throw ApiException.notFound("Subscription not found");
        }
        return doc;
    }

    /** Subscribes the user to the plan (already validated as known); 409 while another subscription is live. */
    public Document subscribe(String userId, String email, Plans.Plan plan) {
        ObjectId id = new ObjectId();
        claim(userId, id);
        Instant now = Instant.now();
        Document doc = new Document("_id", id).append("subscriptionId", id.toHexString()).append("userId", userId)
                .append("plan", plan.name()).append("billingCycle", "monthly")
                .append("amount", plan.monthlyPrice().doubleValue()).append("currency", settings.currency())
                .append("autoRenew", true).append("cancelAtPeriodEnd", false)
                .append("createdAt", Date.from(now)).append("updatedAt", Date.from(now));
        if (!plan.paid()) {
            doc.append("status", "active").append("provider", "none").append("startDate", Date.from(now));
            subscriptions().insertOne(doc);
            return doc;
        }
        doc.append("status", "incomplete").append("provider", billing.sandbox() ? "sandbox" : "stripe");
        try {
            if (billing.sandbox()) {
                doc.append("stripeCustomerId", "cus_sandbox_" + id.toHexString())
                        .append("stripeSubscriptionId", "sub_sandbox_" + id.toHexString());
                subscriptions().insertOne(doc);
                return doc;
            }
            String price = plan.stripePrice().orElseThrow(() -> ApiException.unavailable(
                    "The " + plan.name() + " plan has no Stripe price configured (user.plan." + plan.name() + ".stripe-price)"));
            String customer = existingCustomer(userId);
            if (customer == null) {
                customer = stripe.createCustomer(userId, email, "customer-" + id.toHexString());
            }
            doc.append("stripeCustomerId", customer);
            subscriptions().insertOne(doc);
            com.stripe.model.Subscription created = stripe.createSubscription(customer, price, id.toHexString(), userId,
                    plan.name());
            List<Bson> set = new ArrayList<>();
            set.add(Updates.set("stripeSubscriptionId", created.getId()));
            if (created.getStatus() != null) {
                set.add(Updates.set("status", BillingWebhooks.localStatus(created.getStatus())));
            }
            set.add(Updates.set("updatedAt", new Date()));
            return subscriptions().findOneAndUpdate(Filters.eq("_id", id), Updates.combine(set),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        } catch (RuntimeException e) {
            // nothing billed: the attempt ends and the user may try again
            subscriptions().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", "incomplete")),
                    Updates.combine(Updates.set("status", "expired"), Updates.set("updatedAt", new Date())));
            release(userId, id);
            throw e;
        }
    }

    /** Cancels at the end of the paid period (the free plan, having none, ends now). */
    public Document cancel(String userId, String subscriptionId) {
        Document doc = owned(userId, subscriptionId);
        String status = doc.getString("status");
        if (!LIVE.contains(status)) {
            throw ApiException.conflict("This subscription is already " + status);
        }
        ObjectId id = doc.getObjectId("_id");
        Date now = new Date();
        if ("none".equals(doc.getString("provider")) || "incomplete".equals(status)) {
            Document ended = subscriptions().findOneAndUpdate(Filters.eq("_id", id), Updates.combine(
                    Updates.set("status", "cancelled"), Updates.set("autoRenew", false), Updates.set("endDate", now),
                    Updates.set("cancelledAt", now), Updates.set("updatedAt", now)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            release(userId, id);
            return ended;
        }
        if ("stripe".equals(doc.getString("provider"))) {
            stripe.cancelAtPeriodEnd(doc.getString("stripeSubscriptionId"));
        }
        return subscriptions().findOneAndUpdate(Filters.eq("_id", id), Updates.combine(
                Updates.set("cancelAtPeriodEnd", true), Updates.set("autoRenew", false),
                Updates.set("cancelledAt", now), Updates.set("updatedAt", now)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /**
     * Ends the live subscriptions whose time is up (the {@link SubscriptionSweeper}'s work), each with ONE
     * conditional update that only applies if the document is still as it was read (status and period end), so
     * a webhook renewing it at the same moment wins; then the one-live-subscription claim is released.
     * <ul>
     * <li>cancelled at period end and the period is over: {@code cancelled};</li>
     * <li>auto-renewing but no renewal (invoice paid) arrived within {@code renewalGrace} after the period
     * ended (webhooks can be late; Stripe retries them for days): {@code expired};</li>
     * <li>{@code incomplete} (the first invoice never confirmed) for longer than {@code incompleteTimeout}
     * (Stripe itself gives up after 23 hours): {@code expired}.</li>
     * </ul>
     *
     * @return how many subscriptions were ended
     */
    public int endLapsed(Date now, java.time.Duration renewalGrace, java.time.Duration incompleteTimeout) {
        int ended = 0;
        Date renewalDeadline = Date.from(now.toInstant().minus(renewalGrace));
        Date incompleteDeadline = Date.from(now.toInstant().minus(incompleteTimeout));
        Bson lapsed = Filters.or(
                Filters.and(Filters.in("status", "active", "past_due"), Filters.eq("cancelAtPeriodEnd", true),
                        Filters.lte("endDate", now)),
                Filters.and(Filters.in("status", "active", "past_due"), Filters.lte("endDate", renewalDeadline)),
                Filters.and(Filters.eq("status", "incomplete"), Filters.lte("createdAt", incompleteDeadline)));
        for (Document d : subscriptions().find(lapsed).limit(500).into(new ArrayList<>())) {
            String status = d.getString("status");
            boolean cancelled = !"incomplete".equals(status) && Boolean.TRUE.equals(d.getBoolean("cancelAtPeriodEnd"));
            Bson unchanged = Filters.and(Filters.eq("_id", d.getObjectId("_id")), Filters.eq("status", status),
                    Filters.eq("endDate", d.getDate("endDate")));
            Document after = subscriptions().findOneAndUpdate(unchanged, Updates.combine(
                    Updates.set("status", cancelled ? "cancelled" : "expired"), Updates.set("autoRenew", false),
                    Updates.set("endedAt", now), Updates.set("updatedAt", now)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (after != null) {
                release(after.getString("userId"), after.getObjectId("_id"));
                ended++;
            }
        }
        return ended;
    }

    Document byStripeId(String stripeSubscriptionId, String localId) {
        if (localId != null && ObjectId.isValid(localId)) {
            Document d = subscriptions().find(Filters.eq("_id", new ObjectId(localId))).first();
            if (d != null) {
                return d;
            }
        }
        return stripeSubscriptionId == null ? null
                : subscriptions().find(Filters.eq("stripeSubscriptionId", stripeSubscriptionId)).first();
    }

    Document apply(ObjectId id, List<Bson> changes) {
        List<Bson> all = new ArrayList<>(changes);
        all.add(Updates.set("updatedAt", new Date()));
        return subscriptions().findOneAndUpdate(Filters.eq("_id", id), Updates.combine(all),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    private String existingCustomer(String userId) {
        Document d = subscriptions().find(Filters.and(Filters.eq("userId", userId), Filters.eq("provider", "stripe"),
                Filters.ne("stripeCustomerId", null))).sort(Sorts.descending("createdAt")).first();
        return d == null ? null : d.getString("stripeCustomerId");
    }

    private void claim(String userId, ObjectId id) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                claims().insertOne(new Document("_id", userId).append("subscriptionId", id.toHexString())
                        .append("at", new Date()));
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document held = claims().find(Filters.eq("_id", userId)).first();
            if (held == null) {
                continue;
            }
            String heldId = held.getString("subscriptionId");
            Document current = ObjectId.isValid(heldId) ? subscriptions().find(Filters.eq("_id", new ObjectId(heldId))).first() : null;
            if (current != null && stillLive(current)) {
                throw ApiException.conflict("You already have a subscription (" + current.getString("plan")
                        + "); cancel it before choosing another plan");
            }
            claims().deleteOne(Filters.and(Filters.eq("_id", userId), Filters.eq("subscriptionId", heldId)));
        }
        throw ApiException.conflict("Another subscription request is in progress; retry");
    }

    private static boolean stillLive(Document d) {
        if (!LIVE.contains(d.getString("status"))) {
            return false;
        }
        Date end = d.getDate("endDate");
        return end == null || end.after(new Date()) || "incomplete".equals(d.getString("status"));
    }

    void release(String userId, ObjectId id) {
        claims().deleteOne(Filters.and(Filters.eq("_id", userId), Filters.eq("subscriptionId", id.toHexString())));
    }

    static Date periodEnd(Long epochSeconds) {
        return epochSeconds == null ? Date.from(Instant.now().plus(30, ChronoUnit.DAYS))
                : Date.from(Instant.ofEpochSecond(epochSeconds));
    }
}
