package com.autopilotmonster.gateway.api;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.problem.FieldViolation;
import com.autopilotmonster.gateway.api.SystemViews.HealthView;
import com.autopilotmonster.gateway.api.SystemViews.IncidentView;
import com.autopilotmonster.gateway.api.SystemViews.MetricsPoint;
import com.autopilotmonster.gateway.api.SystemViews.ServiceView;
import com.autopilotmonster.gateway.api.SystemViews.StatusView;
import com.autopilotmonster.gateway.domain.HostSamples;
import com.autopilotmonster.gateway.domain.Incidents;
import com.autopilotmonster.gateway.domain.Recent;
import com.autopilotmonster.gateway.domain.RouteTable;
import com.autopilotmonster.gateway.domain.ServicesHealth;
import com.autopilotmonster.gateway.domain.Subscribers;
import com.autopilotmonster.gateway.domain.UptimeSamples;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public status page API the original web client calls ({@code system.api.ts}), answered by the gateway
 * itself from its health aggregation, its incident record and its uptime counts. Public and coarse: service
 * names, up/down, latency, uptime percentages, incidents - no host names, addresses, versions of parts or errors
 * beyond "unreachable"/"not ready".
 */
@Path("/")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "System status", description = "Public platform status, incidents and status mail subscriptions")
public class SystemStatusResource {

    /** The status page's uptime figures: the last 30 days. */
    private static final Duration UPTIME_PERIOD = Duration.ofDays(30);
    private static final String EMAIL = "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
            + "(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$";

    /** {@code {email}}, as the client sends it. */
    public record SubscribeRequest(String email) {
    }

    @Inject
    ServicesHealth health;

    @Inject
    RouteTable routes;

    @Inject
    Incidents incidents;

    @Inject
    UptimeSamples samples;

    @Inject
    HostSamples host;

    @Inject
    ClientIdentity clients;

    @Inject
    Subscribers subscribers;

    @Inject
    @ConfigProperty(name = "gateway.version", defaultValue = "1.0.0")
    String version;

    /** 30-day uptime sums read the hourly counts: reused for a while, not read per request. */
    private Recent<Map<String, UptimeSamples.Counts>> uptime;

    @PostConstruct
    void init() {
        uptime = new Recent<>(Duration.ofSeconds(30));
    }

    @GET
    @Path("status")
    @Operation(summary = "Overall platform status and every service's status")
    public StatusView status() {
        return statusView(services());
    }

    @GET
    @Path("health")
    @Operation(summary = "Status, services, open incidents and those resolved in the last 24 hours")
    public HealthView health() {
        List<ServiceView> services = services();
        List<IncidentView> current = incidents.current(Instant.now().minus(Duration.ofHours(24))).stream()
                .map(IncidentView::of).toList();
        return new HealthView(statusView(services), services, current, List.of());
    }

    @GET
    @Path("services/{name}")
    @Operation(summary = "One service's status (route names: auth, marketplace, cart, orders, ...)")
    public ServiceView service(@PathParam("name") String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        if (routes.all().stream().noneMatch(r -> r.name().equals(wanted))) {
            throw ApiException.notFound("No service named '" + (name.length() > 40 ? name.substring(0, 40) : name)
                    + "'");
        }
        return services().stream().filter(s -> s.name().equals(wanted)).findFirst().orElseThrow();
    }

    @GET
    @Path("metrics")
    @Operation(summary = "The gateway host's CPU, memory, disk and network, and per-service uptime and readiness latency over 1h (5-minute points), 24h (hourly), 7d "
            + "(6-hourly) or 30d (daily)")
    @SecurityRequirement(name = "bearerAuth")
    public List<MetricsPoint> metrics(@QueryParam("range") @DefaultValue("24h")
                                      @Pattern(regexp = "1h|24h|7d|30d", message = "range must be 1h, 24h, 7d or 30d")
                                      String range, @Context HttpServletRequest request) {
        // the host's figures are for signed-in users (the client's getMetrics sends its token), not for anyone
        ClientIdentity.Bearer bearer = clients.bearer(request);
        if (!bearer.present() || !bearer.valid() || bearer.expired()) {
            throw ApiException.unauthorized("Sign in to see the platform's metrics");
        }
        Duration period;
        long step;
        switch (range) {
            case "1h" -> { period = Duration.ofHours(1); step = Duration.ofMinutes(5).toMillis(); }
            case "7d" -> { period = Duration.ofDays(7); step = Duration.ofHours(6).toMillis(); }
            case "30d" -> { period = Duration.ofDays(30); step = Duration.ofDays(1).toMillis(); }
            default -> { period = Duration.ofHours(24); step = Duration.ofHours(1).toMillis(); }
        }
        Instant since = Instant.now().minus(period);
        Map<Instant, HostSamples.Sums> hostPoints = host.points(since, step);
        return samples.points(since, step).stream().map(p -> MetricsPoint.of(p, hostPoints.get(p.bucketStart()))).toList();
    }

