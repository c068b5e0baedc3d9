package com.autopilotmonster.admin.api;

import com.autopilotmonster.admin.client.AuthClient;
import com.autopilotmonster.admin.client.Downstream;
import com.autopilotmonster.admin.domain.ReadModel;
import com.autopilotmonster.admin.domain.UserFigures;
import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.events.EventPublisher;
import com.autopilotmonster.common.problem.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
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
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Accounts, through the auth service's admin API (auth owns users and their rules; this service adds the
 * platform rules an admin console needs: never demote or deactivate yourself or the last active admin; a deleted
 * user is anonymised everywhere through {@code user.deleted}).
 */
@Path("/admin/users")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "admin-users")
public class UsersResource {

    public static final String USER_DELETED = "user.deleted";
    /** Changes that can remove an admin are settled one at a time (per instance), so two cannot race past the last-admin check. */
    private static final ReentrantLock ADMIN_CHANGES = new ReentrantLock();

    @Inject
    @RestClient
    AuthClient auth;

    @Inject
    Downstream downstream;

    @Inject
    AdminCaller caller;

    @Inject
    Audit audit;

    @Inject
    EventPublisher events;

    @Inject
    ReadModel readModel;

    @Inject
    UserFigures figures;

    /** {@code user.deleted}: user and vendor services anonymise the user's personal data. */
    public record UserDeleted(String userId, String timestamp) {
    }

    @GET
    @Operation(summary = "Search accounts: search (or q) over email and names, role, status active|inactive")
    public Page<JsonObject> list(@QueryParam("search") @Size(max = 100) String search,
                                 @QueryParam("q") @Size(max = 100) String q,
                                 @QueryParam("role") @Pattern(regexp = "user|vendor|admin", message = "must be user, vendor or admin") String role,
                                 @QueryParam("status") @Pattern(regexp = "active|inactive|suspended|banned",
                                         message = "must be active or inactive") String status,
                                 @BeanParam @Valid PageRequest paging) {
        Boolean active = status == null ? null : "active".equals(status);
        String text = search != null ? search : q;
        AdminCaller.Headers h = caller.headers();
        JsonObject answer = downstream.auth(() -> auth.list(h.bearer(), h.requestId(), text, role, active,
                paging.page(), paging.limit()));
        Page<JsonObject> page = Bodies.page(answer, "users", paging.page(), paging.limit());
        Map<String, UserFigures.Figures> known = figures.of(page.items().stream().map(UsersResource::idOf)
                .filter(java.util.Objects::nonNull).toList());
        return page.map(u -> view(u, known.get(idOf(u)))).named("users");
    }

    @GET
    @Path("/{id}")
    public JsonObject get(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id) {
        return view(fetch(id));
    }

    private JsonObject view(JsonObject user) {
        String id = idOf(user);
        return view(user, id == null ? null : figures.of(id));
    }

    @PUT
    @Path("/{id}")
    @ResponseMessage("User updated")
    @Operation(summary = "Change names, role, active state (isActive or status active|suspended|banned) or email verification")
    public JsonObject update(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id,
                             String body) {
        JsonObject requested = Bodies.object(body);
        JsonObject change = change(requested);
        String role = change.containsKey("role") ? change.getString("role") : null;
        Boolean active = change.containsKey("isActive") ? change.getBoolean("isActive") : null;
        boolean removesAdmin = (role != null && !"admin".equals(role)) || Boolean.FALSE.equals(active);
        AdminCaller.Headers h = caller.headers();
        ADMIN_CHANGES.lock();
        try {
            if (removesAdmin && id.equals(caller.id())) {
                throw ApiException.conflict("Admins cannot demote or deactivate themselves");
            }
            JsonObject before = fetch(id);
            if (removesAdmin) {
                refuseLastAdmin(before);
            }
            JsonObject after = Downstream.data(downstream.auth(() -> auth.update(h.bearer(), h.requestId(), id,
                    change.toString())));
            if (role != null) {
                readModel.roleChanged(id, role);
            }
            if (active != null) {
                readModel.userActive(id, active);
                readModel.userBanned(id, "banned".equals(requested.getString("status", null)));
            }
            audit.record("user.update", "user", id, before, after);
            return view(after);
        } finally {
            ADMIN_CHANGES.unlock();
        }
    }

