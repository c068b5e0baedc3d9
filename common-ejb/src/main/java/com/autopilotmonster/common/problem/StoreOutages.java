package com.autopilotmonster.common.problem;

import com.autopilotmonster.common.web.RequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A request that failed because the store or the cache could not be reached is the platform's outage, not a bug
 * and not the client's fault: 503 problem+json with {@code Retry-After}, so clients and load balancers back off
 * and retry, instead of a 500. Recognised anywhere in the cause chain (JNoSQL and CDI wrap driver exceptions).
 */
final class StoreOutages {

    private static final Logger LOG = Logger.getLogger(StoreOutages.class.getName());
    static final String RETRY_AFTER_SECONDS = "5";

    private StoreOutages() {
    }

    static Optional<Response> classify(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String what = outage(t);
            if (what != null) {
                Throwable cause = t;
                LOG.warning(() -> "[" + RequestContext.requestId() + "] " + what + " unreachable: " + cause);
                return Optional.of(Problems.response(503, "unavailable", "Service Unavailable",
                        "The " + what + " is unreachable; try again shortly", List.of(),
                        Map.of("Retry-After", RETRY_AFTER_SECONDS)));
            }
        }
        return Optional.empty();
    }

    private static String outage(Throwable t) {
        if (t instanceof com.mongodb.MongoTimeoutException || t instanceof com.mongodb.MongoSocketException
                || t instanceof com.mongodb.MongoNotPrimaryException) {
            return "database";
        }
        if (t instanceof redis.clients.jedis.exceptions.JedisConnectionException) {
            return "cache";
        }
        return null;
    }
}
