package com.autopilotmonster.user.api;

import static com.autopilotmonster.user.api.Users.get;
import static com.autopilotmonster.user.api.Users.problem;
import static com.autopilotmonster.user.api.Users.send;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.autopilotmonster.user.api.Users.User;
import java.math.BigDecimal;
import com.autopilotmonster.testsupport.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions: plans from configuration, the free plan at once, paid plans through Stripe Billing (stripe-java
 * against a WireMock Stripe: customer + subscription) driven by signed webhooks (subscription active, invoice
 * paid, cancel at period end, deleted); forged/unsigned/stale webhooks refused; one live subscription per user;
 * unknown plan 400; another user's subscription 404.
 */
class SubscriptionIT {

    @BeforeAll
    static void setUp() {
        Users.target();
        StripeStub.start();
    }

    private static String subscribe(User user, String plan, int status) {
        return send("POST", user.token(), "/api/users/subscriptions", "{\"plan\":\"" + plan + "\"}").statusCode(status)
                .extract().path("data.subscriptionId");
    }

    private static String evt() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void theFreePlanIsActiveAtOnceOneLiveSubscriptionPerUserAndCancellingEndsIt() {
        get(User.fresh().token(), "/api/users/subscriptions/plans").statusCode(200)
                .body("data.plan", hasItems("free", "pro", "enterprise"));
        User user = User.fresh();
        get(user.token(), "/api/users/subscriptions/active").statusCode(200).body("data", nullValue());
        String id = subscribe(user, "free", 201);
        get(user.token(), "/api/users/subscriptions/active").statusCode(200).body("data.subscriptionId", equalTo(id))
                .body("data.status", equalTo("active")).body("data.plan", equalTo("free")).body("data._id", equalTo(id));
        problem(send("POST", user.token(), "/api/users/subscriptions", "{\"plan\":\"pro\"}"), 409);
        problem(send("POST", user.token(), "/api/users/subscriptions", "{\"plan\":\"platinum\"}"), 400);
        problem(send("POST", user.token(), "/api/users/subscriptions", "{\"plan\":{\"$ne\":null}}"), 400);
        problem(send("POST", user.token(), "/api/users/subscriptions", "{\"plan\":\"" + "p".repeat(100) + "\"}"), 400);

        User other = User.fresh();
        problem(send("POST", other.token(), "/api/users/subscriptions/" + id + "/cancel", null), 404);
        problem(send("POST", other.token(), "/api/users/subscriptions/not-an-id/cancel", null), 400);
        get(other.token(), "/api/users/subscriptions").statusCode(200).body("data", hasSize(0));

        send("POST", user.token(), "/api/users/subscriptions/" + id + "/cancel", null).statusCode(200)
                .body("data.status", equalTo("cancelled"));
        get(user.token(), "/api/users/subscriptions/active").body("data", nullValue());
        problem(send("POST", user.token(), "/api/users/subscriptions/" + id + "/cancel", null), 409);
        // a new plan may be chosen now
        subscribe(user, "free", 201);
        get(user.token(), "/api/users/subscriptions").body("data", hasSize(2));
    }

