package com.autopilotmonster.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void messageMirrorsDetailAndSuccessIsFalse() {
        Problem p = Problem.of(409, "conflict", "Conflict", "Email taken", "/api/auth/register", "r1", List.of());
        assertEquals("Email taken", p.message());
        assertFalse(p.success());
        assertEquals("https://autopilot.monster/problems/conflict", p.type());
        assertNull(p.errors(), "no empty errors array on the wire");
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        ApiException e = ApiException.tooManyRequests("slow down", 0);
        assertEquals(429, e.status());
        assertEquals("1", e.headers().get("Retry-After"));
    }

    @Test
    void titlesForBareStatuses() {
        assertEquals("Unsupported Media Type", Problems.titleFor(415));
        assertEquals("Internal Server Error", Problems.titleFor(599));
    }
}
