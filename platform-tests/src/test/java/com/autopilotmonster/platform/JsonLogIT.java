package com.autopilotmonster.platform;

import static com.autopilotmonster.platform.Platform.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.autopilotmonster.testsupport.Eventually;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, logs: with LOG_FORMAT=JSON (the journeys' gateway is started so, platform-tests/servers.sh) every
 * line the server writes while serving a request is one JSON object a log shipper can read, and the request's
 * access-log event carries its request id and its trace id - the same trace the collector holds.
 */
class JsonLogIT {

    private static final Path LOG = Path.of(System.getProperty("liberty.install.dir", "../target/liberty/wlp"),
            "usr", "servers", "gateway", "logs", "messages.log");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @BeforeAll
    static void platform() {
        Platform.ready();
    }

    @Test
    void everyLineIsJsonAndTheRequestsEventCarriesItsRequestAndTraceIds() throws IOException {
        long from = Files.size(LOG);
        String requestId = "json-log-" + UUID.randomUUID();
        String traceId = hex(16);
        String answeredTrace = api().header("X-Request-Id", requestId)
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .get("/api/marketplace/products?limit=1").then().statusCode(200)
                .header("X-Request-Id", requestId).extract().header("X-Trace-Id");
        assertEquals(traceId, answeredTrace, "the gateway continues the caller's trace and answers its id");
        // an unhappy request in the same window: a refused token is logged as JSON too
        api("not.a.token").get("/api/orders").then().statusCode(401);

        JsonNode access = Eventually.await("the request's access-log event in " + LOG, Duration.ofSeconds(20), () -> {
            Eventually.sleep(500);
            for (JsonNode event : eventsSince(from)) {
                if ("liberty_accesslog".equals(event.path("type").asText())
                        && requestId.equals(event.path("ibm_responseHeader_x-request-id").asText())) {
                    return event;
                }
            }
            return null;
        });
        assertEquals(traceId, access.path("ibm_responseHeader_x-trace-id").asText(), access.toString());
        assertEquals(200, access.path("ibm_responseCode").asInt(), access.toString());
        assertTrue(access.path("ibm_requestFirstLine").asText().startsWith("GET /api/marketplace/products"),
                access.toString());
    }

    /** Every line written since {@code from}, each parsed as one JSON object (the test fails on any other line). */
    private static List<JsonNode> eventsSince(long from) {
        List<JsonNode> events = new ArrayList<>();
        byte[] bytes;
        try (RandomAccessFile file = new RandomAccessFile(LOG.toFile(), "r")) {
            long length = file.length();
            if (length < from) {
                fail(LOG + " was rolled over during the test; rerun it");
            }
            bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + LOG, e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int complete = text.lastIndexOf('\n');
        for (String line : text.substring(0, complete + 1).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode event = JSON.readTree(line);
                assertTrue(event.isObject(), "not a JSON object: " + line);
                assertFalse(event.path("type").asText().isEmpty(), "no event type: " + line);
                assertFalse(event.path("ibm_datetime").asText().isEmpty(), "no time: " + line);
                events.add(event);
            } catch (IOException e) {
                fail("a line of " + LOG + " is not JSON: " + line);
            }
        }
        return events;
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
