package com.autopilotmonster.auth.api;

import com.autopilotmonster.auth.domain.AccessTokens;
import com.autopilotmonster.auth.domain.AuthService;
import com.autopilotmonster.auth.domain.Role;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The spec's auth endpoints. */
@Path("/auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class AuthResource {

    @Inject
    AuthService auth;

    @Inject
    AccessTokens accessTokens;

    @Inject
    CurrentUser currentUser;

    @Inject
    JsonWebToken jwt;

    @Inject
    ClientAddress clientAddress;

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest request;

    @POST
    @Path("/register")
    @PermitAll
    @ResponseMessage("User registered successfully")
    @Operation(summary = "Register a new user (role user, or vendor for a vendor account)")
    public Response register(@Valid @NotNull AuthRequests.Register body) {
        AuthService.Session session = auth.register(body.email(), body.password(), body.firstName(), body.lastName(),
                body.role() == null ? Role.USER : Role.of(body.role()));
        return Response.status(Response.Status.CREATED).entity(view(session)).build();
    }

    @POST
    @Path("/login")
    @PermitAll
    @ResponseMessage("Login successful")
    @Operation(summary = "Sign in with email and password")
    public SessionView login(@Valid @NotNull AuthRequests.Login body) {
        return view(auth.login(body.email(), body.password(), clientAddress.of(request)));
    }

    @GET
    @Path("/verify/{token}")
    @PermitAll
    @ResponseMessage("Email verified")
    @Operation(summary = "Confirm an email address with the single-use link that was mailed")
    public UserView verify(@PathParam("token") @Size(max = 512) String token) {
        return UserView.of(auth.verifyEmail(token));
    }

    @POST
    @Path("/forgot-password")
    @PermitAll
    @ResponseMessage(FORGOT_PASSWORD_MESSAGE)
    @Operation(summary = "Mail a password reset link (the answer is the same whether or not the account exists)")
    public Response forgotPassword(@Valid @NotNull AuthRequests.ForgotPassword body) {
        auth.forgotPassword(body.email());
        // the message at the envelope's top level like every other answer; data keeps what the first version sent
        return Response.accepted(Map.of("message", FORGOT_PASSWORD_MESSAGE)).build();
    }

    static final String FORGOT_PASSWORD_MESSAGE = "If an account exists for this address, a reset link has been sent";

    @POST
    @Path("/reset-password")
    @PermitAll
    @ResponseMessage("Password has been reset; sign in again")
    @Operation(summary = "Set a new password with the mailed reset token")
    public Map<String, Object> resetPassword(@Valid @NotNull AuthRequests.ResetPassword body) {
        auth.resetPassword(body.token(), body.newPassword());
        return Map.of("reset", true);
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @ResponseMessage("Token refreshed")
    @Operation(summary = "Exchange a refresh token for a new token pair (the old one stops working)")
    public SessionView refresh(@Valid @NotNull AuthRequests.Refresh body) {
        return view(auth.refresh(body.refreshToken()));
    }

    @POST
    @Path("/logout")
    @RolesAllowed({"user", "vendor", "admin"})
    @ResponseMessage("Logged out successfully")
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "Revoke the access token and the refresh token")
    public Map<String, Object> logout(@Valid AuthRequests.Logout body) {
        auth.logout(currentUser.id(), jwt.getTokenID(), jwt.getExpirationTime(), body == null ? null : body.refreshToken());
        return Map.of("loggedOut", true);
    }

    @GET
    @Path("/profile")
    @RolesAllowed({"user", "vendor", "admin"})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "The signed-in user")
    public UserView profile() {
        return UserView.of(auth.profile(currentUser.id()));
    }

    @PUT
    @Path("/profile")
    @RolesAllowed({"user", "vendor", "admin"})
    @ResponseMessage("Profile updated")
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "Change the signed-in user's name")
    public UserView updateProfile(@Valid @NotNull AuthRequests.UpdateProfile body) {
        return UserView.of(auth.updateProfile(currentUser.id(), body.firstName(), body.lastName()));
    }

    private SessionView view(AuthService.Session session) {
        return SessionView.of(session, accessTokens.ttl().toSeconds());
    }
}
