package com.autopilotmonster.order.api;

import com.autopilotmonster.common.api.JsonbSettings;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.warmup.Warmup;
import com.autopilotmonster.order.client.CartReader;
import com.autopilotmonster.order.client.Catalog;
import com.autopilotmonster.order.domain.OrderMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

/**
 * A checkout's first steps, taken once at start-up with inputs that change nothing: the marketplace is asked for a
 * product that cannot exist (404: not available) and the cart with a token it refuses (401), through the same REST
 * clients a checkout uses; an order request is read and validated as the API reads it; the checkout timers are
 * registered. See {@link Warmup}.
 */
@ApplicationScoped
public class CheckoutWarmup implements Warmup {

    private static final String NO_PRODUCT = "000000000000000000000000";
    private static final String ORDER_REQUEST = "{\"items\":[{\"productId\":\"" + NO_PRODUCT + "\",\"quantity\":1}],"
            + "\"billingAddress\":{\"name\":\"Warm Up\",\"email\":\"warm-up@example.invalid\",\"address\":\"1 Start St\","
            + "\"city\":\"Springfield\",\"country\":\"US\",\"zip\":\"12345\"}}";

    @Inject
    Catalog catalog;

    @Inject
    CartReader cart;

    @Inject
    Validator validator;

    @Inject
    OrderMetrics metrics;

    @Override
    public String name() {
        return "checkout";
    }

    @Override
    public void run() {
        metrics.registerCheckoutTimers();
        OrderRequests.CreateOrder request = JsonbSettings.jsonb().fromJson(ORDER_REQUEST, OrderRequests.CreateOrder.class);
        validator.validate(request);
        catalog.activeProduct(NO_PRODUCT);
        try {
            cart.read("Bearer warm-up");
        } catch (ApiException expected) {
            // refused: the call went all the way through the client and back
        }
    }
}
