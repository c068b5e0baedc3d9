package com.autopilotmonster.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void spellsRunFromTheFirstFailedProbeToTheFirstAnsweredOneKeepingTheirRealStart() {
        Instant t = Instant.parse("2026-11-29T14:00:00Z");
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("a", "http://localhost:1/health/ready");
        urls.put("b", "http://localhost:2/health/ready");
        urls.put("c", "http://localhost:3/health/ready");
        Readiness readiness = new Readiness(urls, server -> { });
        readiness.record(new Readiness.Transition("b", t.minusSeconds(5), false, "503: mongodb"));
        readiness.record(new Readiness.Transition("a", t.plusSeconds(1), false, "no connection"));
        readiness.record(new Readiness.Transition("b", t.plusSeconds(2), true, null));
        readiness.record(new Readiness.Transition("a", t.plusSeconds(3), true, null));
        readiness.record(new Readiness.Transition("a", t.plusSeconds(8), false, "no answer within 2 s"));
        readiness.record(new Readiness.Transition("a", t.plusSeconds(12), true, null));
        readiness.record(new Readiness.Transition("c", t.minusSeconds(9), false, "no connection"));
        readiness.record(new Readiness.Transition("c", t.minusSeconds(8), true, null));

        assertEquals(List.of(
                        new DownSpell("b", t.minusSeconds(5), t.plusSeconds(2), "503: mongodb"),
                        new DownSpell("a", t.plusSeconds(1), t.plusSeconds(3), "no connection"),
                        new DownSpell("a", t.plusSeconds(8), null, "no answer within 2 s")),
                readiness.spells(t, t.plusSeconds(10)));
    }
}
