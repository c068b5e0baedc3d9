package com.autopilotmonster.gateway.api;

import com.autopilotmonster.common.web.ServletProblems;
import com.autopilotmonster.gateway.domain.RateLimitRules;
import com.autopilotmonster.gateway.domain.RateLimiter;
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
 * CORS preflights are not counted.
 */
@WebFilter(filterName = "rateLimit", urlPatterns = "/api/*", asyncSupported = true)
public class RateLimitFilter extends HttpFilter implements jakarta.servlet.Filter {

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimitRules rules;

    @Inject
    ClientIdentity clients;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            chain.doFilter(request, response);
            return;
        }
        RateLimitRules.Limit limit = rules.forRequest(request.getMethod(), request.getRequestURI());
        RateLimiter.Decision decision = limiter.check(limit.name() + ":" + clients.of(request), limit.limit(),
                limit.windowMillis());
        for (String prefix : new String[] {"RateLimit-", "X-RateLimit-"}) {
            response.setHeader(prefix + "Limit", Long.toString(decision.limit()));
            response.setHeader(prefix + "Remaining", Long.toString(decision.remaining()));
            response.setHeader(prefix + "Reset", Long.toString(decision.resetSeconds()));
        }
        if (!decision.allowed()) {
            response.setHeader("Retry-After", Long.toString(decision.resetSeconds()));
            ServletProblems.write(response, 429, "rate-limited", "Too Many Requests",
                    "Rate limit of " + decision.limit() + " requests exceeded; retry in " + decision.resetSeconds()
                            + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
