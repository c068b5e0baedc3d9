package com.autopilotmonster.cart.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class CartTest {

    private static CartLine line(String productId, int quantity) {
        return new CartLine(productId, "Name " + productId, new BigDecimal("1.50"), quantity, null, "v1", true);
    }

    @Test
    void putReplacesTheLineOfTheSameProductInsteadOfAddingASecond() {
        Cart cart = Cart.empty("u1").put(line("a", 1)).put(line("b", 1)).put(line("a", 3));
        assertEquals(2, cart.lines().size());
        assertEquals(3, cart.line("a").orElseThrow().quantity());
        assertEquals("a", cart.lines().get(0).productId());   // keeps its position
    }

    @Test
    void aFullCartTakesNoNewProductButStillMoreOfOneItHolds() {
        Cart cart = Cart.empty("u1").put(line("a", 1)).put(line("b", 1));
        assertTrue(cart.isFullFor("c", 2));
        assertFalse(cart.isFullFor("a", 2));
        assertFalse(cart.isFullFor("c", 3));
    }

    @Test
    void withoutRemovesOnlyTheNamedProducts() {
        Cart cart = Cart.empty("u1").put(line("a", 1)).put(line("b", 1)).put(line("c", 1)).without(List.of("a", "c", "z"));
        assertEquals(List.of("b"), cart.lines().stream().map(CartLine::productId).toList());
    }

    @Test
    void aDocumentRoundTripsWithTheNextVersionAndTheGivenExpiry() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Cart cart = Cart.empty("u1").put(line("a", 2));
        Document doc = cart.toDocument(CartTotals.of(cart.lines(), new BigDecimal("0.10")), "USD", now,
                now.plusSeconds(7 * 86400));
        Cart read = Cart.from(doc);
        assertEquals(1L, read.version());
        assertEquals(now, read.createdAt());
        assertEquals(now.plusSeconds(7 * 86400), read.expiresAt());
        assertEquals(3.0, doc.getDouble("subtotal"));
        assertEquals(3.3, doc.getDouble("total"));
        assertEquals(line("a", 2), read.line("a").orElseThrow());
        assertFalse(read.expiredAt(now));
        assertTrue(read.expiredAt(now.plusSeconds(7 * 86400)));
    }

    @Test
    void aChangeThatIsNotTheUsersKeepsTheExpiry() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Cart stored = Cart.from(Cart.empty("u1").put(line("a", 1)).toDocument(
                CartTotals.of(List.of(line("a", 1)), BigDecimal.ZERO), "USD", now, now.plusSeconds(100)));
        Document next = stored.put(line("a", 1).unavailable()).toDocument(CartTotals.of(List.of(), BigDecimal.ZERO),
                "USD", now.plusSeconds(50), null);
        assertEquals(now.plusSeconds(100), next.getDate("expiresAt").toInstant());
        assertEquals(2L, next.getLong("__v"));
        assertEquals(false, ((Document) next.getList("items", Document.class).get(0)).getBoolean("available"));
    }
}
