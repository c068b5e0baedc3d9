package com.autopilotmonster.common.api;

import com.autopilotmonster.common.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Wraps every successful JSON answer in the spec's envelope, so resources return domain objects
 * and no resource builds the envelope itself.
 */
@Provider
public class EnvelopeFilter implements ContainerResponseFilter {

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity == null || response.getStatus() >= 300 || alreadyShaped(entity) || !isJson(response)
                || optedOut()) {
            return;
        }
        String message = message();
        Object wrapped = entity instanceof Page<?> page ? Envelope.of(page.data(), message) : Envelope.of(entity, message);
        response.setEntity(wrapped, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
    }

    private static boolean alreadyShaped(Object entity) {
        return entity instanceof Envelope<?> || entity instanceof Problem
                || entity instanceof String || entity instanceof byte[] || entity instanceof java.io.InputStream
                || entity instanceof jakarta.ws.rs.core.StreamingOutput;
    }

    private static boolean isJson(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        return type == null || MediaType.APPLICATION_JSON_TYPE.isCompatible(type);
    }

    private boolean optedOut() {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        return method != null && (method.isAnnotationPresent(NoEnvelope.class)
                || method.getDeclaringClass().isAnnotationPresent(NoEnvelope.class));
    }

    private String message() {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        ResponseMessage annotation = method == null ? null : method.getAnnotation(ResponseMessage.class);
        return annotation == null ? null : annotation.value();
    }
}
