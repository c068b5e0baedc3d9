package com.autopilotmonster.order.client;

import java.math.BigDecimal;

/** What the order service needs to know about a product to price a line. */
public record CatalogProduct(String id, String name, BigDecimal price, String vendorId, String status) {

    public boolean active() {
        return "active".equals(status);
    }
}
