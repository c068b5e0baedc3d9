package com.autopilotmonster.common.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * {@link TraceBridge} over the application's OpenTelemetry (mpTelemetry's CDI bean: Liberty's SDK when
 * {@code otel.sdk.disabled=false}, a no-op otherwise). Loaded only when the OpenTelemetry API is visible to the
 * application (server.xml {@code <classloader apiTypeVisibility="+third-party"/>}).
 */
final class OpenTelemetryBridge implements TraceBridge {

    private static final String INSTRUMENTATION = "com.autopilotmonster.platform";
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    private OpenTelemetryBridge(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    static TraceBridge of(OpenTelemetry openTelemetry) {
        return new OpenTelemetryBridge(openTelemetry);
    }

    /** Called reflectively by {@link Tracing} (see there why), with the application's own bean manager. */
    static TraceBridge create(BeanManager beans) {
        return new OpenTelemetryBridge(beans.createInstance().select(OpenTelemetry.class).get());
    }

    @Override
    public Map<String, String> current() {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        return carrier;
    }

    @Override
    public TraceSpan start(String name, SpanRole role, Map<String, String> parent, Map<String, String> attributes) {
        Context parentContext = parent == null ? Context.current()
                : propagator.extract(Context.root(), parent, MAP_GETTER);
        SpanBuilder builder = tracer.spanBuilder(name).setParent(parentContext).setSpanKind(switch (role) {
            case CLIENT -> SpanKind.CLIENT;
            case PRODUCER -> SpanKind.PRODUCER;
            case CONSUMER -> SpanKind.CONSUMER;
        });
        attributes.forEach(builder::setAttribute);
        Span span = builder.startSpan();
        Scope scope = span.makeCurrent();
        return new TraceSpan() {
            @Override
            public void inject(BiConsumer<String, String> header) {
                propagator.inject(Context.current().with(span), header, (h, k, v) -> h.accept(k, v));
            }

            @Override
            public void detach() {
                closeScope();
            }

            @Override
            public void failed(Throwable error) {
                span.recordException(error);
                span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
            }

            @Override
            public void close() {
                closeScope();
                span.end();
            }

            /** Once, and only on the thread that opened it (a scope belongs to its thread's context). */
            private void closeScope() {
                if (!scopeClosed) {
                    scopeClosed = true;
                    scope.close();
                }
            }

            private boolean scopeClosed;
        };
    }
}
