package com.autopilotmonster.gateway.api;

import com.autopilotmonster.gateway.domain.RequestPath;
import jakarta.servlet.http.HttpServletRequest;

/** The request's canonical path, worked out once per request (the rate limit and the proxy use the same). */
final class CanonicalPath {

    private static final String ATTRIBUTE = CanonicalPath.class.getName();
    private static final Object REFUSED = new Object();

    private CanonicalPath() {
    }

    /** @return the canonical path, or null when the raw path has none (answer 400) */
    static RequestPath of(HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof RequestPath path) {
            return path;
        }
        if (cached == REFUSED) {
            return null;
        }
        RequestPath path = RequestPath.of(request.getRequestURI()).orElse(null);
        request.setAttribute(ATTRIBUTE, path == null ? REFUSED : path);
        return path;
    }
}
