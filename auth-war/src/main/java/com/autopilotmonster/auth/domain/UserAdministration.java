package com.autopilotmonster.auth.domain;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.security.TokenStatus;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.bson.conversions.Bson;

/**
 * What admins (and the admin service) do with accounts: search and page through them, change role and
 * active state. Deactivation takes effect on every service at once (Redis deny-list) and ends all sessions.
 */
@ApplicationScoped
public class UserAdministration {

    @Inject
    UserStore users;

    @Inject
    MongoDatabase database;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    TokenStatus tokenStatus;

    @Inject
    AdminGuard adminGuard;

    @Inject
    AccessTokens accessTokens;

    /** Search is a case-insensitive substring match on email and names; the input is quoted, never a pattern. */
    public Page<String> search(String query, Role role, Boolean active, PageRequest paging) {
        List<Bson> filters = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            Pattern pattern = Pattern.compile(Pattern.quote(query.trim()), Pattern.CASE_INSENSITIVE);
            filters.add(Filters.or(Filters.regex("email", pattern), Filters.regex("firstName", pattern),
                    Filters.regex("lastName", pattern)));
        }
        if (role != null) {
            filters.add(Filters.eq("role", role.value()));
        }
        if (active != null) {
            filters.add(Filters.eq("isActive", active));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        MongoCollection<Document> collection = database.getCollection("users");
        long total = collection.countDocuments(filter);
        List<String> ids = collection.find(filter).projection(new Document("_id", 1))
                .sort(Sorts.descending("createdAt")).skip((int) paging.offset()).limit(paging.limit())
                .map(d -> d.getObjectId("_id").toHexString()).into(new ArrayList<>());
        return new Page<>(ids, paging.page(), paging.limit(), total);
    }

    public User get(String id) {
        return users.byId(id).orElseThrow(() -> ApiException.notFound("User not found"));
    }

    public User update(String actingAdminId, String id, Role role, Boolean active, Boolean emailVerified) {
        User user = get(id);
        boolean removesAnAdmin = (role != null && role != Role.ADMIN) || Boolean.FALSE.equals(active);
        if (id.equals(actingAdminId) && removesAnAdmin) {
            throw ApiException.conflict("Admins cannot demote or deactivate themselves");
        }
        if (removesAnAdmin && user.role() == Role.ADMIN && user.active()) {
            // two admins removing each other at the same moment would both see "another admin remains":
            // count and change under one platform-wide lock so one of them always stays
            return adminGuard.holding(() -> {
                User current = get(id);
                if (current.role() == Role.ADMIN && current.active() && otherActiveAdmins(id) == 0) {
                    throw ApiException.conflict("The last active admin cannot be demoted or deactivated");
                }
                return apply(current, id, role, active, emailVerified);
            });
        }
        return apply(user, id, role, active, emailVerified);
    }

    private long otherActiveAdmins(String id) {
        return database.getCollection("users").countDocuments(Filters.and(Filters.eq("role", Role.ADMIN.value()),
                Filters.eq("isActive", true), Filters.ne("_id", new ObjectId(id))));
    }

    private User apply(User user, String id, Role role, Boolean active, Boolean emailVerified) {
        // only the fields this request changes, in one update: a concurrent change of another field stays
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        if (role != null) {
            fields.put("role", role.value());
        }
        if (Boolean.TRUE.equals(emailVerified)) {
            fields.put("isEmailVerified", true);
        }
        if (active != null) {
            fields.put("isActive", active);
        }
        if (!fields.isEmpty() && !users.set(id, fields)) {
            throw ApiException.notFound("User not found");
        }
        if (Boolean.FALSE.equals(active)) {
            tokenStatus.markInactive(id);
            refreshTokens.revokeAllOf(id);
        } else if (Boolean.TRUE.equals(active)) {
            tokenStatus.markActive(id);
        }
        boolean roleChanged = role != null && role != user.role();
        if (roleChanged) {
            // tokens carry the role: make the user sign in again to pick up the new one
            refreshTokens.revokeAllOf(id);
        }
        if (roleChanged || (Boolean.FALSE.equals(active) && user.active())) {
            // written after the store holds the change: a token issued meanwhile carries the new state
            accessTokens.invalidateIssuedUntilNow(id);
        }
        return get(id);
    }
}
