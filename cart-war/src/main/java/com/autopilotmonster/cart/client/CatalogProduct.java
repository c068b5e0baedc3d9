package com.autopilotmonster.cart.client;

import java.math.BigDecimal;

/** What the cart takes from the catalog for a line: never from the client's request. */
public record CatalogProduct(String id, String name, BigDecimal price, String thumbnail, String vendorId) {
}
