package com.autopilotmonster.common.trace;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's own spans, where MicroProfile Telemetry's automatic ones stop: the gateway's forwarded call
 * (java.net.http, not instrumented), the outbox relay's Kafka send and each consumer's handling of an event. Their
 * context travels as W3C trace context ({@code traceparent}) in HTTP and Kafka record headers, so one request is
 * one trace across the services and Kafka. Every span carries {@code autopilot.service} (the shared local server
 * hosts several services under one OpenTelemetry service name).
 * <p>
 * The OpenTelemetry API is used only when the application can see it (mpTelemetry with third-party API
 * visibility); otherwise - a WAR deployed on a server without it, unit tests - everything here is a no-op.
 */
@ApplicationScoped
public class Tracing {

    /** Span attribute naming the platform service that opened the span. */
    public static final String SERVICE_ATTRIBUTE = "autopilot.service";
    private static final Logger LOG = Logger.getLogger(Tracing.class.getName());

    @Inject
    @ConfigProperty(name = "platform.service.name", defaultValue = "autopilot")
    String serviceName;

    /** This application's beans (mpTelemetry's OpenTelemetry among them), whatever thread asks. */
    @Inject
    BeanManager beans;

    volatile TraceBridge bridge;

    /** Tracing that does nothing (unit tests, code paths without CDI). */
    public static Tracing none() {
        Tracing tracing = new Tracing();
        tracing.bridge = TraceBridge.NONE;
        tracing.serviceName = "autopilot";
        return tracing;
    }

    /** The current trace context as W3C headers (empty when no span is active or telemetry is off). */
    public Map<String, String> current() {
        try {
            return bridge().current();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "trace context not captured", e);
            return Map.of();
        }
    }

    /**
     * Opens a span and makes it current; close it (try-with-resources) to end it.
     * @param parent W3C headers of the parent context, or null to continue the current one
     */
    public TraceSpan start(String name, SpanRole role, Map<String, String> parent, Map<String, String> attributes) {
        Map<String, String> all = new LinkedHashMap<>(attributes);
        all.put(SERVICE_ATTRIBUTE, serviceName);
        try {
            return bridge().start(name, role, parent, all);
        } catch (RuntimeException | LinkageError e) {
            // tracing must never break the work it watches
            LOG.log(Level.FINE, "span " + name + " not recorded", e);
            return TraceSpan.NONE;
        }
    }

    private TraceBridge bridge() {
        TraceBridge b = bridge;
        if (b == null) {
            b = openTelemetry(beans);
            bridge = b;
        }
        return b;
    }

    /**
     * Loaded by name: a direct reference would make this bean's class depend on OpenTelemetry types, and it must
     * load where the API is not visible.
     */
    private static TraceBridge openTelemetry(BeanManager beans) {
        if (beans == null) {
            return TraceBridge.NONE;
        }
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, Tracing.class.getClassLoader());
            var create = Class.forName(Tracing.class.getPackageName() + ".OpenTelemetryBridge")
                    .getDeclaredMethod("create", BeanManager.class);
            create.setAccessible(true);
            return (TraceBridge) create.invoke(null, beans);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "OpenTelemetry API not available to this application; no platform spans", e);
            return TraceBridge.NONE;
        }
    }
}