    @Test
    void aPaidPlanGoesThroughStripeBillingAndSignedWebhooksDriveItsState() {
        User user = User.fresh();
        String customer = "cus_" + user.id();
        String stripeSub = "sub_" + user.id();
        StripeStub.billing(user.id(), customer, stripeSub);

        String id = subscribe(user, "pro", 201);
        get(user.token(), "/api/users/subscriptions").body("data[0].status", equalTo("incomplete"))
                .body("data[0].stripeSubscriptionId", equalTo(stripeSub))
                .body("data[0].amount", comparesEqualTo(new BigDecimal("19.00")));
        assertEquals(1, StripeStub.calls("/v1/customers", "metadata[userId]=" + user.id()));
        assertEquals(1, StripeStub.calls("/v1/subscriptions", "metadata[userId]=" + user.id(),
                "price_user_it_pro", "customer=" + customer, "metadata[subscriptionId]=" + id));
        get(user.token(), "/api/users/subscriptions/active").body("data", nullValue());

        long start = Instant.now().getEpochSecond();
        long end = start + 30L * 24 * 3600;
        String meta = "{\"subscriptionId\":\"" + id + "\",\"userId\":\"" + user.id() + "\"}";
        String activated = StripeStub.event(evt(), "customer.subscription.updated", "{\"id\":\"" + stripeSub
                + "\",\"object\":\"subscription\",\"status\":\"active\",\"current_period_start\":" + start
                + ",\"current_period_end\":" + end + ",\"cancel_at_period_end\":false,\"metadata\":" + meta + "}");
        StripeStub.signed(activated).statusCode(200).body("outcome", equalTo("applied"));
        StripeStub.signed(activated).statusCode(200).body("outcome", equalTo("duplicate"));
        String paid = StripeStub.event(evt(), "invoice.paid", "{\"id\":\"in_1\",\"object\":\"invoice\",\"subscription\":\""
                + stripeSub + "\",\"status\":\"paid\",\"lines\":{\"object\":\"list\",\"data\":[{\"period\":{\"start\":"
                + start + ",\"end\":" + end + "}}]}}");
        StripeStub.signed(paid).statusCode(200).body("outcome", equalTo("applied"));
        get(user.token(), "/api/users/subscriptions/active").statusCode(200).body("data.subscriptionId", equalTo(id))
                .body("data.status", equalTo("active")).body("data.endDate", equalTo(Instant.ofEpochSecond(end).toString()))
                .body("data.stripeCustomerId", nullValue());
        get(user.token(), "/api/users/dashboard").body("data.subscription.plan", equalTo("pro"));

        // cancel: at period end, through Stripe; access stays until then
        send("POST", user.token(), "/api/users/subscriptions/" + id + "/cancel", null).statusCode(200)
                .body("data.status", equalTo("active")).body("data.cancelAtPeriodEnd", equalTo(true))
                .body("data.autoRenew", equalTo(false));
        assertEquals(1, StripeStub.calls("/v1/subscriptions/" + stripeSub, "cancel_at_period_end=true"));
        get(user.token(), "/api/users/subscriptions/active").body("data.subscriptionId", equalTo(id));

        // the period ends: Stripe deletes the subscription
        StripeStub.signed(StripeStub.event(evt(), "customer.subscription.deleted", "{\"id\":\"" + stripeSub
                + "\",\"object\":\"subscription\",\"status\":\"canceled\",\"metadata\":" + meta + "}"))
                .statusCode(200).body("outcome", equalTo("applied"));
        get(user.token(), "/api/users/subscriptions/active").body("data", nullValue());
        get(user.token(), "/api/users/subscriptions").body("data[0].status", equalTo("cancelled"));
    }

    @Test
    void aFailedInvoiceMakesThePaidSubscriptionPastDue() {
        User user = User.fresh();
        String stripeSub = "sub_f_" + user.id();
        StripeStub.billing(user.id(), "cus_f_" + user.id(), stripeSub);
        String id = subscribe(user, "enterprise", 201);
        long end = Instant.now().getEpochSecond() + 3600;
        StripeStub.signed(StripeStub.event(evt(), "invoice.paid", "{\"id\":\"in_2\",\"object\":\"invoice\",\"subscription\":\""
                + stripeSub + "\",\"lines\":{\"data\":[{\"period\":{\"start\":1,\"end\":" + end + "}}]}}")).statusCode(200);
        get(user.token(), "/api/users/subscriptions/active").body("data.status", equalTo("active"));
        StripeStub.signed(StripeStub.event(evt(), "invoice.payment_failed", "{\"id\":\"in_3\",\"object\":\"invoice\","
                + "\"subscription\":\"" + stripeSub + "\"}")).statusCode(200).body("outcome", equalTo("applied"));
        get(user.token(), "/api/users/subscriptions/active").body("data.status", equalTo("past_due"))
                .body("data.subscriptionId", equalTo(id));
    }

    @Test
    void unsignedForgedAndStaleWebhooksAre400AndChangeNothing() {
        User user = User.fresh();
        String stripeSub = "sub_x_" + user.id();
        StripeStub.billing(user.id(), "cus_x_" + user.id(), stripeSub);
        String id = subscribe(user, "pro", 201);
        String payload = StripeStub.event(evt(), "customer.subscription.updated", "{\"id\":\"" + stripeSub
                + "\",\"object\":\"subscription\",\"status\":\"active\",\"metadata\":{\"subscriptionId\":\"" + id + "\"}}");
        problem(StripeStub.webhook(payload, null), 400);
        problem(StripeStub.webhook(payload, StripeStub.signature(payload, "whsec_wrong", Instant.now().getEpochSecond())), 400);
        problem(StripeStub.webhook(payload, StripeStub.signature(payload, StripeStub.SECRET,
                Instant.now().getEpochSecond() - 3600)), 400);
        String signature = StripeStub.signature(payload, StripeStub.SECRET, Instant.now().getEpochSecond());
        problem(StripeStub.webhook(payload.replace("\"active\"", "\"trialing\""), signature), 400);
        problem(StripeStub.webhook("not json", StripeStub.signature("not json", StripeStub.SECRET,
                Instant.now().getEpochSecond())), 400);
        get(user.token(), "/api/users/subscriptions").body("data[0].status", equalTo("incomplete"))
                .body("data[0].subscriptionId", notNullValue());
        get(user.token(), "/api/users/subscriptions/active").body("data", nullValue());
    }

