package com.autopilotmonster.infra;

import java.util.Optional;

/**
 * Ends a daemon when its owner (the Maven build or ./platform) is gone, so nothing the build started outlives
 * it - even when the build is killed and cannot clean up.
 */
final class OwnerWatchdog {

    private OwnerWatchdog() {
    }

    static void watch(long ownerPid, Runnable shutdown) {
        Thread watchdog = new Thread(() -> {
            while (ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.out.println("owner " + ownerPid + " is gone; shutting down");
            shutdown.run();
            System.exit(0);
        }, "owner-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** {@code --name=value} from a daemon's arguments. */
    static Optional<String> arg(String[] args, String name) {
        for (String a : args) {
            if (a.startsWith("--" + name + "=")) {
                return Optional.of(a.substring(name.length() + 3));
            }
        }
        return Optional.empty();
    }

    static String required(String[] args, String name) {
        return arg(args, name).orElseThrow(() -> new IllegalArgumentException("missing --" + name + "="));
    }
}
