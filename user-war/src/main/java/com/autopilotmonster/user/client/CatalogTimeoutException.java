package com.autopilotmonster.user.client;

/**
 * The marketplace accepted the connection but did not answer in time: counted by the circuit breaker, but
 * not retried - a marketplace that is overloaded should not get twice the load, and the caller would wait twice.
 */
public class CatalogTimeoutException extends CatalogUnavailableException {

    public CatalogTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
