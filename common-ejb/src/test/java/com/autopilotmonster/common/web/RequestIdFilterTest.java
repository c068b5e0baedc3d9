package com.autopilotmonster.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    @Test
    void wellFormedIdsAreKept() {
        assertEquals("abc-123_x.y:z", RequestIdFilter.acceptOrCreate("abc-123_x.y:z"));
    }

    @Test
    void unsafeOrMissingIdsAreReplaced() {
        assertNotEquals("a\r\nSet-Cookie: x", RequestIdFilter.acceptOrCreate("a\r\nSet-Cookie: x"));
        assertNotEquals("x".repeat(200), RequestIdFilter.acceptOrCreate("x".repeat(200)));
        assertEquals(36, RequestIdFilter.acceptOrCreate(null).length());
        assertEquals(36, RequestIdFilter.acceptOrCreate("").length());
    }

    @Test
    void logTagCarriesTheId() {
        RequestContext.set("req-1", "/api/x");
        try {
            assertEquals("[req-1] hello", RequestContext.tag("hello"));
        } finally {
            RequestContext.clear();
        }
        assertEquals("hello", RequestContext.tag("hello"));
    }

    @Test
    void traceAndSpanComeFromTheServerSpansTraceparent() {
        String[] ids = RequestIdFilter.traceAndSpan("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new String[] {"4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"}, ids);
        org.junit.jupiter.api.Assertions.assertNull(RequestIdFilter.traceAndSpan(null), "untraced request");
        org.junit.jupiter.api.Assertions.assertNull(RequestIdFilter.traceAndSpan("00-not-a-trace\r\nX-Evil: 1-01"),
                "a malformed context never reaches a header");
    }
}
