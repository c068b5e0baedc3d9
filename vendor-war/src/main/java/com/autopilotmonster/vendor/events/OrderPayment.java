package com.autopilotmonster.vendor.events;

import java.math.BigDecimal;
import java.util.List;

/** {@code payment.success} and {@code order.refunded} as the order service publishes them (fields used here). */
public class OrderPayment {

    public String orderId;
    public String userId;
    public String currency;
    public List<Item> items;
    public String timestamp;

    public static class Item {
        public String productId;
        public String productName;
        public String vendorId;
        public BigDecimal price;
        public Integer quantity;
        /** The line's share of a coupon's discount (absent: none). */
        public BigDecimal discount;
    }
}
