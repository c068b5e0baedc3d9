package com.autopilotmonster.admin.client;

import com.autopilotmonster.common.problem.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Every call to another service goes through here: one circuit breaker per owning service (opens when half of
 * the last 6 calls failed, half-open after 5 s), a 3 s bound per call (the clients' own read timeouts, 2.5 s,
 * normally fire first). Writes are never retried: approving twice is the owner's business, not a transport's.
 * <ul>
 * <li>2xx: the owner's envelope, parsed;</li>
 * <li>4xx: {@link DownstreamRefusal} with the owner's status and message (not a failure for the breaker);</li>
 * <li>5xx, refused connection, timeout: {@link DownstreamUnavailable} (503); an open breaker answers 503 at once.</li>
 * </ul>
 * Tunable with MP Fault Tolerance's keys, e.g. {@code com.autopilotmonster.admin.client.Downstream/vendor/Timeout/value}.
 */
@ApplicationScoped
public class Downstream {

    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = DownstreamRefusal.class)
    public JsonObject auth(Supplier<Response> call) {
        return answer("auth", call);
    }

    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = DownstreamRefusal.class)
    public JsonObject marketplace(Supplier<Response> call) {
        return answer("marketplace", call);
    }

    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = DownstreamRefusal.class)
    public JsonObject vendor(Supplier<Response> call) {
        return answer("vendor", call);
    }

    static JsonObject answer(String service, Supplier<Response> call) {
        Response response;
        try {
            response = call.get();
        } catch (ProcessingException e) {
            throw new DownstreamUnavailable(service, timedOut(e) ? "no answer in time" : "unreachable");
        }
        try (response) {
            int status = response.getStatus();
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (status >= 200 && status < 300) {
                JsonObject parsed = parse(body);
                return parsed == null ? JsonValue.EMPTY_JSON_OBJECT : parsed;
            }
            if (status >= 400 && status < 500) {
                JsonObject problem = parse(body);
                String message = problem == null ? null : text(problem, "message", text(problem, "detail", null));
                throw new DownstreamRefusal(status, message == null ? service + " refused the request (" + status + ")"
                        : message, errors(problem));
            }
            throw new DownstreamUnavailable(service, "answered " + status);
        } catch (ProcessingException e) {
            throw new DownstreamUnavailable(service, "unreadable answer");
        }
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? o : null;
        } catch (JsonParsingException | IllegalStateException e) {
            return null;
        }
    }

    private static String text(JsonObject o, String key, String fallback) {
        JsonValue v = o.get(key);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : fallback;
    }

    private static List<FieldViolation> errors(JsonObject problem) {
        List<FieldViolation> errors = new ArrayList<>();
        if (problem != null && problem.get("errors") instanceof jakarta.json.JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonObject e) {
                    errors.add(new FieldViolation(text(e, "field", null), text(e, "message", null)));
                }
            }
        }
        return errors;
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.net.http.HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The {@code data} member of an envelope (an empty object when there is none). */
    public static JsonObject data(JsonObject envelope) {
        JsonValue data = envelope.get("data");
        return data instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }
}
