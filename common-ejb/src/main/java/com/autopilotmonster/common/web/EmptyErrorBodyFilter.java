package com.autopilotmonster.common.web;

import com.autopilotmonster.common.problem.Problems;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Some refusals leave the container with a status and no body - notably MP JWT's 401 for a missing,
 * forged or expired token. When a request ends with an error status and nothing written, this fills in the
 * problem+json body, so clients always get the platform's error format (headers such as
 * {@code WWW-Authenticate} are kept).
 */
@WebFilter(filterName = "emptyErrorBody", urlPatterns = "/*", asyncSupported = true)
public class EmptyErrorBodyFilter extends HttpFilter implements jakarta.servlet.Filter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        BodyTrackingResponse tracking = new BodyTrackingResponse(response);
        AsyncTrackingRequest asyncTracking = new AsyncTrackingRequest(request);
        chain.doFilter(asyncTracking, tracking);
        int status = response.getStatus();
        if (status >= 400 && !tracking.bodyStarted && !response.isCommitted() && !asyncTracking.asyncStarted) {
            ServletProblems.write(response, Problems.forStatus(status, Problems.defaultDetail(status)));
        }
    }

    /**
     * Whether the request went asynchronous, as seen on this thread: another thread writes that answer, and may
     * already have called {@code complete()} - after which {@code isAsyncStarted()} says false - while its status is
     * set and its body still on the way (the gateway's proxy).
     */
    private static final class AsyncTrackingRequest extends HttpServletRequestWrapper {
        private boolean asyncStarted;

        AsyncTrackingRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public AsyncContext startAsync() {
            asyncStarted = true;
            return super.startAsync();
        }

        @Override
        public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
            asyncStarted = true;
            return super.startAsync(request, response);
        }
    }

    private static final class BodyTrackingResponse extends HttpServletResponseWrapper {
        private boolean bodyStarted;

        BodyTrackingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }

        /** The container may flush an error status before returning (MP JWT does): add the body first. */
        @Override
        public void flushBuffer() throws IOException {
            if (!bodyStarted && getStatus() >= 400 && !isCommitted()) {
                bodyStarted = true;
                ServletProblems.write((HttpServletResponse) getResponse(),
                        Problems.forStatus(getStatus(), Problems.defaultDetail(getStatus())));
            }
            super.flushBuffer();
        }

        @Override
        public void sendError(int sc) throws IOException {
            bodyStarted = true;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            bodyStarted = true;
            super.sendError(sc, msg);
        }
    }
}
