package com.autopilotmonster.cart.api;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.problem.FieldViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;

/**
 * Request bodies. There is deliberately no price, name or thumbnail here: those come from the catalog,
 * and such fields in a request are ignored. Quantity bounds ({@code cart.max-quantity}) are checked by
 * the service, since the maximum is configuration.
 */
public final class CartRequests {

    static final String OBJECT_ID = "[0-9a-fA-F]{24}";

    private CartRequests() {
    }

    public record AddItem(
            @NotNull @Pattern(regexp = OBJECT_ID, message = "must be a product id (24 hex characters)") String productId,
            BigDecimal quantity) {
    }

    public record UpdateItem(@NotNull BigDecimal quantity) {
    }

    /** The original client sends {@code couponCode}; {@code code} is accepted too. */
    public record ApplyCoupon(@Pattern(regexp = "[A-Za-z0-9_-]{3,32}", message = "is not a coupon code") String couponCode,
                              @Pattern(regexp = "[A-Za-z0-9_-]{3,32}", message = "is not a coupon code") String code) {
        String theCode() {
            String c = couponCode != null ? couponCode : code;
            if (c == null) {
                throw ApiException.validation("couponCode is required",
                        List.of(new FieldViolation("couponCode", "is required")));
            }
            return c;
        }
    }

    /** ObjectId hex in one spelling (lower case, as the catalog and its events write it). */
    static String id(String productId) {
        return productId.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Quantities are read as numbers and must be whole: JSON-B would silently truncate 1.5 to an int. The
     * bounds are the service's (configured maximum).
     */
    static Integer wholeNumber(BigDecimal quantity) {
        if (quantity == null) {
            return null;
        }
        try {
            return quantity.intValueExact();
        } catch (ArithmeticException e) {
            throw ApiException.validation("quantity must be a whole number",
                    List.of(new FieldViolation("quantity", "must be a whole number")));
        }
    }
}
