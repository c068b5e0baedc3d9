package com.autopilotmonster.admin.client;

import com.autopilotmonster.common.problem.ApiException;
import java.util.List;
import java.util.Map;

/** The owning service is down, failing (5xx) or too slow: 503 with Retry-After; counted by the circuit breaker. */
public class DownstreamUnavailable extends ApiException {

    public DownstreamUnavailable(String service, String why) {
        super(503, "dependency-unavailable", "Service Unavailable",
                "The " + service + " service is unavailable (" + why + "); retry shortly", List.of(),
                Map.of("Retry-After", "5"));
    }
}