    @GET
    @Path("incidents")
    @Operation(summary = "Incidents, newest first, paginated")
    public Page<IncidentView> incidents(@BeanParam @Valid PageRequest paging,
                                        @QueryParam("severity") @Pattern(regexp = "critical|major|minor",
                                                message = "severity must be critical, major or minor") String severity,
                                        @QueryParam("service") @Pattern(regexp = "[a-z]{1,40}",
                                                message = "service must be a service name") String service) {
        if (severity != null && !severity.equals(IncidentView.SEVERITY)) {
            // every recorded incident is one service unavailable, which the status page calls major
            return new Page<IncidentView>(List.of(), paging.page(), paging.limit(), 0).named("incidents");
        }
        return incidents.page(service, paging.page(), paging.limit()).map(IncidentView::of).named("incidents");
    }

    @POST
    @Path("subscribe")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("If this address is not subscribed yet, a confirmation link is on its way to it")
    @Operation(summary = "Subscribe an address to incident mails (double opt-in: a confirmation link is mailed)")
    public Response subscribe(@NotNull(message = "a JSON body with email is required") SubscribeRequest body) {
        String email = body.email() == null ? "" : body.email().strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !email.matches(EMAIL)) {
            throw ApiException.validation("email: must be a well-formed email address",
                    List.of(new FieldViolation("email", "must be a well-formed email address")));
        }
        subscribers.subscribe(email);
        return Response.accepted(Map.of("email", email)).build();
    }

    @GET
    @Path("subscribe/confirm/{token}")
    @ResponseMessage("Subscription confirmed: you will get a mail when an incident starts and when it ends")
    @Operation(summary = "Confirm a subscription with the link from the confirmation mail")
    public Map<String, Boolean> confirm(@PathParam("token") String token) {
        subscribers.confirm(token);
        return Map.of("confirmed", true);
    }

    @GET
    @Path("subscribe/unsubscribe/{token}")
    @ResponseMessage("Unsubscribed: no more status mails will be sent to this address")
    @Operation(summary = "Unsubscribe with the link from any status mail")
    public Map<String, Boolean> unsubscribe(@PathParam("token") String token) {
        subscribers.unsubscribe(token);
        return Map.of("unsubscribed", true);
    }

    @POST
    @Path("subscribe/unsubscribe/{token}")
    @ResponseMessage("Unsubscribed: no more status mails will be sent to this address")
    @Operation(summary = "Unsubscribe (the same as the mail's link, for one-click mail clients)")
    public Map<String, Boolean> unsubscribeByPost(@PathParam("token") String token) {
        return unsubscribe(token);
    }

    private List<ServiceView> services() {
        ServicesHealth.Report report = health.check();
        Instant checked = Instant.now();
        Map<String, UptimeSamples.Counts> uptimes = uptime.get(() -> samples.totals(Instant.now().minus(UPTIME_PERIOD)));
        List<ServiceView> services = new ArrayList<>();
        report.services().forEach((name, status) -> {
            UptimeSamples.Counts counts = uptimes.get(name);
            services.add(new ServiceView(name, status.up() ? "operational" : "down", status.latencyMs(),
                    counts == null ? null : counts.uptimePercent(), checked));
        });
        return services;
    }

    private StatusView statusView(List<ServiceView> services) {
        long up = services.stream().filter(s -> s.status().equals("operational")).count();
        String overall = up == services.size() ? "operational" : up == 0 ? "down" : "degraded";
        List<Double> uptimes = services.stream().map(ServiceView::uptime).filter(u -> u != null).toList();
        Double average = uptimes.isEmpty() ? null
                : Math.round(uptimes.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 100) / 100.0;
        return new StatusView(overall, average, version, Instant.now(), services);
    }
}
