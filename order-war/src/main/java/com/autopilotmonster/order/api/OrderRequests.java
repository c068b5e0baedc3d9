package com.autopilotmonster.order.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Request bodies. There is no price, total or status field anywhere: a client cannot send one (unknown
 * fields are ignored), the server computes them.
 */
public final class OrderRequests {

    private OrderRequests() {
    }

    /** Without {@code items} (or with an empty list) the caller's cart is ordered. */
    public record CreateOrder(@Size(max = 50, message = "at most 50 lines") List<@Valid @NotNull Line> items,
                              @NotNull AddressBody billingAddress,
                              @Size(max = 30) @Pattern(regexp = "[A-Za-z_]+", message = "must be a payment method name") String paymentMethod,
                              @Pattern(regexp = "[A-Za-z0-9_-]{3,32}", message = "is not a coupon code") String couponCode) {
    }

    public record Line(@NotBlank @Pattern(regexp = "[0-9a-fA-F]{24}", message = "must be a product id") String productId,
                       @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100")
                       Integer quantity) {
    }

    /**
     * The billing address as we take it ({@code name, email, address, city, country, zip}) or as the original web
     * client sends it (its {@code ShippingAddress}: {@code firstName, lastName, address1, address2, city, state,
     * country, postalCode, phone}). Either way it becomes one {@link BillingAddress}, validated as such; a missing
     * email is the caller's own.
     */
    public record AddressBody(String name, String email, String address, String city, String country, String zip,
                              String firstName, String lastName, String address1, String address2, String state,
                              String postalCode, String phone) {

        public BillingAddress toBilling(String callerEmail) {
            String fullName = name != null ? name : join(" ", firstName, lastName);
            String street = address != null ? address : join(", ", address1, address2);
            return new BillingAddress(fullName, email != null ? email : callerEmail, street, city, country,
                    zip != null ? zip : postalCode);
        }

        private static String join(String separator, String first, String second) {
            String a = first == null ? "" : first.strip();
            String b = second == null ? "" : second.strip();
            String joined = a.isEmpty() || b.isEmpty() ? a + b : a + separator + b;
            return joined.isEmpty() ? null : joined;
        }
    }

    public record BillingAddress(@NotBlank @Size(max = 100) String name,
                                 @NotBlank @Email @Size(max = 254) String email,
                                 @NotBlank @Size(max = 200) String address,
                                 @NotBlank @Size(max = 100) String city,
                                 @NotBlank @Pattern(regexp = "\\s*[A-Za-z]{2}\\s*", message = "must be an ISO 3166-1 alpha-2 country code") String country,
                                 @NotBlank @Pattern(regexp = "\\s*[A-Za-z0-9][A-Za-z0-9 -]{1,11}\\s*", message = "must be a postal code") String zip) {
    }

    /**
     * Our {@code paymentMethod} (stripe or razorpay), or the original web client's body {@code {amount, method}}:
     * {@code method} names how the customer pays (card, upi, netbanking, wallet; mapped to a provider by
     * configuration) and {@code amount}, when sent, must be the order's total - it is checked, never charged.
     */
    public record Pay(@Pattern(regexp = "stripe|razorpay", message = "must be stripe or razorpay") String paymentMethod,
                      @Size(max = 30) @Pattern(regexp = "[A-Za-z_]+", message = "must be a payment method name") String method,
                      @jakarta.validation.constraints.DecimalMin("0") @jakarta.validation.constraints.Digits(integer = 9, fraction = 2)
                      java.math.BigDecimal amount) {
    }

    public record Cancel(@Size(max = 500) String reason) {
    }

    public record SandboxComplete(@Pattern(regexp = "succeeded|failed", message = "must be succeeded or failed") String outcome) {
    }
}
