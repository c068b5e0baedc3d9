package com.autopilotmonster.common.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of results. The domain returns it unnamed; the resource names the list the way the original
 * service did ({@code products}, {@code orders}, {@code blogs}, ...) because the original web client reads the
 * items under that key: {@code data: {<key>: [...], pagination: {total, page, limit, pages}}}.
 * <p>
 * Where the original service sent one key and the original web client reads another ({@code blogs} sent,
 * {@code posts} read), {@link #alsoAs(String)} answers the same items under both: the client reads its key and
 * callers of the original keep theirs.
 */
public record Page<T>(String key, List<String> aliases, List<T> items, int page, int limit, long total) {

    public static final String PAGINATION = "pagination";

    public Page {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A page named {@code key} without further names (the shape most services answer). */
    public Page(String key, List<T> items, int page, int limit, long total) {
        this(key, List.of(), items, page, limit, total);
    }

    /** An unnamed page, as the domain layer builds it; name it with {@link #named(String)} before answering. */
    public Page(List<T> items, int page, int limit, long total) {
        this(null, List.of(), items, page, limit, total);
    }

    public Page<T> named(String listKey) {
        requireOwnKey(listKey);
        return new Page<>(listKey, aliases, items, page, limit, total);
    }

    /** The same items answered under {@code alias} too, after the name (name the page first). */
    public Page<T> alsoAs(String alias) {
        requireOwnKey(alias);
        if (key == null) {
            throw new IllegalStateException("Name the list (Page.named) before giving it another name");
        }
        if (alias.equals(key) || aliases.contains(alias)) {
            throw new IllegalArgumentException("the list already answers under " + alias);
        }
        List<String> more = new java.util.ArrayList<>(aliases);
        more.add(alias);
        return new Page<>(key, more, items, page, limit, total);
    }

    private static void requireOwnKey(String listKey) {
        if (listKey == null || listKey.isBlank() || PAGINATION.equals(listKey)) {
            throw new IllegalArgumentException("a list needs its own key: " + listKey);
        }
    }

    public Pagination pagination() {
        return Pagination.of(page, limit, total);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(key, aliases, items.stream().<R>map(mapper).toList(), page, limit, total);
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
        aliases.forEach(alias -> data.put(alias, items));
        data.put(PAGINATION, pagination());
        return data;
    }
}
