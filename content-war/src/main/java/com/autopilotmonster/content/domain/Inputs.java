package com.autopilotmonster.content.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Request bodies with their bounds (a field that is an object or array where text is expected is a 400). */
public final class Inputs {

    public static final String HTTP_URL = "(?i)https?://[^\\s/?#@<>\"]+(?:[/?#][^\\s<>\"]*)?";
    public static final String ID = "[A-Za-z0-9_-]{1,64}";
    /** A slug in a path: letters and digits of any script, hyphens. */
    public static final String SLUG = "[\\p{L}\\p{N}_-]{1,160}";

    private Inputs() {
    }

    public record BlogInput(
            @Size(max = 200) String title,
            @Size(max = 200_000) String content,
            @Size(max = 500) String excerpt,
            @Size(max = 60) String category,
            @Size(max = 20) List<@NotNull @Size(max = 40) String> tags,
            @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String featuredImage,
            @Pattern(regexp = "draft|scheduled|published|archived", message = "must be draft, scheduled, published or archived") String status,
            @Size(max = 40) String publishAt,
            Boolean featured,
            @Size(max = 120) String metaTitle,
            @Size(max = 320) String metaDescription,
            @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String canonicalUrl,
            @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String ogImage,
            @Size(max = 120) String slug) {
    }

    public record HelpInput(
            @Size(max = 200) String title,
            @Size(max = 100_000) String content,
            @Size(max = 60) String category,
            @Size(max = 20) List<@NotNull @Size(max = 40) String> tags,
            @Pattern(regexp = "draft|published|archived", message = "must be draft, published or archived") String status,
            @Min(0) @Max(100_000) Integer order,
            @Size(max = 120) String slug) {
    }

    public record Feedback(@NotNull(message = "helpful (true or false) is required") Boolean helpful) {
    }

    public record StepInput(@NotBlank @Size(max = 200) String title, @Size(max = 20_000) String content,
                            @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String imageUrl) {
    }

    public record TutorialInput(
            @Size(max = 200) String title,
            @Size(max = 1000) String description,
            @Size(max = 100_000) String content,
            @Size(max = 60) String category,
            @Pattern(regexp = "beginner|intermediate|advanced", message = "must be beginner, intermediate or advanced") String difficulty,
            @Min(1) @Max(10_000) Integer duration,
            @Size(max = 50) List<@NotNull @Valid StepInput> steps,
            @Size(max = 20) List<@NotNull @Pattern(regexp = ID, message = "must be a product id") String> relatedProducts,
            @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String videoUrl,
            @Size(max = 20) List<@NotNull @Size(max = 40) String> tags,
            @Pattern(regexp = "draft|published|archived", message = "must be draft, published or archived") String status,
            @Size(max = 120) String slug) {
    }

    public record Salary(@NotNull @Min(0) BigDecimal min, @NotNull @Min(0) BigDecimal max,
                         @NotNull @Pattern(regexp = "[A-Za-z]{3}", message = "must be a 3-letter currency code") String currency) {
    }

    public record JobInput(
            @Size(max = 200) String title,
            @Size(max = 80) String department,
            @Size(max = 120) String location,
            @Pattern(regexp = "full-time|part-time|contract|remote", message = "must be full-time, part-time, contract or remote") String type,
            @Size(max = 50_000) String description,
            @Size(max = 50) List<@NotNull @Size(max = 500) String> requirements,
            @Size(max = 50) List<@NotNull @Size(max = 500) String> responsibilities,
            @Size(max = 50) List<@NotNull @Size(max = 500) String> benefits,
            @Valid Salary salary,
            @Size(max = 40) String closingDate,
            @Pattern(regexp = "open|closed", message = "must be open or closed") String status) {
    }

    /** The original web client's JSON application: the résumé is a link. */
    public record JsonApplication(
            @NotBlank(message = "name is required") @Size(max = 120) String name,
            @NotBlank(message = "email is required") @Email @Size(max = 254) String email,
            @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()./-]{4,32}", message = "must be a phone number") String phone,
            @NotBlank(message = "resume (a link) is required") @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String resume,
            @Size(max = 10_000) String coverLetter) {
    }
}
