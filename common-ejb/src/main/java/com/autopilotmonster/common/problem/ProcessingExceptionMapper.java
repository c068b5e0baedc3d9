package com.autopilotmonster.common.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Body-reading failures surface as ProcessingException; a wrapped store outage is a 503; anything else is an unexpected error. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        return UnexpectedExceptionMapper.classified(exception);
    }
}
