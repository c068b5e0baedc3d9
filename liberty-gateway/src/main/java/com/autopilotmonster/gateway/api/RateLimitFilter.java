package com.autopilotmonster.gateway.api;

import com.autopilotmonster.common.web.ServletProblems;
import com.autopilotmonster.gateway.domain.GatewayMetrics;
import com.autopilotmonster.gateway.domain.RateLimitRules;
import com.autopilotmonster.gateway.domain.RateLimiter;
import com.autopilotmonster.gateway.domain.RequestPath;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Counts every /api request against its client's limit and answers with the limit headers (IETF
 * RateLimit-* and the widespread X-RateLimit-*); over the limit: 429 problem+json with Retry-After.
 * CORS preflights are not counted. The path is taken in its canonical form ({@link RequestPath}), which the
 * proxy also routes and forwards; a path without one is refused here with 400 before anything else.
 */
@WebFilter(filterName = "rateLimit", urlPatterns = "/api/*", asyncSupported = true)
public class RateLimitFilter extends HttpFilter implements jakarta.servlet.Filter {

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimitRules rules;

    @Inject
    ClientIdentity clients;

    @Inject
    GatewayMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            chain.doFilter(request, response);
            return;
        }
        RequestPath path = CanonicalPath.of(request);
        if (path == null) {
            ServletProblems.write(response, 400, "bad-path", "Bad Request",
                    "The request path has an encoded slash, backslash or control character, broken "
                            + "percent-encoding, or climbs above the root");
            return;
        }
        RateLimitRules.Limit limit = rules.forRequest(request.getMethod(), path);
        String counter = switch (limit.keying()) {
            case CLIENT -> clients.of(request);
            case ADDRESS -> clients.byAddress(request);
            case SHARED -> "all";
        };
        RateLimiter.Decision decision = limiter.check(limit.name() + ":" + counter, limit.limit(),
                limit.windowMillis());
        for (String prefix : new String[] {"RateLimit-", "X-RateLimit-"}) {
            response.setHeader(prefix + "Limit", Long.toString(decision.limit()));
            response.setHeader(prefix + "Remaining", Long.toString(decision.remaining()));
            response.setHeader(prefix + "Reset", Long.toString(decision.resetSeconds()));
        }
        if (!decision.allowed()) {
            metrics.refused(limit.name());
            response.setHeader("Retry-After", Long.toString(decision.resetSeconds()));
            ServletProblems.write(response, 429, "rate-limited", "Too Many Requests",
                    "Rate limit of " + decision.limit() + " requests exceeded; retry in " + decision.resetSeconds()
                            + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
