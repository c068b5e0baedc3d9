package com.autopilotmonster.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which components a service's MicroProfile Health readiness answer reports as degraded. */
class DegradedComponentsTest {

    @Test
    void aKafkaCheckReportingTheBrokerDownIsDegraded() {
        String duringOutage = "{\"status\":\"UP\",\"checks\":[{\"name\":\"mongodb\",\"status\":\"UP\",\"data\":{}},"
                + "{\"name\":\"kafka\",\"status\":\"UP\",\"data\":{\"broker\":\"DOWN\",\"degraded\":true,"
                + "\"outboxPending\":4}},{\"name\":\"redis\",\"status\":\"UP\"}]}";
        assertEquals(List.of("kafka"), DegradedComponents.in(duringOutage));
        // a data value written as a string counts too (health data values are strings for some checks)
        assertEquals(List.of("kafka"), DegradedComponents.in(
                "{\"checks\":[{\"name\":\"kafka\",\"data\":{\"degraded\":\"true\"}}]}"));
    }

    @Test
    void healthyOrUnreadableAnswersNameNothing() {
        assertEquals(List.of(), DegradedComponents.in("{\"status\":\"UP\",\"checks\":[{\"name\":\"kafka\","
                + "\"status\":\"UP\",\"data\":{\"broker\":\"UP\",\"degraded\":false}}]}"));
        assertEquals(List.of(), DegradedComponents.in("{\"status\":\"UP\"}"));
        assertEquals(List.of(), DegradedComponents.in(""));
        assertEquals(List.of(), DegradedComponents.in("not json"));
        assertEquals(List.of(), DegradedComponents.in("[1,2]"));
        assertEquals(List.of(), DegradedComponents.in(null));
    }
}
