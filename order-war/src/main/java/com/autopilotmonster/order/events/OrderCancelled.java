package com.autopilotmonster.order.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** {@code order.cancelled}. */
@JsonbPropertyOrder({"orderId", "userId", "reason", "timestamp"})
public record OrderCancelled(String orderId, String userId, String reason, String timestamp) {

    public static final String TOPIC = "order.cancelled";
}
