package com.autopilotmonster.common.health;

import com.autopilotmonster.common.warmup.Warmup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * Asks every readiness check once while the application starts, so that the first probe does not pay for it: a
 * check's first answer is the only one asked inline ({@link LastAnswer}), and the Kafka check creates its admin
 * client then. A hot standby is never probed until it takes over, and in the fault suite its first readiness probe
 * after a takeover took 11.6 s (the admin client created on a loaded machine), which read as the service not ready.
 */
@ApplicationScoped
public class ReadinessWarmup implements Warmup {

    @Inject
    @Readiness
    Instance<HealthCheck> checks;

    @Override
    public String name() {
        return "readiness";
    }

    @Override
    public void run() {
        List<String> failed = callEach(checks);
        if (!failed.isEmpty()) {
            throw new IllegalStateException("readiness checks that failed: " + failed);
        }
    }

    /** Calls each check, whatever the others did; answers the failures (a check that throws is reported DOWN anyway). */
    static List<String> callEach(Iterable<HealthCheck> all) {
        List<String> failed = new ArrayList<>();
        for (HealthCheck check : all) {
            try {
                check.call();
            } catch (RuntimeException e) {
                failed.add(check.getClass().getSimpleName() + ": " + e);
            }
        }
        return failed;
    }
}
