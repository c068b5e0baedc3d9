package com.autopilotmonster.common.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of results. The domain returns it unnamed; the resource names the list the way the original
 * service did ({@code products}, {@code orders}, {@code blogs}, ...) because the original web client reads the
 * items under that key: {@code data: {<key>: [...], pagination: {total, page, limit, pages}}}.
 */
public record Page<T>(String key, List<T> items, int page, int limit, long total) {

    public static final String PAGINATION = "pagination";

    /** An unnamed page, as the domain layer builds it; name it with {@link #named(String)} before answering. */
    public Page(List<T> items, int page, int limit, long total) {
        this(null, items, page, limit, total);
    }

    public Page<T> named(String listKey) {
        if (listKey == null || listKey.isBlank() || PAGINATION.equals(listKey)) {
            throw new IllegalArgumentException("a list needs its own key: " + listKey);
        }
        return new Page<>(listKey, items, page, limit, total);
    }

    public Pagination pagination() {
        return Pagination.of(page, limit, total);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(key, items.stream().<R>map(mapper).toList(), page, limit, total);
    }

    /**
     * The {@code data} member of the answer. Fails for an unnamed page: a list answered without its key is a
     * programming error that the client could not read, so it must not reach a client silently.
     */
    public Map<String, Object> data() {
        if (key == null) {
            throw new IllegalStateException("A list must be named (Page.named) before it is answered");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(key, items);
        data.put(PAGINATION, pagination());
        return data;
    }
}