    @DELETE
    @Path("/{id}")
    @ResponseMessage("User deleted")
    @Operation(summary = "Deactivate the account in auth and publish user.deleted (services anonymise the user)")
    public JsonObject delete(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id) {
        AdminCaller.Headers h = caller.headers();
        ADMIN_CHANGES.lock();
        try {
            if (id.equals(caller.id())) {
                throw ApiException.conflict("Admins cannot delete themselves");
            }
            JsonObject before = fetch(id);
            refuseLastAdmin(before);
            JsonObject after = Downstream.data(downstream.auth(() -> auth.deactivate(h.bearer(), h.requestId(), id)));
            readModel.userActive(id, false);
            readModel.userBanned(id, true);
            events.publish(USER_DELETED, id, new UserDeleted(id, Instant.now().toString()));
            audit.record("user.delete", "user", id, before, after);
            return view(after);
        } finally {
            ADMIN_CHANGES.unlock();
        }
    }

    private JsonObject fetch(String id) {
        AdminCaller.Headers h = caller.headers();
        return Downstream.data(downstream.auth(() -> auth.get(h.bearer(), h.requestId(), id)));
    }

    /** Refuses a change that would leave the platform without an active admin (409). */
    private void refuseLastAdmin(JsonObject target) {
        boolean activeAdmin = "admin".equals(target.getString("role", null)) && target.getBoolean("isActive", false);
        if (!activeAdmin) {
            return;
        }
        AdminCaller.Headers h = caller.headers();
        JsonObject admins = downstream.auth(() -> auth.list(h.bearer(), h.requestId(), null, "admin", true, 1, 1));
        if (Bodies.total(Downstream.data(admins), 0) <= 1) {
            throw ApiException.conflict("The last active admin cannot be demoted, deactivated or deleted");
        }
    }

    /**
     * What auth accepts: firstName, lastName (auth validates them), role, isActive, isEmailVerified; the original
     * client's {@code status} (active|inactive|suspended|banned) sets isActive. The other members of the client's
     * AdminUser (ids, email, createdAt, figures) are not changeable and refused (400), as is an empty change.
     */
    static JsonObject change(JsonObject body) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (String key : body.keySet()) {
            JsonValue v = body.get(key);
            switch (key) {
                case "role" -> {
                    if (!(v instanceof jakarta.json.JsonString s) || !s.getString().matches("user|vendor|admin")) {
                        throw ApiException.badRequest("role must be user, vendor or admin");
                    }
                    b.add("role", s.getString());
                }
                case "firstName", "lastName" -> {
                    if (!(v instanceof jakarta.json.JsonString)) {
                        throw ApiException.badRequest(key + " must be a string");
                    }
                    b.add(key, v);
                }
                case "isActive", "isEmailVerified" -> {
                    if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
                        throw ApiException.badRequest(key + " must be true or false");
                    }
                    b.add(key, v);
                }
                case "status" -> {
                    if (!(v instanceof jakarta.json.JsonString s) || !s.getString().matches("active|inactive|suspended|banned")) {
                        throw ApiException.badRequest("status must be active, inactive, suspended or banned");
                    }
                    if (body.containsKey("isActive")) {
                        throw ApiException.badRequest("send isActive or status, not both");
                    }
                    b.add("isActive", "active".equals(s.getString()));
                }
                default -> throw ApiException.badRequest("Unknown field: " + (key.length() > 40 ? key.substring(0, 40) : key));
            }
        }
        JsonObject change = b.build();
        if (change.isEmpty()) {
            throw ApiException.badRequest("Nothing to change: send firstName, lastName, role, isActive, status or isEmailVerified");
        }
        return change;
    }

    private static String idOf(JsonObject user) {
        return user.getString("userId", user.getString("_id", null));
    }

    /**
     * Auth's user plus the original client's AdminUser members: {@code status} active, or (inactive in auth)
     * banned when an admin banned or deleted the account here, else suspended; {@code totalPurchases},
     * {@code totalSpent} and {@code lastLogin} (when a login was seen) from the read model.
     */
    static JsonObject view(JsonObject user, UserFigures.Figures figures) {
        JsonObjectBuilder b = Json.createObjectBuilder(user);
        boolean banned = figures != null && figures.banned();
        b.add("status", user.getBoolean("isActive", true) ? "active" : banned ? "banned" : "suspended");
        b.add("totalPurchases", figures == null ? 0 : figures.purchases());
        b.add("totalSpent", figures == null ? java.math.BigDecimal.ZERO.setScale(2) : figures.spent());
        if (figures != null && figures.lastLogin() != null) {
            b.add("lastLogin", figures.lastLogin().toInstant().toString());
        }
        return b.build();
    }
}
