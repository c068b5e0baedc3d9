package com.autopilotmonster.common.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=&limit=} as a validated bean parameter ({@code @BeanParam @Valid PageRequest paging}):
 * out-of-range values answer 400 instead of silently scanning a whole collection.
 */
public class PageRequest {

    public static final int MAX_LIMIT = 100;

    @QueryParam("page")
    @DefaultValue("1")
    @Min(value = 1, message = "page must be at least 1")
    @Max(value = 100000, message = "page must be at most 100000")
    private int page = 1;

    @QueryParam("limit")
    @DefaultValue("20")
    @Min(value = 1, message = "limit must be at least 1")
    @Max(value = MAX_LIMIT, message = "limit must be at most " + MAX_LIMIT)
    private int limit = 20;

    public PageRequest() {
    }

    public PageRequest(int page, int limit) {
        this.page = page;
        this.limit = limit;
    }

    public int page() {
        return page;
    }

    public int limit() {
        return limit;
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }
}
