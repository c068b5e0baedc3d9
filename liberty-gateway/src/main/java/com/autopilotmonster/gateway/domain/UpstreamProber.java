package com.autopilotmonster.gateway.domain;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Probes ejected instances' readiness every few seconds and takes them back in once they answer. */
@ApplicationScoped
public class UpstreamProber {

    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    @Inject
    RouteTable routes;

    @Resource
    ManagedScheduledExecutorService scheduler;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        scheduler.scheduleWithFixedDelay(this::probeEjected, 2, 2, TimeUnit.SECONDS);
    }

    void probeEjected() {
        for (Route route : routes.all()) {
            for (Upstream upstream : route.upstreams()) {
                if (upstream.ejected() && ready(upstream)) {
                    upstream.restore();
                }
            }
        }
    }

    static boolean ready(Upstream upstream) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(upstream.base() + "/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
