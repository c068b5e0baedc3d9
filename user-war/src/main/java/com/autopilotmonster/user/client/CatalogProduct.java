package com.autopilotmonster.user.client;

import java.math.BigDecimal;

/** What the wishlist takes from the catalog: never from the client's request. */
public record CatalogProduct(String id, String name, BigDecimal price, String thumbnail, String vendorId) {
}
