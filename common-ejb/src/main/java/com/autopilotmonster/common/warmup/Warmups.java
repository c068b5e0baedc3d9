package com.autopilotmonster.common.warmup;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the application's {@link Warmup}s while it starts: before the readiness check {@code ServiceStarted} says
 * started (its observer runs after this one) and before the server opens its port. They run on the starting thread,
 * which carries the application's context (validation, security and CDI need it; Liberty holds tasks given to its
 * managed executors until the application has started), so each warm-up bounds its own calls - the REST clients'
 * connect and read timeouts do. {@code platform.warmup.enabled=false} turns them off.
 */
@ApplicationScoped
public class Warmups {

    private static final Logger LOG = Logger.getLogger(Warmups.class.getName());

    @Inject
    @Any
    Instance<Warmup> warmups;

    @Inject
    @ConfigProperty(name = "platform.warmup.enabled", defaultValue = "true")
    boolean enabled;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) @Initialized(ApplicationScoped.class) Object ignored) {
        if (!enabled || warmups.isUnsatisfied()) {
            return;
        }
        long start = System.nanoTime();
        List<String> done = runAll(warmups);
        LOG.info(() -> "warmed up in " + (System.nanoTime() - start) / 1_000_000 + " ms: " + String.join(", ", done));
    }

    /** Runs each in turn, whatever the others did; answers "name N ms" per warm-up. */
    static List<String> runAll(Iterable<Warmup> all) {
        List<String> done = new ArrayList<>();
        for (Warmup warmup : all) {
            done.add(warmup.name() + " " + run(warmup) + " ms");
        }
        return done;
    }

    private static long run(Warmup warmup) {
        long start = System.nanoTime();
        try {
            warmup.run();
        } catch (Exception e) {
            // expected whenever a dependency is not up yet (all servers starting at once, the shared local server)
            LOG.info(() -> "warm-up " + warmup.name() + " stopped early (the rest of that path stays cold): " + e);
            LOG.log(Level.FINE, "warm-up " + warmup.name(), e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
