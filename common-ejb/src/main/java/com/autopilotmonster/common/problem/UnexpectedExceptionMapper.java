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
        return BodyErrors.classify(exception).or(() -> StoreOutages.classify(exception))
                .orElseGet(() -> internalError(exception));
    }

    static Response internalError(Throwable exception) {
        LOG.log(Level.SEVERE, "[" + RequestContext.requestId() + "] unexpected error", exception);
        return Problems.forStatus(500, Problems.defaultDetail(500));
    }
}
