package com.autopilotmonster.common.problem;

/** One invalid field of a request: its name (a JSON property or query parameter) and what is wrong. */
public record FieldViolation(String field, String message) {
}
