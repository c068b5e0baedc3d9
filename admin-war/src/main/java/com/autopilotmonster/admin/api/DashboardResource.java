package com.autopilotmonster.admin.api;

import com.autopilotmonster.admin.domain.Analytics;
import com.autopilotmonster.admin.domain.Dashboard;
import com.autopilotmonster.common.problem.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Dashboard and analytics from the event read model. */
@Path("/admin")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "admin-dashboard")
public class DashboardResource {

    @Inject
    Dashboard dashboard;

    @Inject
    Analytics analytics;

    @GET
    @Path("/dashboard")
    @Operation(summary = "Users, vendors, products, orders, revenue, payouts awaiting approval, service health")
    public JsonObject dashboard(@QueryParam("health") @DefaultValue("true") @Pattern(regexp = "true|false",
            message = "must be true or false") String health) {
        return dashboard.build(Boolean.parseBoolean(health));
    }

    @GET
    @Path("/analytics")
    @Operation(summary = "Time series (sign-ups, orders, revenue per currency) and top products/vendors; "
            + "from/to ISO dates or instants (default the last 30 days), granularity hour|day|week|month")
    public JsonObject analytics(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("granularity") @DefaultValue("day")
                                @Pattern(regexp = "hour|day|week|month", message = "must be hour, day, week or month") String granularity,
                                @QueryParam("period") @Pattern(regexp = "7d|30d|90d|1y", message = "must be 7d, 30d, 90d or 1y") String period) {
        Instant end = AuditResource.instant("to", to, true);
        Instant start = AuditResource.instant("from", from, false);
        if (end == null) {
            end = Instant.now();
        }
        if (start == null) {
            int days = period == null ? 30 : switch (period) {
                case "7d" -> 7;
                case "90d" -> 90;
                case "1y" -> 365;
                default -> 30;
            };
            start = end.minus(days, ChronoUnit.DAYS);
        }
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("from must be before to");
        }
        return analytics.series(start, end, Analytics.Granularity.valueOf(granularity.toUpperCase(Locale.ROOT)));
    }
}
