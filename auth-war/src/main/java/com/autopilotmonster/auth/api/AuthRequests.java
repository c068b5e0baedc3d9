package com.autopilotmonster.auth.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the auth API. Fields a client may not set (isActive, _id, ...) simply do not exist here. */
public final class AuthRequests {

    private AuthRequests() {
    }

    public record Register(
            @NotBlank @Size(max = 50) String firstName,
            @NotBlank @Size(max = 50) String lastName,
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password,
            @Pattern(regexp = "user|vendor", message = "must be user or vendor") String role) {
    }

    public record Login(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {
    }

    public record ForgotPassword(@NotBlank @Size(max = 254) String email) {
    }

    /** {@code newPassword} is what the original web client sends; {@code password} is accepted as an alias. */
    public record ResetPassword(@NotBlank @Size(max = 512) String token, @Size(max = 1024) String password,
                                @Size(max = 1024) String newPassword) {

        @jakarta.validation.constraints.AssertTrue(message = "newPassword is required")
        public boolean isNewPasswordPresent() {
            return newPassword() != null && !newPassword().isBlank();
        }

        @Override
        public String newPassword() {
            return newPassword != null && !newPassword.isBlank() ? newPassword : password;
        }
    }

    public record Refresh(@NotBlank @Size(max = 512) String refreshToken) {
    }

    public record Logout(@Size(max = 512) String refreshToken) {
    }

    public record UpdateProfile(@Size(min = 1, max = 50) String firstName, @Size(min = 1, max = 50) String lastName) {
    }
}
