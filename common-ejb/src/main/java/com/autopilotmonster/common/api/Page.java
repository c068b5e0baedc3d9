package com.autopilotmonster.common.api;

import java.util.List;
import java.util.function.Function;

/** One page of results, as a resource returns it; the envelope filter turns it into a {@link PageEnvelope}. */
public record Page<T>(List<T> items, int page, int limit, long total) {

    public Pagination pagination() {
        return Pagination.of(page, limit, total);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, limit, total);
    }
}
