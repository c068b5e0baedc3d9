package com.autopilotmonster.infra.standby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The warm-up only reads: the health endpoints and the document's GETs without a path parameter, with a refused
 * token and without one, each twice; never a write, never a path with a parameter; the gateway's proxied operations
 * are left alone.
 */
class StandbyWarmupTest {

    private static final String OPENAPI = """
            {"openapi":"3.1.0","paths":{
              "/api/orders":{"get":{},"post":{}},
              "/api/orders/{orderId}":{"get":{}},
              "/api/cart":{"delete":{}},
              "/api/orders/stats":{"get":{}}}}""";

    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;

    @BeforeEach
    void standby() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().toString();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(exchange.getRequestMethod() + " " + path + (auth == null ? "" : " token"));
            byte[] body = path.startsWith("/openapi") ? OPENAPI.getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(auth == null ? 200 : 401, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsTheHealthEndpointsAndTheDocumentsParameterlessGets() throws Exception {
        int answered = new StandbyWarmup(Duration.ofSeconds(5)).warm(base(), "order");

        List<String> expected = new ArrayList<>();
        for (int round = 0; round < StandbyWarmup.ROUNDS; round++) {
            StandbyWarmup.HEALTH.forEach(path -> expected.add("GET " + path));
            for (String path : List.of("/api/orders", "/api/orders/stats")) {
                expected.add("GET " + path + " token");
                expected.add("GET " + path);
            }
        }
        List<String> requests = new ArrayList<>(seen);
        assertEquals("GET /openapi?format=JSON", requests.remove(0));
        assertEquals(expected, requests);
        assertEquals(expected.size(), answered);
        assertTrue(requests.stream().noneMatch(r -> r.startsWith("POST") || r.startsWith("DELETE") || r.contains("{")));
    }

    @Test
    void theGatewayIsWarmedOnItsHealthEndpointsOnly() throws Exception {
        new StandbyWarmup(Duration.ofSeconds(5)).warm(base(), "gateway");

        assertTrue(seen.stream().allMatch(r -> r.startsWith("GET /health")), seen.toString());
        assertEquals(StandbyWarmup.ROUNDS * StandbyWarmup.HEALTH.size(), seen.size());
    }

    @Test
    void aStandbyThatDoesNotAnswerIsNotAnError() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        assertEquals(0, new StandbyWarmup(Duration.ofSeconds(2)).warm(URI.create("http://127.0.0.1:" + port + "/"), "order"));
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }
}
