package com.autopilotmonster.common.trace;

import java.util.function.BiConsumer;

/**
 * A span opened by {@link Tracing#start}: current on this thread until {@link #close()}, which also ends it.
 * Without an active OpenTelemetry SDK every method does nothing.
 */
public interface TraceSpan extends AutoCloseable {

    /** Writes this span's context as W3C trace context headers ({@code traceparent}, {@code tracestate}). */
    void inject(BiConsumer<String, String> header);

    /** Marks the span as failed with this error. */
    void failed(Throwable error);

    @Override
    void close();

    TraceSpan NONE = new TraceSpan() {
        @Override
        public void inject(BiConsumer<String, String> header) {
        }

        @Override
        public void failed(Throwable error) {
        }

        @Override
        public void close() {
        }
    };
}
