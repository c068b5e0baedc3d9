package com.autopilotmonster.common.trace;

import java.util.Map;

/** What {@link Tracing} needs from OpenTelemetry; kept free of OpenTelemetry types so the bean loads without it. */
interface TraceBridge {

    Map<String, String> current();

    TraceSpan start(String name, SpanRole role, Map<String, String> parent, Map<String, String> attributes);

    TraceBridge NONE = new TraceBridge() {
        @Override
        public Map<String, String> current() {
            return Map.of();
        }

        @Override
        public TraceSpan start(String name, SpanRole role, Map<String, String> parent, Map<String, String> attributes) {
            return TraceSpan.NONE;
        }
    };
}
