package com.autopilotmonster.common.health;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * This application's own MicroProfile Health answers ({@code /health}, {@code /health/live|ready|started}) in the
 * MP Health JSON format, from this application's health check beans only. Liberty's mpHealth endpoint aggregates
 * every application of a server; when several services share one server (the local {@code platform} topology)
 * each service must still report its own readiness on its own port, so the shared server registers this servlet
 * per application (see {@link ApplicationHealthRegistration}). On a one-service server mpHealth answers as usual.
 */
public class ApplicationHealthServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ApplicationHealthServlet.class.getName());

    private static final Map<String, List<Annotation>> KINDS = Map.of(
            "", List.of(Liveness.Literal.INSTANCE, Readiness.Literal.INSTANCE, Startup.Literal.INSTANCE),
            "/live", List.of(Liveness.Literal.INSTANCE),
            "/ready", List.of(Readiness.Literal.INSTANCE),
            "/started", List.of(Startup.Literal.INSTANCE));

    /**
     * Built once: {@code Json.createObjectBuilder()} looks the JSON-P provider up on every call and
     * {@code CDI.current().select(...)} resolves the beans again, per probe - on a path load balancers call often.
     */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private final Map<String, List<Instance<HealthCheck>>> checksByPath = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("");
        String key = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<Annotation> kinds = KINDS.get(key);
        if (kinds == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean up = true;
        JsonArrayBuilder checks = JSON.createArrayBuilder();
        List<Instance<HealthCheck>> selected = checksByPath.computeIfAbsent(key, k -> kinds.stream()
                .map(kind -> CDI.current().select(HealthCheck.class, kind)).toList());
        for (Instance<HealthCheck> beans : selected) {
            for (HealthCheck check : beans) {
                HealthCheckResponse answer = call(check);
                up &= answer.getStatus() == HealthCheckResponse.Status.UP;
                checks.add(json(answer));
            }
        }
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.createObjectBuilder().add("status", up ? "UP" : "DOWN")
                .add("checks", checks).build().toString());
    }

    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "health check " + check.getClass().getName() + " failed", e);
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down().build();
        }
    }

    private static JsonObjectBuilder json(HealthCheckResponse answer) {
        JsonObjectBuilder object = JSON.createObjectBuilder().add("name", answer.getName())
                .add("status", answer.getStatus().name());
        answer.getData().filter(data -> !data.isEmpty()).ifPresent(data -> {
            JsonObjectBuilder values = JSON.createObjectBuilder();
            data.forEach((key, value) -> {
                if (value instanceof Number number) {
                    values.add(key, number.longValue());
                } else if (value instanceof Boolean flag) {
                    values.add(key, flag);
                } else {
                    values.add(key, String.valueOf(value));
                }
            });
            object.add("data", values);
        });
        return object;
    }
}
