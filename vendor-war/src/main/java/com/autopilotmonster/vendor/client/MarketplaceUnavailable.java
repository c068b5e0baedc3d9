package com.autopilotmonster.vendor.client;

/** The marketplace did not answer, answered 5xx, or timed out. */
public class MarketplaceUnavailable extends RuntimeException {

    public MarketplaceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
