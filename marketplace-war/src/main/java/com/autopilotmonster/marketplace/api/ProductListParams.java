package com.autopilotmonster.marketplace.api;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.marketplace.domain.ProductFilter;
import com.autopilotmonster.marketplace.domain.ProductSort;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The listing's query parameters. Every value is typed or pattern-checked, so operator objects such as
 * {@code {"$ne":null}} in a filter are a 400, and search text is bounded (it is matched literally).
 */
public class ProductListParams {

    @QueryParam("category")
    @Size(max = 60)
    @Pattern(regexp = ProductRequests.SLUG, message = "must be a category slug")
    String category;

    @QueryParam("vendorId")
    @Size(max = 64)
    @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a vendor id")
    String vendorId;

    /** Comma-separated; a product must carry all of them. */
    @QueryParam("tags")
    @Size(max = 400)
    @Pattern(regexp = "[^,]{1,40}(?:,[^,]{1,40}){0,9}", message = "must be up to 10 comma-separated tags of up to 40 characters")
    String tags;

    @QueryParam("minPrice")
    @DecimalMin("0")
    BigDecimal minPrice;

    @QueryParam("maxPrice")
    @DecimalMin("0")
    BigDecimal maxPrice;

    @QueryParam("minRating")
    @DecimalMin("0")
    @DecimalMax("5")
    Double minRating;

    /** Strictly true or false: a lenient boolean would read any typo as false. */
    @QueryParam("featured")
    @Pattern(regexp = "true|false", message = "must be true or false")
    String featured;

    @QueryParam("popular")
    @Pattern(regexp = "true|false", message = "must be true or false")
    String popular;

    @QueryParam("q")
    @Size(max = 100)
    String q;

    /** The spec's clients send {@code search}; same as {@code q}. */
    @QueryParam("search")
    @Size(max = 100)
    String search;

    @QueryParam("sort")
    @Size(max = 40)
    String sort;

    /** The original web client's name for {@code sort} (same values); {@code sort} wins when both are sent. */
    @QueryParam("sortBy")
    @Size(max = 40)
    String sortBy;

    /** Admins only: list another status than {@code active} (the moderation queue). */
    @QueryParam("status")
    @Pattern(regexp = "active|pending|rejected|draft")
    String status;

    ProductFilter filter() {
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            throw ApiException.badRequest("minPrice must not exceed maxPrice");
        }
        String text = q != null && !q.isBlank() ? q.strip() : search != null && !search.isBlank() ? search.strip() : null;
        List<String> tagList = tags == null ? null : Arrays.stream(tags.split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).map(t -> t.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
        return new ProductFilter(category, vendorId, tagList, minPrice, maxPrice, minRating,
                featured == null ? null : Boolean.valueOf(featured), popular == null ? null : Boolean.valueOf(popular), text,
                ProductSort.of(sort != null && !sort.isBlank() ? sort : sortBy), status);
    }
}
