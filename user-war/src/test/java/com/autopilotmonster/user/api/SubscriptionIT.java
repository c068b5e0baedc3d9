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
}
