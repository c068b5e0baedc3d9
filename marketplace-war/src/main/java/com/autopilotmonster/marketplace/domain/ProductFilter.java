package com.autopilotmonster.marketplace.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a listing asks for; every field optional. {@code status} null means "active only" (the public
 * catalog). {@code text} is matched literally (case-insensitive) against name, description and tags.
 */
public record ProductFilter(String category, String vendorId, List<String> tags, BigDecimal minPrice,
                            BigDecimal maxPrice, Double minRating, Boolean featured, Boolean popular, String text,
                            ProductSort sort, String status) {

    /** A stable description, for the cache key. */
    String cacheKey() {
        return String.join("|", String.valueOf(category), String.valueOf(vendorId), String.valueOf(tags),
                String.valueOf(minPrice), String.valueOf(maxPrice), String.valueOf(minRating),
                String.valueOf(featured), String.valueOf(popular), String.valueOf(text), String.valueOf(sort),
                String.valueOf(status));
    }
}
