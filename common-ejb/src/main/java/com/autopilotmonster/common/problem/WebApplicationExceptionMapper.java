package com.autopilotmonster.common.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * JAX-RS's own refusals (unknown path, wrong method, wrong content type, unparseable parameter...) as
 * problem+json. Their messages are framework text, so the client gets our wording, not theirs.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        // an outage wrapped in a WebApplicationException (a REST client's or a filter's) is still an outage
        Optional<Response> fromBody = StoreOutages.classify(exception).or(() -> BodyErrors.classify(exception));
        if (fromBody.isPresent()) {
            return fromBody.get();
        }
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return UnexpectedExceptionMapper.classified(exception);
        }
        if (status == 404 && exception.getCause() != null) {
            // JAX-RS answers 404 when a path/query parameter cannot be converted (page=abc): that is bad input
            return Problems.response(400, "invalid-parameter", "Bad Request",
                    "A path or query parameter has an invalid value", java.util.List.of(), java.util.Map.of());
        }
        String detail = switch (status) {
            case 400 -> "The request is malformed (check parameters and body)";
            case 404 -> "No resource at this path";
            default -> Problems.defaultDetail(status);
        };
        Response response = Problems.forStatus(status, detail);
        if (original != null && original.getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", original.getHeaderString("Allow")).build();
        }
        return response;
    }
}
