package com.autopilotmonster.common.client;

/**
 * Another service refused a request with a 4xx answer: its status and the reason it gave (the problem's
 * {@code message} or {@code detail}), so a caller can pass a refusal on instead of guessing a text.
 */
public class RemoteProblem extends RuntimeException {

    private final int status;

    public RemoteProblem(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
