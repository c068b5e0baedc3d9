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
}
