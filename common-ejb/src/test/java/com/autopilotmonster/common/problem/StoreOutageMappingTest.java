package com.autopilotmonster.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * A store or cache outage is a 503 problem with Retry-After whatever wraps the driver's exception and whichever
 * exception mapper JAX-RS picks for the wrapper; other failures stay 500s.
 */
class StoreOutageMappingTest {

    private static final ServerAddress STORE = new ServerAddress("127.0.0.1", 27017);

    @Test
    void aDriverOutageWrappedByTheLayersAboveIsA503() {
        // what a request waiting for a pooled connection gets when the store is killed under load,
        // wrapped as JNoSQL / CDI / an async stage would
        MongoException poolCleared = new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), STORE),
                new MongoSocketReadException("Prematurely reached end of stream", STORE));
        assertOutage(new UnexpectedExceptionMapper().toResponse(new CompletionException(
                new IllegalStateException("mapping failed", poolCleared))), "database");
        assertOutage(new UnexpectedExceptionMapper().toResponse(new MongoServerUnavailableException("gone")),
                "database");
        assertOutage(new UnexpectedExceptionMapper().toResponse(new RuntimeException(
                new MongoTimeoutException("Timed out while waiting for a server"))), "database");
    }

    @Test
    void anOutageInsideAProcessingOrWebApplicationExceptionIsStillA503() {
        // JAX-RS picks the most specific mapper: these wrappers never reach the catch-all mapper
        assertOutage(new ProcessingExceptionMapper().toResponse(new ProcessingException(
                new MongoTimeoutException("Timed out while waiting for a server"))), "database");
        assertOutage(new WebApplicationExceptionMapper().toResponse(new InternalServerErrorException(
                new MongoSocketOpenException("Exception opening socket", STORE, new IOException("refused")))),
                "database");
        // JSON-B failing because a value it serialises needed the cache: an outage, not a malformed body (400)
        assertOutage(new JsonbExceptionMapper().toResponse(new jakarta.json.bind.JsonbException("writing",
                new JedisConnectionException("Failed to connect"))), "cache");
    }

    @Test
    void anOutageRecordedAsSuppressedIsFound() {
        RuntimeException cleanupFailed = new IllegalStateException("rollback failed");
        cleanupFailed.addSuppressed(new JedisConnectionException("Unexpected end of stream"));
        assertOutage(new UnexpectedExceptionMapper().toResponse(cleanupFailed), "cache");
    }

    @Test
    void otherFailuresStayInternalErrorsAndACyclicChainEnds() {
        Response bug = new UnexpectedExceptionMapper().toResponse(new IllegalStateException("a bug"));
        assertEquals(500, bug.getStatus());
        assertNull(bug.getHeaderString("Retry-After"));
        // a driver error that is not an outage (bad query, duplicate key...) is not retried by clients
        assertEquals(500, new UnexpectedExceptionMapper().toResponse(new MongoException("bad $regex")).getStatus());
        assertEquals(500, new ProcessingExceptionMapper().toResponse(
                new ProcessingException(new IllegalArgumentException("x"))).getStatus());
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        Response cyclic = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> new UnexpectedExceptionMapper().toResponse(a));
        assertEquals(500, cyclic.getStatus());
    }

    private static void assertOutage(Response response, String component) {
        assertEquals(503, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(StoreOutages.RETRY_AFTER_SECONDS, response.getHeaderString("Retry-After"));
        Problem problem = (Problem) response.getEntity();
        assertEquals("The " + component + " is unreachable; try again shortly", problem.detail());
    }
}
