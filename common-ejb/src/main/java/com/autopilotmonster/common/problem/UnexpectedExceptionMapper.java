package com.autopilotmonster.common.problem;

import com.autopilotmonster.common.web.RequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Last resort: a store or cache outage is a 503 with {@code Retry-After} ({@link StoreOutages}); anything else
 * gets a 500 problem with the request id (to correlate with the log), never a stack trace or a class name; the
 * full exception goes to the server log.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        return classified(exception);
    }

    /**
     * The answer for any failure a mapper was handed: a store or cache outage anywhere inside it is a 503 (checked
     * first: an outage wrapped in a JSON-B or processing exception is not a bad request body), then a body the
     * request could not be read from is a 4xx, and anything else is a 500.
     */
    static Response classified(Throwable exception) {
        return StoreOutages.classify(exception).or(() -> BodyErrors.classify(exception))
                .orElseGet(() -> internalError(exception));
    }

    private static Response internalError(Throwable exception) {
        LOG.log(Level.SEVERE, "[" + RequestContext.requestId() + "] unexpected error", exception);
        return Problems.forStatus(500, Problems.defaultDetail(500));
    }
}
