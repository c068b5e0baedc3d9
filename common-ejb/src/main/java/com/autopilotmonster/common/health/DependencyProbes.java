package com.autopilotmonster.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The readiness checks' way to ask a dependency: with a deadline, answered from the last result. */
@ApplicationScoped
public class DependencyProbes {

    @Inject
    @ConfigProperty(name = "health.timeout-ms", defaultValue = "2000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "health.refresh-ms", defaultValue = "1000")
    long refreshMs;

    /** How long one probe may take before the dependency counts as DOWN. */
    public long timeoutMs() {
        return timeoutMs;
    }

    /** {@code probe} (its answer is the check's {@code target}) run within the deadline, answered as {@link LastAnswer}. */
    public LastAnswer lastAnswer(String name, Callable<String> probe) {
        return new LastAnswer(refreshMs, () -> TimedCheck.run(name, timeoutMs, probe));
    }
}
