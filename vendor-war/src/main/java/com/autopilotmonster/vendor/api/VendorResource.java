package com.autopilotmonster.vendor.api;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.vendor.domain.Analytics;
import com.autopilotmonster.vendor.domain.Earnings;
import com.autopilotmonster.vendor.domain.Payout;
import com.autopilotmonster.vendor.domain.Payouts;
import com.autopilotmonster.vendor.domain.Vendor;
import com.autopilotmonster.vendor.domain.VendorSettings;
import com.autopilotmonster.vendor.domain.Vendors;
import com.autopilotmonster.vendor.domain.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The calling vendor's own record, money and figures. The vendor is the token's user: no path names a vendor,
 * so nobody reaches another vendor's data here.
 */
@Path("/vendors")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentUser.VENDOR)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "vendor")
public class VendorResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    Vendors vendors;

    @Inject
    Earnings earnings;

    @Inject
    Payouts payouts;

    @Inject
    Analytics analytics;

    @Inject
    VendorSettings settings;

    @GET
    @Path("/profile")
    @Operation(summary = "The caller's vendor record (404 until it is created with PUT)")
    public Vendor profile() {
        return vendors.find(currentUser.id()).orElseThrow(() -> ApiException.notFound(
                "No vendor record yet: create it with PUT /api/vendors/profile"));
    }

    @PUT
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Vendor profile saved")
    @Operation(summary = "Create the caller's vendor record (pending until an admin approves it; name required) or edit it")
    public Response saveProfile(@Valid @NotNull VendorRequests.Profile body) {
        boolean exists = vendors.find(currentUser.id()).isPresent();
        Vendor saved = vendors.saveProfile(currentUser.id(), currentUser.email(), body.profile());
        return Response.status(exists ? 200 : 201).entity(saved).build();
    }

    @GET
    @Path("/earnings")
    @Operation(summary = "Ledger totals per currency (lifetime, pending, available, in flight, paid out) and the entries, newest first")
    public Earnings.View earnings(@BeanParam @Valid PageRequest paging) {
        return earnings.of(currentUser.id(), paging.page(), paging.limit());
    }

    @GET
    @Path("/payouts")
    @Operation(summary = "The caller's payouts, newest first (?status=)")
    public Page<Payout> payouts(@QueryParam("status") @Pattern(regexp = "requested|approved|paying|paid|rejected|failed") String status,
                                @BeanParam @Valid PageRequest paging) {
        return payouts.list(currentUser.id(), status, paging.page(), paging.limit()).named("payouts");
    }

    @POST
    @Path("/payouts")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Payout requested")
    @Operation(summary = "Request a payout: amount > 0, at least the minimum, at most the available balance (422 otherwise)")
    public Response requestPayout(@Valid @NotNull VendorRequests.PayoutRequest body) {
        Payout payout = payouts.request(currentUser.id(), body.amount(), body.currency());
        return Response.status(201).entity(payout).build();
    }

    @GET
    @Path("/analytics")
    @Operation(summary = "Sales, units, revenue per product, top products and a series per day|week|month (UTC) from the ledger")
    public Analytics.View analytics(@QueryParam("from") @jakarta.validation.constraints.Size(max = 40) String from,
                                    @QueryParam("to") @jakarta.validation.constraints.Size(max = 40) String to,
                                    @QueryParam("granularity") @DefaultValue("day") @Pattern(regexp = "day|week|month",
                                            message = "must be day, week or month") String granularity,
                                    @QueryParam("currency") @Pattern(regexp = "[A-Za-z]{3}") String currency) {
        return analytics.of(currentUser.id(), instant(from, "from", false), instant(to, "to", true), granularity,
                Money.currency(currency, settings.currency()));
    }

    @GET
    @Path("/settings")
    @RolesAllowed({CurrentUser.VENDOR, CurrentUser.ADMIN})
    @Operation(summary = "The commission rate, payout minimum and holding period in force")
    public Map<String, Object> settings() {
        VendorSettings.Current s = settings.current();
        return Map.of("commissionRate", s.commissionRate().toPlainString(), "payoutMinimum", s.payoutMinimum().toPlainString(),
                "payoutHoldingDays", s.payoutHoldingDays(), "holdingUnit", s.holdingUnit(), "source", s.source(),
                "currency", settings.currency());
    }

    /** An ISO instant or a date (a {@code to} date includes that whole day). */
    static Instant instant(String value, String name, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(value.strip());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest(name + " must be an ISO date (2026-11-28) or instant");
            }
        }
    }
}
