package com.autopilotmonster.infra;

/** A real Kafka broker (KRaft, combined broker + controller) for the properties file the launcher wrote. */
public final class KafkaDaemon {

    private KafkaDaemon() {
    }

    public static void main(String[] args) {
        long owner = Long.parseLong(OwnerWatchdog.required(args, "owner-pid"));
        // System.exit runs the broker's own shutdown hook, which closes the log cleanly
        OwnerWatchdog.watch(owner, () -> { });
        kafka.Kafka.main(new String[] {OwnerWatchdog.required(args, "config")});
    }
}
