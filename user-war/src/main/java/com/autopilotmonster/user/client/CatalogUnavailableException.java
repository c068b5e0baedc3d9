package com.autopilotmonster.user.client;

/** The marketplace could not be reached or answered with an error: worth one retry, counted by the breaker. */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
