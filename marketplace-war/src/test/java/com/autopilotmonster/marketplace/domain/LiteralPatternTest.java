package com.autopilotmonster.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.common.problem.ApiException;
import org.junit.jupiter.api.Test;

/** Search text is matched literally, whatever regex syntax it contains; sort keys are a closed set. */
class LiteralPatternTest {

    @Test
    void hostileTextMatchesOnlyItself() {
        for (String text : new String[] {"(a+)+$", ".*", "[", "]", "\\", "^", "{\"$where\":\"sleep(1)\"}", "a|b",
                "\\E.*\\Q", "x{2}", "Ünïcödé"}) {
            assertTrue(LiteralPattern.of(text).matcher("before " + text + " after").find(), text);
            assertFalse(LiteralPattern.of(text).matcher("plain words only").find(), text);
        }
        assertTrue(LiteralPattern.of("invoice BOT").matcher("Alpha Invoice Bot").find());
        assertTrue(LiteralPattern.of("ü").matcher("Ü").find());
    }

    @Test
    void aRegexBombIsJustTextAndFast() {
        String subject = "a".repeat(10_000) + "!";
        long start = System.nanoTime();
        assertFalse(LiteralPattern.of("(a+)+$").matcher(subject).find());
        assertTrue((System.nanoTime() - start) < 1_000_000_000L, "literal match is linear");
    }

    @Test
    void sortKeysAreAClosedSet() {
        assertEquals(ProductSort.NEWEST, ProductSort.of(null));
        assertEquals(ProductSort.PRICE_ASC, ProductSort.of("price-asc"));
        assertEquals(ProductSort.DOWNLOADS, ProductSort.of(" Downloads "));
        ApiException e = assertThrows(ApiException.class, () -> ProductSort.of("{\"$natural\":1}"));
        assertEquals(400, e.status());
    }
}
