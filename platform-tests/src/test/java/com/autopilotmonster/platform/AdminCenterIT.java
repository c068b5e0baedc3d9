package com.autopilotmonster.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.AdminCenterConnector;
import com.autopilotmonster.testsupport.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operations on the local run without a collective (WebSphere Liberty ND only): each of its two servers serves the
 * Admin Center, and the connector its Explore tool drives (/IBMJMXConnectorREST) lists the server's applications and
 * stops and starts each. The shared platform server's lists all eight domain applications; the gateway's its own.
 * Signed in as the local console user (the password prepare-platform-server.sh and liberty-gateway's build give).
 */
class AdminCenterIT {

    /** The shared platform server's management HTTPS port (server-config/servers/platform/server.xml). */
    private static final int PLATFORM_CONSOLE = 4450;
    /** The gateway's management HTTPS port. */
    private static final int GATEWAY_CONSOLE = 4440;
    private static final String USER = "admin";
    private static final String LOCAL_PASSWORD = "autopilot-local";
    private static final int CONTENT_PORT = 4008;

    private final AdminCenterConnector platform = new AdminCenterConnector(PLATFORM_CONSOLE, USER, LOCAL_PASSWORD);
    private final AdminCenterConnector gateway = new AdminCenterConnector(GATEWAY_CONSOLE, USER, LOCAL_PASSWORD);

    @BeforeAll
    static void running() {
        Platform.ready();
        Platform.readyAlso(Map.of("admin", 4007, "content", CONTENT_PORT));
    }

    @Test
    void thePlatformServersConsoleListsAllEightApplicationsAndTheGatewaysItsOwn() {
        assertTrue(platform.loginRedirect().endsWith("/adminCenter/login.jsp"),
                "the platform server's Admin Center offers its login page");
        assertEquals(List.of("admin", "auth", "cart", "content", "marketplace", "order", "user", "vendor"),
                platform.applications());
        for (String app : platform.applications()) {
            assertEquals("STARTED", platform.state(app), app);
        }
        assertEquals(List.of("gateway"), gateway.applications());
        assertEquals("STARTED", gateway.state("gateway"));
    }

    @Test
    void aWrongConsolePasswordIsRefused() {
        String wrong = "not-the-console-password-" + UUID.randomUUID();
        assertEquals(401, new AdminCenterConnector(PLATFORM_CONSOLE, USER, wrong).signInStatus());
        assertEquals(401, new AdminCenterConnector(GATEWAY_CONSOLE, USER, wrong).signInStatus());
        assertEquals(401, new AdminCenterConnector(PLATFORM_CONSOLE, "nobody", LOCAL_PASSWORD).signInStatus());
        assertEquals(200, platform.signInStatus(), "the console user itself is let in");
    }

    /** Stops the content application alone from the platform server's console; the other seven keep serving. */
    @Test
    void stopsAndStartsOneApplicationOfThePlatformServer() {
        assertEquals(200, contentApi(), "content serves its API before the stop");
        try {
            platform.invoke("content", "stop");
            assertEquals("STOPPED", platform.state("content"));
            assertEquals(404, contentApi(), "a stopped application no longer serves its API on its port");
            assertEquals(404, given().baseUri("http://localhost").port(CONTENT_PORT).get("/health/ready").statusCode(),
                    "nor its readiness");
            assertEquals("STARTED", platform.state("cart"), "the server's other applications keep running");
            assertEquals(200, given().baseUri("http://localhost").port(4009).get("/health/ready").statusCode(),
                    "cart still ready");

            platform.invoke("content", "start");
            assertEquals("STARTED", platform.state("content"));
            Eventually.await("content ready again", Duration.ofSeconds(120), () -> answers("/health/ready"));
            assertEquals(200, contentApi(), "content serves its API again");
        } finally {
            // whatever failed above, the journeys after this one find content running
            if (!"STARTED".equals(platform.state("content"))) {
                platform.invoke("content", "start");
            }
            Eventually.await("content ready", Duration.ofSeconds(120), () -> answers("/health/ready"));
        }
    }

    private static int contentApi() {
        return given().baseUri("http://localhost").port(CONTENT_PORT).get("/api/content/tutorials").statusCode();
    }

    private static boolean answers(String path) {
        try {
            return given().baseUri("http://localhost").port(CONTENT_PORT).get(path).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
