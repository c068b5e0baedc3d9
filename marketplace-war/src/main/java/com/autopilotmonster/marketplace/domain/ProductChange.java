package com.autopilotmonster.marketplace.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A partial update: {@code null} means "unchanged". The moderation fields ({@code status}, {@code reason},
 * {@code featured}, {@code popular}, {@code downloadCount}, {@code vendorId}) are admin-only; {@code rating}
 * and {@code reviewCount} are carried only so that a caller sending them can be refused - they are derived
 * from the reviews and never written from a request.
 */
public record ProductChange(String name, String description, BigDecimal price, BigDecimal originalPrice,
                            String category, List<String> tags, List<String> images, String thumbnail,
                            String status, String reason, Boolean featured, Boolean popular, Long downloadCount,
                            String vendorId, Double rating, Integer reviewCount, String currency,
                            String deliveryUrl) {
}
