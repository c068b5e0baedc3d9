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
    void offsetOfPageRequest() {
        assertEquals(40, new PageRequest(3, 20).offset());
    }
}
