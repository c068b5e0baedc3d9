package com.autopilotmonster.common.web;

import com.autopilotmonster.common.api.JsonbSettings;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes problem+json straight to a servlet response, for code outside JAX-RS (filters, error pages, proxies). */
public final class ServletProblems {

    private ServletProblems() {
    }

    public static void write(HttpServletResponse servletResponse, int status, String slug, String title,
                             String detail) throws IOException {
        write(servletResponse, com.autopilotmonster.common.problem.Problems.response(status, slug, title, detail));
    }

    public static void write(HttpServletResponse servletResponse, Response problem) throws IOException {
        if (servletResponse.isCommitted()) {
            return;
        }
        servletResponse.resetBuffer();
        servletResponse.setStatus(problem.getStatus());
        servletResponse.setContentType(problem.getMediaType().toString());
        problem.getStringHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(v -> servletResponse.setHeader(name, v));
            }
        });
        byte[] body = JsonbSettings.jsonb().toJson(problem.getEntity()).getBytes(StandardCharsets.UTF_8);
        servletResponse.setContentLength(body.length);
        servletResponse.getOutputStream().write(body);
    }
}
