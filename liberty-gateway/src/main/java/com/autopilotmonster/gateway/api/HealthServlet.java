package com.autopilotmonster.gateway.api;

import com.autopilotmonster.common.web.ServletProblems;
import com.autopilotmonster.gateway.domain.ServicesHealth;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /health}: the platform's health as the gateway sees it, {@code {status, services:{auth:{status,
 * latencyMs, error?, degraded?}, ...}}}, 200 while at least one service is ready, 503 when none is. DEGRADED when
 * a service is down or a ready service reports a degraded component ({@code degraded: ["kafka"]}: a broker
 * outage the outbox absorbs).
 * {@code /health/live|ready|started}: the gateway's own MicroProfile Health probes (the gateway and its rate
 * limiter only), answered by Liberty's mpHealth on the management port and passed on unchanged, so the public
 * port keeps the probe paths every server of the platform has.
 */
@WebServlet(name = "health", urlPatterns = {"/health", "/health/*"})
public class HealthServlet extends HttpServlet {

    private static final Set<String> PROBES = Set.of("/live", "/ready", "/started");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    @Inject
    ServicesHealth health;

    @Inject
    @ConfigProperty(name = "management.host", defaultValue = "*")
    String managementHost;

    @Inject
    @ConfigProperty(name = "management.port", defaultValue = "4040")
    int managementPort;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String probe = request.getPathInfo();
        if (probe == null || probe.equals("/")) {
            writeReport(response, health.check());
        } else if (PROBES.contains(probe)) {
            forwardProbe(probe, response);
        } else {
            ServletProblems.write(response, 404, "not-found", "Not Found", "No health endpoint at this path");
        }
    }

    private static void writeReport(HttpServletResponse response, ServicesHealth.Report report) throws IOException {
        JsonObjectBuilder services = Json.createObjectBuilder();
        for (Map.Entry<String, ServicesHealth.ServiceStatus> entry : report.services().entrySet()) {
            ServicesHealth.ServiceStatus status = entry.getValue();
            JsonObjectBuilder service = Json.createObjectBuilder().add("status", status.status())
                    .add("latencyMs", status.latencyMs());
            if (status.error() != null) {
                service.add("error", status.error());
            }
            if (!status.degraded().isEmpty()) {
                // which component of a serving service is degraded (e.g. kafka: events wait in its outbox)
                service.add("degraded", Json.createArrayBuilder(status.degraded()));
            }
            services.add(entry.getKey(), service);
        }
        byte[] body = Json.createObjectBuilder().add("status", report.status()).add("services", services).build()
                .toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus("DOWN".equals(report.status()) ? 503 : 200);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void forwardProbe(String probe, HttpServletResponse response) throws IOException {
        String host = managementHost.equals("*") || managementHost.equals("0.0.0.0") ? "127.0.0.1" : managementHost;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + managementPort + "/health"
                + probe)).timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> answer = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.setStatus(answer.statusCode());
            response.setHeader("Cache-Control", "no-store");
            answer.headers().firstValue("Content-Type").ifPresent(response::setContentType);
            try (InputStream in = answer.body()) {
                in.transferTo(response.getOutputStream());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ServletProblems.write(response, 503, "unavailable", "Service Unavailable", "The gateway is shutting down");
        } catch (IOException e) {
            // the management port is this very server: no answer there means the server is not serving
            ServletProblems.write(response, 503, "health-unavailable", "Service Unavailable",
                    "The gateway's health endpoint did not answer");
        }
    }
}
