package com.autopilotmonster.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's settings, as system properties with the local run's defaults ({@code -Dchaos.customers=4}, ...).
 * Services are addressed directly, as the checkout benchmark does; readiness is polled on each server.
 * {@code chaos.kill} names the servers killed and restarted in turn (default: all nine, the checkout's first).
 */
record ChaosSettings(String auth, String marketplace, String cart, String order, String sandboxSecret,
                     int customers, Duration requestTimeout, Duration steady, Duration kafkaOutage,
                     Duration storeOutage, Duration redisOutage, List<String> killed, Duration freeze, String frozenServer,
                     Duration readyTimeout, Duration recoveryLimit, Duration settleTimeout,
                     Path wlp, Path infraDir, Path infraClasspath, Map<String, String> readiness) {

    static ChaosSettings fromSystemProperties() {
        Path root = Path.of(System.getProperty("chaos.root", ".")).toAbsolutePath().normalize();
        if (root.getFileName() != null && root.getFileName().toString().equals("benchmarks")) {
            root = root.getParent(); // exec:java runs in the module's directory
        }
        Map<String, String> readiness = new LinkedHashMap<>();
        readiness.put("gateway", System.getProperty("chaos.gateway-ready", "http://localhost:4000/health/ready"));
        String[][] services = {{"auth", "4002"}, {"marketplace", "4003"}, {"order", "4004"}, {"user", "4005"},
                {"vendor", "4006"}, {"admin", "4007"}, {"content", "4008"}, {"cart", "4009"}};
        for (String[] s : services) {
            readiness.put(s[0], "http://localhost:" + s[1] + "/health/ready");
        }
        return new ChaosSettings(
                System.getProperty("bench.auth", "http://localhost:4002"),
                System.getProperty("bench.marketplace", "http://localhost:4003"),
                System.getProperty("bench.cart", "http://localhost:4009"),
                System.getProperty("bench.order", "http://localhost:4004"),
                System.getProperty("bench.sandbox-secret", "whsec_autopilot_sandbox_local_only"),
                Integer.getInteger("chaos.customers", 4),
                seconds("chaos.timeout-seconds", 10),
                seconds("chaos.steady-seconds", 10),
                seconds("chaos.kafka-seconds", 30),
                seconds("chaos.store-seconds", 10),
                seconds("chaos.redis-seconds", 10),
                List.of(System.getProperty("chaos.kill",
                        "order,cart,marketplace,auth,user,vendor,admin,content,gateway").split(",")),
                seconds("chaos.freeze-seconds", 15),
                System.getProperty("chaos.freeze", "marketplace"),
                seconds("chaos.ready-timeout-seconds", 300),
                seconds("chaos.recovery-limit-seconds", 10),
                seconds("chaos.settle-seconds", 90),
                Path.of(System.getProperty("chaos.wlp", root.resolve("target/liberty/wlp").toString())),
                Path.of(System.getenv().getOrDefault("INFRA_DIR", root.resolve(".infra").toString())),
                root.resolve("local-infra/target/classpath.txt"),
                readiness);
    }

    private static Duration seconds(String property, long defaultSeconds) {
        return Duration.ofSeconds(Long.getLong(property, defaultSeconds));
    }
}
