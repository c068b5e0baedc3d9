package com.autopilotmonster.vendor.api;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.vendor.domain.VendorProfile;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Request bodies with their bounds. */
public final class VendorRequests {

    static final String NOT_BLANK = "(?s).*\\S.*";
    static final String HTTP_URL = "(?i)https?://[^\\s/?#@]+(?:[/?#][^\\s]*)?";
    /** Path ids: a user id (ObjectId hex, UUID, or the Node platform's ids) - never an operator object. */
    static final String ID = "[A-Za-z0-9_-]{1,64}";

    private VendorRequests() {
    }

    /** Payout destination: a Stripe Connect account id or a bank reference (IBAN/account reference), never a card. */
    public record PayoutDetails(
            @Size(max = 64) @Pattern(regexp = "acct_[A-Za-z0-9]{1,58}", message = "must be a Stripe Connect account id (acct_...)") String stripeAccountId,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 /-]{0,63}", message = "letters, digits, spaces, / and - only") String bankReference) {
    }

    public record Profile(
            @Size(max = 120) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
            @Size(max = 5000) String description,
            @Size(max = 254) @Email String email,
            @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()./-]{4,32}", message = "must be a phone number") String phone,
            @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String website,
            @Size(max = 500) String address,
            @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String avatar,
            @Valid PayoutDetails payout) {

        VendorProfile profile() {
            String bank = payout == null ? null : payout.bankReference();
            if (bank != null && looksLikeCard(bank)) {
                throw ApiException.badRequest("payout.bankReference looks like a card number; card data is never accepted");
            }
            return new VendorProfile(name == null ? null : name.strip(), description, email, phone, website, address, avatar,
                    payout == null ? null : payout.stripeAccountId(), bank);
        }
    }

    public record AdminUpdate(
            @Size(max = 120) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
            @Size(max = 5000) String description,
            @Size(max = 254) @Email String email,
            @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()./-]{4,32}", message = "must be a phone number") String phone,
            @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String website,
            @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String avatar,
            Boolean verified) {

        VendorProfile profile() {
            return new VendorProfile(name == null ? null : name.strip(), description, email, phone, website, null, avatar, null,
                    null);
        }
    }

    public record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    public record OptionalReason(@Size(max = 500) String reason) {
    }

    public record PayoutRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
            @Digits(integer = 9, fraction = 2, message = "at most 2 decimals") BigDecimal amount,
            @Pattern(regexp = "[A-Za-z]{3}", message = "must be a 3-letter currency code") @JsonbProperty("currency") String currency) {
    }

    /** 13-19 digits passing the Luhn check: a payment card number. */
    static boolean looksLikeCard(String value) {
        String digits = value.replaceAll("[ -]", "");
        if (!digits.matches("[0-9]{13,19}")) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
