package com.autopilotmonster.admin.api;

import com.autopilotmonster.admin.domain.AuditLog;
import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.problem.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log: read-only (GET is the only method), newest first, filtered, paged under {@code logs}. */
@Path("/admin/audit")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "admin-audit")
public class AuditResource {

    static final String NAME = "[A-Za-z0-9_.:-]{1,64}";

    @Inject
    AuditLog log;

    @GET
    @Operation(summary = "Admin actions: actor (admin user id), action (e.g. product.approve), targetType, target, from/to")
    public Page<JsonObject> list(@QueryParam("actor") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String actor,
                                 @QueryParam("action") @Pattern(regexp = NAME, message = "must be an action name") String action,
                                 @QueryParam("targetType") @Pattern(regexp = "user|vendor|payout|product|settings",
                                         message = "must be user, vendor, payout, product or settings") String targetType,
                                 @QueryParam("target") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String target,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @BeanParam @Valid PageRequest paging) {
        return log.search(new AuditLog.Query(actor, action, targetType, target, instant("from", from, false),
                instant("to", to, true)), paging).named("logs");
    }

    /** An ISO instant, or a date (from: its start; to: the end of that day, UTC). */
    static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 40) {
            throw ApiException.badRequest(name + " must be an ISO date or date-time");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(value.strip());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest(name + " must be an ISO date or date-time");
            }
        }
    }
}
