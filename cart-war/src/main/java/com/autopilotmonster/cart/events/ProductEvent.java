package com.autopilotmonster.cart.events;

import java.math.BigDecimal;

/** {@code product.created|updated|deleted}: {@code {productId, vendorId, name, price, category, status, timestamp}}. */
public class ProductEvent {

    public static final String UPDATED = "product.updated";
    public static final String DELETED = "product.deleted";

    public String productId;
    public String vendorId;
    public String name;
    public BigDecimal price;
    public String category;
    public String status;
    public String timestamp;
}
