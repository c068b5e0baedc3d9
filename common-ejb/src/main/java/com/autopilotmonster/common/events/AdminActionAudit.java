package com.autopilotmonster.common.events;

import com.autopilotmonster.common.web.RequestContext;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every service's share of the platform audit log: a change an admin made directly at this service (a successful
 * POST, PUT, PATCH or DELETE with an admin token, on an endpoint closed to plain users) is published as {@code admin.audit} through this service's
 * outbox, so it reaches the admin service's append-only log even when Kafka is down at that moment:
 * {@code {actorId, actorEmail, service, method, route, path, targetId, requestId, status, timestamp}}; {@code route}
 * is the resource's path template ({@code /marketplace/products/{id}}), {@code targetId} its last path parameter.
 * The admin service itself (which audits its own actions with before/after) and the gateway (which only forwards
 * to the services that record) are listed in {@code platform.audit.unrecorded-services}.
 */
@Provider
@Priority(Priorities.USER)
public class AdminActionAudit implements ContainerResponseFilter {

    public static final String TOPIC = "admin.audit";
    private static final Logger LOG = Logger.getLogger(AdminActionAudit.class.getName());
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    Instance<JsonWebToken> jwt;

    /** Resolved only when an admin action is recorded, so services without a store never need one. */
    @Inject
    Instance<EventPublisher> publisher;

    @Inject
    @ConfigProperty(name = "platform.service.name", defaultValue = "autopilot")
    String serviceName;

    @Inject
    @ConfigProperty(name = "platform.audit.unrecorded-services", defaultValue = "admin,gateway")
    List<String> unrecorded;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 200 || status >= 300 || !MUTATING.contains(request.getMethod()) || unrecorded.contains(serviceName)) {
            return;
        }
        JsonWebToken token = jwt.isResolvable() ? jwt.get() : null;
        if (token == null || token.getRawToken() == null || token.getGroups() == null
                || !token.getGroups().contains("admin") || openToEveryone()) {
            return;
        }
        Object userId = token.getClaim("userId");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("actorId", userId != null ? userId.toString() : token.getSubject());
        event.put("actorEmail", token.getClaim("email") == null ? null : token.getClaim("email").toString());
        event.put("service", serviceName);
        event.put("method", request.getMethod());
        event.put("route", route());
        event.put("path", "/" + request.getUriInfo().getPath().replaceFirst("^/", ""));
        event.put("targetId", target(request.getUriInfo().getPathParameters()));
        String requestId = RequestContext.requestId();
        event.put("requestId", requestId != null ? requestId : request.getHeaderString("X-Request-Id"));
        event.put("status", status);
        event.put("timestamp", Instant.now().toString());
        try {
            publisher.get().publish(TOPIC, String.valueOf(event.get("actorId")), event);
        } catch (RuntimeException e) {
            // the action itself is done and answered; a lost audit record is logged loudly, never turned into a 500
            LOG.log(Level.SEVERE, RequestContext.tag("admin action not recorded in the audit outbox: " + event), e);
        }
    }

    /**
     * An endpoint every signed-in user may call (logout, own profile, cart, orders) is the admin acting as a
     * customer, not administration: only endpoints closed to plain users (admin-only, or vendor-or-admin such as
     * moderating a vendor's product) are recorded.
     */
    private boolean openToEveryone() {
        Class<?> type = resourceClass();
        Method method = resourceMethod(type);
        RolesAllowed roles = method == null ? null : method.getAnnotation(RolesAllowed.class);
        if (roles == null && type != null) {
            roles = type.getAnnotation(RolesAllowed.class);
        }
        return roles == null || Arrays.asList(roles.value()).contains("user");
    }

    /** The resource class as written (a CDI proxy subclass carries none of its annotations). */
    private Class<?> resourceClass() {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        while (type != null && type.getAnnotation(Path.class) == null) {
            type = type.getSuperclass();
        }
        return type;
    }

    private Method resourceMethod(Class<?> type) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || type == null || method.getDeclaringClass() == type) {
            return method;
        }
        try {
            return type.getMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return method;
        }
    }

    /** The matched resource's path template, e.g. {@code /marketplace/products/{id}}. */
    private String route() {
        Class<?> type = resourceClass();
        if (type == null) {
            return null;
        }
        Method method = resourceMethod(type);
        Path sub = method == null ? null : method.getAnnotation(Path.class);
        String joined = "/" + type.getAnnotation(Path.class).value() + (sub == null ? "" : "/" + sub.value());
        return joined.replaceAll("/+", "/");
    }

    /** The last path parameter (the action's target: {@code /products/{id}}, {@code /payouts/{id}/approve}). */
    private static String target(MultivaluedMap<String, String> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return null;
        }
        if (parameters.containsKey("id")) {
            return parameters.getFirst("id");
        }
        String[] keys = parameters.keySet().toArray(String[]::new);
        return Arrays.stream(keys).reduce((a, b) -> b).map(parameters::getFirst).orElse(null);
    }
}
