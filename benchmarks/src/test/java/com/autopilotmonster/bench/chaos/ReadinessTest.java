package com.autopilotmonster.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A DOWN in the suite's timelines names the checks the server reported DOWN. */
class ReadinessTest {

    @Test
    void theChecksReportedDownAreNamed() {
        String body = "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"mongodb\",\"status\":\"DOWN\",\"data\":{\"error\":"
                + "\"no answer within 2000 ms\"}},{\"name\":\"kafka\",\"status\":\"UP\"},{\"data\":{},\"name\":\"redis\","
                + "\"status\":\"DOWN\"}]}";
        assertEquals(": mongodb, redis", Readiness.downChecks(body));
    }

    @Test
    void anAnswerThatIsNotHealthJsonNamesNothing() {
        assertEquals("", Readiness.downChecks("<html>Service Unavailable</html>"));
        assertEquals("", Readiness.downChecks("{\"status\":\"DOWN\"}"));
    }
}
