package com.autopilotmonster.cart.events;

import java.math.BigDecimal;
import java.util.List;

/** {@code order.created}: the spec's payload; the cart needs the user and the ordered product ids. */
public class OrderCreated {

    public static final String TOPIC = "order.created";

    public String orderId;
    public String userId;
    public List<Item> items;
    public BigDecimal subtotal;
    public BigDecimal tax;
    public BigDecimal total;
    public String currency;
    public String timestamp;

    public static class Item {
        public String productId;
        public String productName;
        public BigDecimal price;
        public Integer quantity;
        public String vendorId;
    }
}
