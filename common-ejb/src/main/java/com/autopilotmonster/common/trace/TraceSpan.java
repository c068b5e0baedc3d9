package com.autopilotmonster.common.trace;

import java.util.function.BiConsumer;

/**
 * A span opened by {@link Tracing#start}: current on this thread until {@link #close()}, which also ends it, or until
 * {@link #detach()}.
 * Without an active OpenTelemetry SDK every method does nothing.
 */
public interface TraceSpan extends AutoCloseable {

    /** Writes this span's context as W3C trace context headers ({@code traceparent}, {@code tracestate}). */
    void inject(BiConsumer<String, String> header);

    /**
     * Stops being the current span of this thread while staying open: for work that goes on elsewhere (an
     * asynchronous call), ended later by {@link #close()} on whichever thread finishes it.
     */
    void detach();

    /** Marks the span as failed with this error. */
    void failed(Throwable error);

    @Override
    void close();

    TraceSpan NONE = new TraceSpan() {
        @Override
        public void inject(BiConsumer<String, String> header) {
        }

        @Override
        public void detach() {
        }

        @Override
        public void failed(Throwable error) {
        }

        @Override
        public void close() {
        }
    };
}
