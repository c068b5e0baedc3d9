package com.autopilotmonster.marketplace.domain;

import java.math.BigDecimal;
import java.util.List;

/** The vendor-editable content of a product, already validated field by field by the API layer. */
public record ProductData(String name, String description, BigDecimal price, BigDecimal originalPrice,
                          String category, List<String> tags, List<String> images, String thumbnail,
                          String currency, String deliveryUrl) {
}
