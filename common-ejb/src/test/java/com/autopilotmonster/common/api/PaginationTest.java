package com.autopilotmonster.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaginationTest {

    @Test
    void middlePageHasBothNeighbours() {
        Pagination p = Pagination.of(2, 20, 45);
        assertEquals(3, p.totalPages());
        assertEquals(3, p.pages());
        assertEquals(45, p.total());
        assertTrue(p.hasNextPage());
        assertTrue(p.hasPrevPage());
    }

    @Test
    void lastAndOnlyPages() {
        assertFalse(Pagination.of(3, 20, 45).hasNextPage());
        Pagination only = Pagination.of(1, 20, 20);
        assertEquals(1, only.totalPages());
        assertFalse(only.hasNextPage());
        assertFalse(only.hasPrevPage());
    }

    @Test
    void emptyResult() {
        Pagination empty = Pagination.of(1, 20, 0);
        assertEquals(0, empty.totalPages());
        assertFalse(empty.hasNextPage());
    }

    @Test
    void pageMapsItemsAndKeepsPaging() {
        Page<String> page = new Page<>(List.of(1, 2), 1, 2, 5).map(String::valueOf);
        assertEquals(List.of("1", "2"), page.items());
        assertEquals(3, page.pagination().totalPages());
    }

    @Test
    void namedPageAnswersItemsUnderItsKeyWithPagination() {
        Page<String> page = new Page<>(List.of(1, 2), 1, 2, 5).named("orders").map(String::valueOf);
        java.util.Map<String, Object> data = page.data();
        assertEquals(List.of("orders", "pagination"), List.copyOf(data.keySet()));
        assertEquals(List.of("1", "2"), data.get("orders"));
        assertEquals(Pagination.of(1, 2, 5), data.get("pagination"));
    }

    @Test
    void unnamedPageCannotBeAnswered() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new Page<>(List.of(1), 1, 1, 1).data());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Page<>(List.of(1), 1, 1, 1).named("pagination"));
    }

    @Test
    void offsetOfPageRequest() {
        assertEquals(40, new PageRequest(3, 20).offset());
    }

    @Test
    void aliasedPageAnswersTheSameItemsUnderBothKeysThenPagination() {
        Page<String> page = new Page<>(List.of(1, 2), 2, 2, 5).named("blogs").alsoAs("posts").map(String::valueOf);
        java.util.Map<String, Object> data = page.data();
        assertEquals(List.of("blogs", "posts", "pagination"), List.copyOf(data.keySet()));
        assertEquals(List.of("1", "2"), data.get("blogs"));
        assertEquals(List.of("1", "2"), data.get("posts"));
        assertEquals(Pagination.of(2, 2, 5), data.get("pagination"));
        assertEquals(List.of("posts"), page.named("items").aliases(), "renaming keeps the other names");
    }

    @Test
    void aliasNeedsANamedPageAndItsOwnKey() {
        Page<Integer> named = new Page<>(List.of(1), 1, 1, 1).named("blogs");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new Page<>(List.of(1), 1, 1, 1).alsoAs("posts"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> named.alsoAs("pagination"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> named.alsoAs("blogs"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> named.alsoAs("posts").alsoAs("posts"));
    }

    @Test
    void fiveArgumentConstructorStillNamesThePage() {
        Page<Integer> page = new Page<>("orders", List.of(1), 1, 1, 1);
        assertEquals(List.of(), page.aliases());
        assertEquals(List.of("orders", "pagination"), List.copyOf(page.data().keySet()));
    }
}
