package com.autopilotmonster.vendor.client;

/** The marketplace answered 4xx: its verdict (status and message), handed to the caller unchanged. */
public class MarketplaceRefusal extends RuntimeException {

    private final int status;

    public MarketplaceRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
