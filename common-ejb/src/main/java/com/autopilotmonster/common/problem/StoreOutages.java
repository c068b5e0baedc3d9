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
 * and retry, instead of a 500. Recognised anywhere in the cause chain and among suppressed exceptions, whatever
 * wraps the driver's exception (JNoSQL, CDI, a CompletionException, a JAX-RS ProcessingException or
 * WebApplicationException), because every mapper that would answer 5xx asks here first
 * ({@link UnexpectedExceptionMapper#classified}).
 */
public final class StoreOutages {

    private static final Logger LOG = Logger.getLogger(StoreOutages.class.getName());
    static final String RETRY_AFTER_SECONDS = "5";

    private StoreOutages() {
    }

    /** The 503 answer when {@code exception} is (or wraps) a store or cache outage; empty otherwise. */
    public static Optional<Response> classify(Throwable exception) {
        return outage(exception).map(what -> {
            LOG.warning(() -> "[" + RequestContext.requestId() + "] " + what + " unreachable: " + rootOutage(exception).orElse(exception));
            return Problems.response(503, "unavailable", "Service Unavailable",
                    "The " + what + " is unreachable; try again shortly", List.of(),
                    Map.of("Retry-After", RETRY_AFTER_SECONDS));
        });
    }

    /** {@code "database"} or {@code "cache"} when this failure (or anything it wraps) is an outage of that. */
    public static Optional<String> outage(Throwable exception) {
        return rootOutage(exception).map(StoreOutages::component);
    }

    private static Optional<Throwable> rootOutage(Throwable exception) {
        return Causes.of(exception).stream().filter(t -> component(t) != null).findFirst();
    }

    /**
     * The driver's ways of saying "no store to talk to": no server selectable in time, a socket that could not be
     * opened or broke, a connection pool cleared because its server went away (what requests waiting for a
     * connection get when the store is killed under load), a server that is unavailable, recovering or no longer
     * primary. Anything else (a duplicate key, a bad query) is not an outage.
     */
    private static String component(Throwable t) {
        if (t instanceof com.mongodb.MongoTimeoutException || t instanceof com.mongodb.MongoSocketException
                || t instanceof com.mongodb.MongoConnectionPoolClearedException
                || t instanceof com.mongodb.MongoServerUnavailableException
                || t instanceof com.mongodb.MongoNotPrimaryException
                || t instanceof com.mongodb.MongoNodeIsRecoveringException) {
            return "database";
        }
        if (t instanceof redis.clients.jedis.exceptions.JedisConnectionException) {
            return "cache";
        }
        return null;
    }
}
