package com.autopilotmonster.gateway.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The browser-facing security headers Helmet sets on the spec's gateway, on every answer (proxied or the
 * gateway's own). HSTS only over HTTPS, where it means something. The common filter adds nosniff,
 * frame denial and the referrer policy.
 */
@WebFilter(filterName = "browserSecurityHeaders", urlPatterns = "/*", asyncSupported = true)
public class BrowserSecurityHeadersFilter extends HttpFilter implements jakarta.servlet.Filter {

    static final String CSP = "default-src 'self'; base-uri 'self'; font-src 'self' https: data:; "
            + "form-action 'self'; frame-ancestors 'none'; img-src 'self' data:; object-src 'none'; "
            + "script-src 'self'; style-src 'self' https: 'unsafe-inline'; upgrade-insecure-requests";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Origin-Agent-Cluster", "?1");
        response.setHeader("X-DNS-Prefetch-Control", "off");
        response.setHeader("X-Download-Options", "noopen");
        response.setHeader("X-Permitted-Cross-Domain-Policies", "none");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}
