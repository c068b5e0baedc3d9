package com.autopilotmonster.common.problem;

import java.io.IOException;

/** Thrown by the body-limiting stream; an IOException so every body reader propagates it. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
