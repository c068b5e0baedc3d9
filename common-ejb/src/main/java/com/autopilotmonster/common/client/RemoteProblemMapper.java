package com.autopilotmonster.common.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * For MicroProfile Rest Clients ({@code @RegisterProvider(RemoteProblemMapper.class)}): turns a 4xx answer into
 * a {@link RemoteProblem} carrying the other service's reason. The body is read here because by the time the
 * default mapper's WebApplicationException reaches the caller, its entity can no longer be read. 5xx answers
 * are left to the default mapper (an outage, not a refusal).
 */
public class RemoteProblemMapper implements ResponseExceptionMapper<RemoteProblem> {

    static final int MAX_REASON = 500;

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400 && status < 500;
    }

    @Override
    public RemoteProblem toThrowable(Response response) {
        return new RemoteProblem(response.getStatus(), reason(response));
    }

    static String reason(Response response) {
        try {
            String body = response.readEntity(String.class);
            JsonObject problem = Json.createReader(new StringReader(body)).readObject();
            JsonValue message = problem.containsKey("message") ? problem.get("message") : problem.get("detail");
            if (message instanceof JsonString s && !s.getString().isBlank()) {
                String text = s.getString();
                return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text;
            }
        } catch (RuntimeException ignored) {
            // not a problem document: the status alone says what happened
        }
        return "refused with status " + response.getStatus();
    }
}
