package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code Idempotency-Key} semantics around order creation: the first request with a key creates the order;
 * the same key with the same body answers that same order (replayed), also while the first is still
 * running (the repeat waits for it); the same key with another body is 422.
 */
@ApplicationScoped
public class IdempotentCheckout {

    @Inject
    IdempotencyKeys keys;

    @Inject
    OrderStore orders;

    @Inject
    @ConfigProperty(name = "order.idempotency.wait", defaultValue = "PT20S")
    Duration wait;

    /** The order and whether it is a replay of an earlier request's answer. */
    public record Placed(Order order, boolean replayed) {
    }

    public Placed place(String userId, String key, String fingerprint, Supplier<Order> create) {
        if (key == null) {
            return new Placed(create.get(), false);
        }
        IdempotencyKeys.Record record = keys.claim(userId, key, fingerprint);
        if (record.owned()) {
            Order order;
            try {
                order = create.get();
            } catch (RuntimeException e) {
                keys.release(userId, key);
                throw e;
            }
            keys.complete(userId, key, order.id());
            return new Placed(order, false);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (!fingerprint.equals(record.fingerprint())) {
                throw ApiException.unprocessable(
                        "This Idempotency-Key was already used with a different request body; use a new key");
            }
            if (record.done()) {
                return new Placed(orders.find(record.orderId()).orElseThrow(
                        () -> new IllegalStateException("idempotency key points at a missing order")), true);
            }
            if (System.nanoTime() > deadline) {
                throw ApiException.conflict("A request with this Idempotency-Key is still being processed; retry shortly");
            }
            sleep();
            record = keys.read(userId, key);
            if (record == null) {
                // the first request failed and released the key: this one may try itself
                return place(userId, key, fingerprint, create);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted");
        }
    }
}
