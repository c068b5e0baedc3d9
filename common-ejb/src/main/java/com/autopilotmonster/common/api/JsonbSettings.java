package com.autopilotmonster.common.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B configuration for every service: fields the spec omits stay absent (no {@code null}s),
 * {@code Instant}/{@code Date} values are ISO-8601 (JSON-B's default for java.time).
 */
@Provider
public class JsonbSettings implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = create();

    public static Jsonb jsonb() {
        return JSONB;
    }

    private static Jsonb create() {
        return JsonbBuilder.create(new JsonbConfig().withNullValues(false).withFormatting(false));
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
