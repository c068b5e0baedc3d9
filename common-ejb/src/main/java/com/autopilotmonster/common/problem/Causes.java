package com.autopilotmonster.common.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * An exception and everything it wraps - causes, and what was suppressed along the way - each once, outermost
 * first. Bounded and cycle-safe: a chain where two exceptions name each other as cause (allowed by
 * {@link Throwable#initCause}) must not hang the thread that answers the request.
 */
final class Causes {

    private static final int MAX = 64;

    private Causes() {
    }

    static List<Throwable> of(Throwable exception) {
        List<Throwable> all = new ArrayList<>();
        collect(exception, Collections.newSetFromMap(new IdentityHashMap<>()), all);
        return all;
    }

    private static void collect(Throwable first, Set<Throwable> seen, List<Throwable> all) {
        for (Throwable t = first; t != null && all.size() < MAX && seen.add(t); t = t.getCause()) {
            all.add(t);
            for (Throwable suppressed : t.getSuppressed()) {
                collect(suppressed, seen, all);
            }
        }
    }
}
