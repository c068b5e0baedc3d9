package com.autopilotmonster.marketplace.events;

import java.util.List;

/** The part of {@code payment.success} the catalog needs: which products were bought, how many of each. */
public class PaymentSucceeded {

    /** One paid line. */
    public static class Item {
        public String productId;
        public String vendorId;
        public Integer quantity;
    }

    public String orderId;
    public String userId;
    public String currency;
    public List<Item> items;
}
