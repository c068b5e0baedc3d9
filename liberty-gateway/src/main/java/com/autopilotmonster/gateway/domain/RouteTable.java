package com.autopilotmonster.gateway.domain;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The spec's routes. Each route's instances come from {@code gateway.route.<name>.upstreams} (comma
 * separated base URLs; env e.g. {@code GATEWAY_ROUTE_AUTH_UPSTREAMS}); defaults are the spec's ports on this
 * machine. Bulkhead and breaker sizes: {@code gateway.max-concurrent-per-route},
 * {@code gateway.breaker.failures}, {@code gateway.breaker.open-ms}.
 */
@ApplicationScoped
public class RouteTable {

    /** name, path prefixes (comma separated), default upstream. */
    private static final String[][] SPEC_ROUTES = {
        {"auth", "/api/auth", "http://127.0.0.1:4002"},
        {"marketplace", "/api/marketplace", "http://127.0.0.1:4003"},
        {"cart", "/api/cart", "http://127.0.0.1:4009"},
        {"orders", "/api/orders,/api/stats,/api/checkout", "http://127.0.0.1:4004"},
        {"users", "/api/users", "http://127.0.0.1:4005"},
        {"vendors", "/api/vendors", "http://127.0.0.1:4006"},
        {"content", "/api/content", "http://127.0.0.1:4008"},
        {"admin", "/api/admin", "http://127.0.0.1:4007"},
    };

    @Inject
    Config config;

    private List<Route> routes;

    @PostConstruct
    void load() {
        int maxConcurrent = config.getOptionalValue("gateway.max-concurrent-per-route", Integer.class).orElse(64);
        int failures = config.getOptionalValue("gateway.breaker.failures", Integer.class).orElse(5);
        long openMs = config.getOptionalValue("gateway.breaker.open-ms", Long.class).orElse(10_000L);
        List<Route> loaded = new ArrayList<>();
        for (String[] spec : SPEC_ROUTES) {
            String urls = config.getOptionalValue("gateway.route." + spec[0] + ".upstreams", String.class)
                    .orElse(spec[2]);
            List<Upstream> upstreams = Arrays.stream(urls.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(s -> new Upstream(URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s)))
                    .toList();
            loaded.add(new Route(spec[0], List.of(spec[1].split(",")), upstreams, maxConcurrent,
                    new CircuitBreaker(failures, openMs * 1_000_000L)));
        }
        routes = List.copyOf(loaded);
    }

    public Optional<Route> match(String path) {
        return routes.stream().filter(r -> r.matches(path)).findFirst();
    }

    public List<Route> all() {
        return routes;
    }
}
