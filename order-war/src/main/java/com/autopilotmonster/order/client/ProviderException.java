package com.autopilotmonster.order.client;

/**
 * A payment provider call that did not succeed. {@code unavailable}: the provider could not be reached,
 * timed out, answered 5xx or rate-limited us, or is not configured here (the client should retry later:
 * 503); otherwise the provider refused the request itself (502).
 */
public class ProviderException extends Exception {

    private final boolean unavailable;

    public ProviderException(String message, boolean unavailable, Throwable cause) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    public boolean unavailable() {
        return unavailable;
    }
}
