package com.autopilotmonster.user.api;

import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.events.EventPublisher;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.problem.FieldViolation;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.user.domain.Profiles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own profile - the user comes from the verified token only, so no other profile is reachable.
 * Never 404 for a valid token: a profile read before {@code user.registered} arrived is created on demand.
 */
@Path("/users/profile")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({CurrentUser.USER, CurrentUser.VENDOR, CurrentUser.ADMIN})
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "profile")
public class ProfileResource {

    public static final String PROFILE_UPDATED = "user.profile.updated";

    @Inject
    Profiles profiles;

    @Inject
    CurrentUser currentUser;

    @Inject
    EventPublisher events;

    @GET
    @ResponseMessage("Profile retrieved successfully")
    @Operation(summary = "The caller's profile (created with defaults on first read)")
    public Map<String, Object> get() {
        return Docs.view(current());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Profile updated successfully")
    @Operation(summary = "Change profile fields (absent = unchanged, empty string = cleared; unknown fields ignored)")
    public Map<String, Object> update(@Valid @NotNull ProfileRequests.Update body) {
        Document profile = current();
        if (Boolean.TRUE.equals(profile.getBoolean("deleted"))) {
            throw ApiException.notFound("Profile not found");
        }
        Map<String, Object> set = new LinkedHashMap<>();
        List<String> unset = new ArrayList<>();
        text(set, unset, "displayName", body.displayName());
        text(set, unset, "firstName", body.firstName());
        text(set, unset, "lastName", body.lastName());
        text(set, unset, "avatar", body.avatar());
        text(set, unset, "bio", body.bio());
        text(set, unset, "company", body.company());
        text(set, unset, "website", body.website());
        text(set, unset, "location", body.location());
        text(set, unset, "phone", body.phone());
        String timezone = body.timezone();
        ProfileRequests.Preferences p = body.preferences();
        if (p != null) {
            flag(set, "preferences.newsletter", p.newsletter());
            flag(set, "preferences.notifications", p.notifications());
            flag(set, "preferences.marketing", p.marketing());
            if (p.language() != null && !p.language().isEmpty()) {
                set.put("preferences.language", p.language());
            }
            if (p.theme() != null) {
                set.put("preferences.theme", p.theme());
            }
            if (p.timezone() != null) {
                timezone = p.timezone();
            }
        }
        if (timezone != null && !timezone.isBlank()) {
            set.put("preferences.timezone", zone(timezone));
        }
        ProfileRequests.Social s = body.social();
        if (s != null) {
            text(set, unset, "social.twitter", s.twitter());
            text(set, unset, "social.linkedin", s.linkedin());
            text(set, unset, "social.github", s.github());
            text(set, unset, "social.website", s.website());
        }
        if (set.isEmpty() && unset.isEmpty()) {
            return Docs.view(profile);
        }
        boolean renamed = set.containsKey("firstName") || set.containsKey("lastName")
                || unset.contains("firstName") || unset.contains("lastName");
        if (renamed) {
            set.put(Profiles.NAMES_UPDATED_AT, Profiles.nextNamesVersion(profile));
        }
        Document updated = profiles.update(currentUser.id(), set, unset);
        if (renamed || set.containsKey("displayName") || unset.contains("displayName")) {
            // the names travel with the version of their last change (not this request's time): a display-name
            // edit must not carry old names past a newer rename made in auth meanwhile
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("userId", currentUser.id());
            Date namesUpdatedAt = updated.getDate(Profiles.NAMES_UPDATED_AT);
            if (namesUpdatedAt != null) {
                payload.put("firstName", updated.getString("firstName"));
                payload.put("lastName", updated.getString("lastName"));
                payload.put("namesUpdatedAt", namesUpdatedAt.toInstant().toString());
            }
            payload.put("displayName", updated.getString("displayName"));
            payload.put("timestamp", Instant.now().toString());
            payload.values().removeIf(java.util.Objects::isNull);
            events.publish(PROFILE_UPDATED, currentUser.id(), payload);
        }
        return Docs.view(updated);
    }

    private Document current() {
        String name = currentUser.name();
        String first = null;
        String last = null;
        if (name != null && !name.isBlank()) {
            String[] parts = name.trim().split("\\s+", 2);
            first = parts[0];
            last = parts.length > 1 ? parts[1] : null;
        }
        return profiles.findOrCreate(currentUser.id(), currentUser.email(), bound(first), bound(last));
    }

    private static String bound(String s) {
        return s == null ? null : s.length() > 100 ? s.substring(0, 100) : s;
    }

    private static void text(Map<String, Object> set, List<String> unset, String field, String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            unset.add(field);
        } else {
            set.put(field, v);
        }
    }

    private static void flag(Map<String, Object> set, String field, Boolean value) {
        if (value != null) {
            set.put(field, value);
        }
    }

    private static String zone(String timezone) {
        try {
            return ZoneId.of(timezone.strip()).getId();
        } catch (DateTimeException e) {
            throw ApiException.validation("timezone must be an IANA time zone such as Europe/Paris",
                    List.of(new FieldViolation("timezone", "must be an IANA time zone such as Europe/Paris")));
        }
    }
}
