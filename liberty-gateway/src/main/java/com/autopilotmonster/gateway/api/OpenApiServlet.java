package com.autopilotmonster.gateway.api;

import com.autopilotmonster.gateway.client.ServiceDocs;
import com.autopilotmonster.gateway.domain.OpenApiMerger;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /openapi}: one OpenAPI document for the whole platform, merged from every service's own document
 * on each request (bounded time; a missing service is noted, not fatal). Its server is this gateway, so
 * "try it out" in the Swagger UI goes through the gateway.
 */
@WebServlet(name = "openapi", urlPatterns = "/openapi")
public class OpenApiServlet extends HttpServlet {

    @Inject
    ServiceDocs docs;

    @Inject
    @ConfigProperty(name = "gateway.public-url")
    java.util.Optional<String> publicUrl;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String gatewayUrl = publicUrl.orElseGet(() -> request.getScheme() + "://" + hostOf(request));
        byte[] body = new OpenApiMerger().merge(docs.fetchAll(), gatewayUrl, "Autopilot Monster API", "1.0.0")
                .toString().getBytes(StandardCharsets.UTF_8);
        response.setHeader("Cache-Control", "no-cache");
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The address the client used (Host header), so the document works from wherever it was fetched. */
    private static String hostOf(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host != null && host.matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?")) {
            return host;
        }
        return request.getServerName() + ":" + request.getServerPort();
    }
}
