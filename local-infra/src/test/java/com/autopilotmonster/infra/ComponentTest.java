package com.autopilotmonster.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ComponentTest {

    @Test
    void defaultsAreTheUsualPorts() {
        assertEquals(9092, Component.KAFKA.port());
        assertEquals(27017, Component.MONGO.port());
        assertEquals(3025, Component.SMTP.port());
    }

    @Test
    void systemPropertiesOverridePorts() {
        System.setProperty("mongo.port", "28017");
        try {
            assertEquals("127.0.0.1:28017", Component.MONGO.address());
        } finally {
            System.clearProperty("mongo.port");
        }
    }

    @Test
    void unknownComponentsAreRefused() {
        assertEquals(Component.REDIS, Component.of("Redis"));
        assertThrows(IllegalArgumentException.class, () -> Component.of("postgres"));
    }
}
