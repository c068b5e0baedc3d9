package com.autopilotmonster.common.web;

import com.autopilotmonster.common.problem.Problems;
import com.autopilotmonster.common.problem.StoreOutages;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors raised by the container itself, before or outside JAX-RS (a refused bearer token, an unknown
 * path outside the REST application, an uncaught servlet exception), answered as problem+json too.
 * Registered as the error page for those statuses in this jar's web-fragment.xml.
 */
@WebServlet(name = "problemErrorPage", urlPatterns = "/__problem")
public class ErrorPageServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String requestId = (String) request.getAttribute(RequestIdFilter.ATTRIBUTE);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        RequestContext.set(requestId, path);
        try {
            // a servlet or filter that needed the store or cache during an outage: 503 + Retry-After, not a 500
            Optional<Response> outage = error == null ? Optional.empty() : StoreOutages.classify(error);
            if (error != null && outage.isEmpty()) {
                LOG.log(Level.SEVERE, RequestContext.tag("unhandled error"), error);
                status = status < 400 ? 500 : status;
            }
            int finalStatus = status;
            ServletProblems.write(response,
                    outage.orElseGet(() -> Problems.forStatus(finalStatus, Problems.defaultDetail(finalStatus))));
        } finally {
            RequestContext.clear();
        }
    }
}
