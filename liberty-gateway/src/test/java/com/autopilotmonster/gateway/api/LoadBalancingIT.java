package com.autopilotmonster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The second gateway instance (4100) balances /api/content over two upstream instances (4008, 4108). */
class LoadBalancingIT {

    private static final int GATEWAY = 4100;
    private static final StubUpstream FIRST = new StubUpstream("content-a", 4008);
    private static final StubUpstream SECOND = new StubUpstream("content-b", 4108);

    @BeforeAll
    static void start() throws Exception {
        FIRST.start();
        SECOND.start();
        Eventually.await("second gateway ready", Duration.ofSeconds(90),
                () -> given().port(GATEWAY).get("/health/ready").statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        FIRST.stop();
        SECOND.stop();
    }

    private static Map<String, Integer> spread(int calls) {
        String client = "192.0.2." + (int) (Math.random() * 250) + "-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Integer> served = new HashMap<>();
        for (int i = 0; i < calls; i++) {
            var response = given().port(GATEWAY).header("X-Forwarded-For", client).get("/api/content/page");
            assertEquals(200, response.statusCode(), "call " + i);
            served.merge(response.path("service"), 1, Integer::sum);
        }
        return served;
    }

    @Test
    void requestsAreSpreadAndADeadInstanceIsTakenOutAndBackIn() throws Exception {
        Eventually.await("both instances in rotation", Duration.ofSeconds(30), () -> spread(4).size() == 2);
        Map<String, Integer> both = spread(20);
        assertEquals(10, both.get("content-a"));
        assertEquals(10, both.get("content-b"));

        SECOND.stop();
        Map<String, Integer> failover = spread(12);
        assertEquals(Map.of("content-a", 12), failover, "every call answered by the live instance");

        SECOND.start();
        Eventually.await("instance probed back in", Duration.ofSeconds(30),
                () -> spread(4).containsKey("content-b"));
        assertTrue(spread(10).get("content-b") >= 4);
    }
}
