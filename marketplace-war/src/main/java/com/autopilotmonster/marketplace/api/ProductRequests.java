package com.autopilotmonster.marketplace.api;

import com.autopilotmonster.marketplace.domain.ProductChange;
import com.autopilotmonster.marketplace.domain.ProductData;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the product endpoints, with their bounds (sizes keep one document well under 1 MiB). */
public final class ProductRequests {

    /** Slugs: lower-case words joined by single hyphens. */
    public static final String SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
    /** Absolute http(s) URLs only: no javascript:, data: or relative references in the catalog. */
    public static final String HTTP_URL = "(?i)https?://[^\\s/?#@]+(?:[/?#][^\\s]*)?";
    static final String NOT_BLANK = "(?s).*\\S.*";
    static final String CURRENCY = "[A-Z]{3}";

    private ProductRequests() {
    }

    public record Create(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 10000) String description,
            @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 2, message = "at most 2 decimals") BigDecimal price,
            @DecimalMin("0") @Digits(integer = 9, fraction = 2, message = "at most 2 decimals") BigDecimal originalPrice,
            @NotBlank @Size(max = 60) @Pattern(regexp = SLUG, message = "must be a category slug") String category,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
            @Size(max = 10) List<@NotNull @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String> images,
            @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String thumbnail,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String vendorId,
            @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 code such as USD") String currency,
            @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String deliveryUrl) {

        ProductData data() {
            return new ProductData(name.strip(), description.strip(), price, originalPrice, category, normalizedTags(tags),
                    images, thumbnail, currency, deliveryUrl);
        }
    }

    public record Update(
            @Size(max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
            @Size(max = 10000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String description,
            @DecimalMin("0") @Digits(integer = 9, fraction = 2, message = "at most 2 decimals") BigDecimal price,
            @DecimalMin("0") @Digits(integer = 9, fraction = 2, message = "at most 2 decimals") BigDecimal originalPrice,
            @Size(max = 60) @Pattern(regexp = SLUG, message = "must be a category slug") String category,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
            @Size(max = 10) List<@NotNull @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String> images,
            @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String thumbnail,
            @Pattern(regexp = "active|pending|rejected|draft") String status,
            @Size(max = 500) String reason,
            @JsonbProperty("isFeatured") Boolean featured,
            @JsonbProperty("isPopular") Boolean popular,
            @PositiveOrZero Long downloadCount,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String vendorId,
            Double rating,
            Integer reviewCount,
            @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 code such as USD") String currency,
            @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String deliveryUrl) {

        ProductChange change() {
            return new ProductChange(name == null ? null : name.strip(),
                    description == null ? null : description.strip(), price, originalPrice, category, normalizedTags(tags),
                    images, thumbnail, status, reason, featured, popular, downloadCount, vendorId, rating, reviewCount,
                    currency, deliveryUrl);
        }
    }

    /** Tags are compared case-insensitively: stored trimmed, lower-case, without duplicates. */
    static List<String> normalizedTags(List<String> tags) {
        return tags == null ? null : tags.stream().map(t -> t.strip().toLowerCase(java.util.Locale.ROOT)).distinct()
                .toList();
    }
}
