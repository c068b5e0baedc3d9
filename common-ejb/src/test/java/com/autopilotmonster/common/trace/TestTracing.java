package com.autopilotmonster.common.trace;

import io.opentelemetry.api.OpenTelemetry;

/** {@link Tracing} over a given OpenTelemetry (an SDK in a unit test), for tests of other packages. */
public final class TestTracing {

    private TestTracing() {
    }

    public static Tracing of(OpenTelemetry openTelemetry, String serviceName) {
        Tracing tracing = new Tracing();
        tracing.serviceName = serviceName;
        tracing.bridge = OpenTelemetryBridge.of(openTelemetry);
        return tracing;
    }
}
