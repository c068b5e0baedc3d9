package com.autopilotmonster.common.warmup;

/**
 * One path of a service taken once while the application starts, before the server opens its port (Liberty binds
 * it only when the applications have started), so that the first real requests do not pay for it. What a first
 * request pays is loading and linking the classes of its path: a restarted order server's first checkout loaded
 * ~2,800 classes (the REST client and its HTTP engine, JSON-B, validation, security) and took 1.5 s against 0.1-0.2 s
 * for the next ones on an idle machine, and 17-18 s on a loaded one (README "Fault suite").
 * <p>
 * An implementation calls what its requests call, with inputs that change nothing (an unknown id, a token that is
 * refused). It may fail: {@link Warmups} logs the failure and goes on; a dependency that is down only means that
 * part stays cold.
 */
public interface Warmup {

    /** What is warmed, for the log line. */
    String name();

    void run() throws Exception;
}
