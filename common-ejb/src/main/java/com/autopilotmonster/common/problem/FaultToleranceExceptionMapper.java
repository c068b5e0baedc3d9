package com.autopilotmonster.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** An open circuit, a full bulkhead or a timed-out dependency: the caller may retry later (503/504). */
@Provider
public class FaultToleranceExceptionMapper implements ExceptionMapper<FaultToleranceException> {

    @Override
    public Response toResponse(FaultToleranceException exception) {
        if (exception instanceof TimeoutException) {
            return Problems.response(504, "dependency-timeout", "Gateway Timeout",
                    "A service this request depends on did not answer in time", List.of(), Map.of());
        }
        return Problems.response(503, "dependency-unavailable", "Service Unavailable",
                "A service this request depends on is unavailable; retry shortly", List.of(),
                Map.of("Retry-After", "5"));
    }
}