    /** Signed webhook: the Stripe subscription active with a period ending at {@code end} (epoch s). */
    private static void activeUntil(String stripeSub, String id, String userId, long end, boolean cancelAtPeriodEnd) {
        String meta = "{\"subscriptionId\":\"" + id + "\",\"userId\":\"" + userId + "\"}";
        StripeStub.signed(StripeStub.event(evt(), "customer.subscription.updated", "{\"id\":\"" + stripeSub
                + "\",\"object\":\"subscription\",\"status\":\"active\",\"current_period_start\":"
                + (end - 30) + ",\"current_period_end\":" + end + ",\"cancel_at_period_end\":" + cancelAtPeriodEnd
                + ",\"metadata\":" + meta + "}")).statusCode(200).body("outcome", equalTo("applied"));
    }

    private static String status(User user) {
        return get(user.token(), "/api/users/subscriptions").statusCode(200).extract().path("data[0].status");
    }

    /**
     * The sweep (user-it: every second, renewal grace 2 s): a subscription cancelled at period end becomes
     * cancelled when the period is over and the user may subscribe again; an auto-renewing one whose renewal
     * never came expires after the grace, while one renewed in time stays active.
     */
    @Test
    void theSweepEndsLapsedSubscriptionsAndReleasesTheClaim() {
        User cancelling = User.fresh();
        String cancellingSub = "sub_c_" + cancelling.id();
        StripeStub.billing(cancelling.id(), "cus_c_" + cancelling.id(), cancellingSub);
        String cancellingId = subscribe(cancelling, "pro", 201);
        User lapsing = User.fresh();
        String lapsingSub = "sub_l_" + lapsing.id();
        StripeStub.billing(lapsing.id(), "cus_l_" + lapsing.id(), lapsingSub);
        String lapsingId = subscribe(lapsing, "pro", 201);
        User renewing = User.fresh();
        String renewingSub = "sub_r_" + renewing.id();
        StripeStub.billing(renewing.id(), "cus_r_" + renewing.id(), renewingSub);
        String renewingId = subscribe(renewing, "enterprise", 201);

        long end = Instant.now().getEpochSecond() + 8;   // room for the webhooks below on a busy machine
        activeUntil(cancellingSub, cancellingId, cancelling.id(), end, false);
        activeUntil(lapsingSub, lapsingId, lapsing.id(), end, false);
        activeUntil(renewingSub, renewingId, renewing.id(), end, false);
        send("POST", cancelling.token(), "/api/users/subscriptions/" + cancellingId + "/cancel", null).statusCode(200)
                .body("data.cancelAtPeriodEnd", equalTo(true)).body("data.status", equalTo("active"));
        get(cancelling.token(), "/api/users/subscriptions/active").body("data.subscriptionId", equalTo(cancellingId));
        // the renewal: the next invoice paid moves the period end on
        long next = end + 30L * 24 * 3600;
        StripeStub.signed(StripeStub.event(evt(), "invoice.paid", "{\"id\":\"in_r\",\"object\":\"invoice\",\"subscription\":\""
                + renewingSub + "\",\"lines\":{\"data\":[{\"period\":{\"start\":" + end + ",\"end\":" + next + "}}]}}"))
                .statusCode(200).body("outcome", equalTo("applied"));

        Eventually.await("cancelled at period end", Duration.ofSeconds(30), () -> "cancelled".equals(status(cancelling)));
        get(cancelling.token(), "/api/users/subscriptions").body("data[0].endedAt", notNullValue())
                .body("data[0].autoRenew", equalTo(false));
        get(cancelling.token(), "/api/users/subscriptions/active").body("data", nullValue());
        subscribe(cancelling, "free", 201);   // the claim was released

        Eventually.await("expired without renewal", Duration.ofSeconds(30), () -> "expired".equals(status(lapsing)));
        get(lapsing.token(), "/api/users/subscriptions/active").body("data", nullValue());
        subscribe(lapsing, "free", 201);

        // swept past its old period end and grace, the renewed one is untouched
        get(renewing.token(), "/api/users/subscriptions/active").body("data.subscriptionId", equalTo(renewingId))
                .body("data.status", equalTo("active")).body("data.endDate", equalTo(Instant.ofEpochSecond(next).toString()));
        problem(send("POST", renewing.token(), "/api/users/subscriptions", "{\"plan\":\"free\"}"), 409);
    }
}
