package com.autopilotmonster.common.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
/** Paging metadata exactly as the Node services' response helper wrote it. */
@JsonbPropertyOrder({"page", "limit", "total", "totalPages", "hasNextPage", "hasPrevPage"})
public record Pagination(int page, int limit, long total, long totalPages, boolean hasNextPage, boolean hasPrevPage) {

    public static Pagination of(int page, int limit, long total) {
        long totalPages = limit == 0 ? 0 : (total + limit - 1) / limit;
        return new Pagination(page, limit, total, totalPages, page < totalPages, page > 1);
    }
}
