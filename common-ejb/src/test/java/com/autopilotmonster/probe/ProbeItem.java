package com.autopilotmonster.probe;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A request body with the usual kinds of constraint: required, bounded, formatted, enumerated. */
public record ProbeItem(
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Email String email,
        @NotNull Kind kind) {

    public enum Kind { AGENT, WORKFLOW }
}
