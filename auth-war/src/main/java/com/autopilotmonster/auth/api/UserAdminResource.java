package com.autopilotmonster.auth.api;

import com.autopilotmonster.auth.domain.AuthService;
import com.autopilotmonster.auth.domain.Role;
import com.autopilotmonster.auth.domain.UserAdministration;
import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Account management for admins and for the admin service (which calls it with an admin's token). */
@Path("/auth/users")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "auth-admin")
public class UserAdminResource {

    @Inject
    UserAdministration administration;

    @Inject
    AuthService auth;

    @Inject
    CurrentUser currentUser;

    /**
     * Fields an admin may change; everything else about an account is the owner's or the server's. Names (the
     * admin console edits them) go the same way as the person's own profile change, so {@code user.updated} keeps
     * the user service's profile in step.
     */
    public record UserChange(@Pattern(regexp = "user|vendor|admin") String role, Boolean isActive,
                             Boolean isEmailVerified,
                             @Size(min = 1, max = 50) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String firstName,
                             @Size(min = 1, max = 50) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String lastName) {
    }

    @GET
    @Operation(summary = "List and search accounts (q matches email and names, case-insensitive)")
    public Page<UserView> list(@QueryParam("q") @Size(max = 100) String q,
                               @QueryParam("role") @Pattern(regexp = "user|vendor|admin") String role,
                               @QueryParam("isActive") Boolean active, @BeanParam @Valid PageRequest paging) {
        return administration.search(q, role == null ? null : Role.of(role), active, paging)
                .map(id -> UserView.of(administration.get(id))).named("users");
    }

    @GET
    @Path("/{id}")
    public UserView get(@PathParam("id") String id) {
        return UserView.of(administration.get(id));
    }

    @PUT
    @Path("/{id}")
    @ResponseMessage("User updated")
    @Operation(summary = "Change an account's names, role, active state or email verification")
    public UserView update(@PathParam("id") String id, @Valid @NotNull UserChange change) {
        if (change.firstName() != null || change.lastName() != null) {
            auth.updateProfile(id, change.firstName(), change.lastName());
        }
        return UserView.of(administration.update(currentUser.id(), id,
                change.role() == null ? null : Role.of(change.role()), change.isActive(), change.isEmailVerified()));
    }

    @DELETE
    @Path("/{id}")
    @ResponseMessage("User deactivated")
    @Operation(summary = "Deactivate an account (kept for orders and audit; can be re-activated)")
    public UserView deactivate(@PathParam("id") String id) {
        return UserView.of(administration.update(currentUser.id(), id, null, false, null));
    }
}
