package com.autopilotmonster.common.api;

/** Paging metadata exactly as the Node services' response helper wrote it. */
public record Pagination(int page, int limit, long total, long totalPages, boolean hasNextPage, boolean hasPrevPage) {

    public static Pagination of(int page, int limit, long total) {
        long totalPages = limit == 0 ? 0 : (total + limit - 1) / limit;
        return new Pagination(page, limit, total, totalPages, page < totalPages, page > 1);
    }
}
