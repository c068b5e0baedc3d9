package com.autopilotmonster.bench;

import java.time.Duration;

/**
 * Entry point: {@code mvn -q -pl benchmarks exec:java -Dexec.args="auth"} with the platform running.
 * Options: {@code -Dbench.base=http://localhost:4002} (default: the service itself, not the gateway),
 * {@code -Dbench.seconds=10}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "auth" : args[0];
        Duration each = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
        switch (which) {
            case "auth" -> AuthBenchmark.run(System.getProperty("bench.base", "http://localhost:4002"), each);
            case "gateway" -> GatewayBenchmark.run(System.getProperty("bench.direct", "http://localhost:4002"),
                    System.getProperty("bench.gateway", "http://localhost:4000"),
                    System.getProperty("bench.path", "/api/auth/.well-known/jwks.json"),
                    Integer.getInteger("bench.threads", 8), each);
            case "cart" -> CartBenchmark.run(System.getProperty("bench.auth", "http://localhost:4002"),
                    System.getProperty("bench.marketplace", "http://localhost:4003"),
                    System.getProperty("bench.cart", "http://localhost:4009"), each);
            case "checkout" -> CheckoutBenchmark.run(System.getProperty("bench.auth", "http://localhost:4002"),
                    System.getProperty("bench.marketplace", "http://localhost:4003"),
                    System.getProperty("bench.cart", "http://localhost:4009"),
                    System.getProperty("bench.order", "http://localhost:4004"),
                    System.getProperty("bench.sandbox-secret", "whsec_autopilot_sandbox_local_only"),
                    Integer.getInteger("bench.threads", 4), each);
            case "seed" -> CatalogSeed.run();
            case "store" -> StoreBenchmark.run(each);
            case "chaos" -> com.autopilotmonster.bench.chaos.ChaosSuite.run();
            case "catalog" -> CatalogBenchmark.run(System.getProperty("bench.marketplace", "http://localhost:4003"), each);
            case "blog" -> BlogBenchmark.run(System.getProperty("bench.content", "http://localhost:4008"), each);
            case "jfr" -> JfrTopFrames.run(java.nio.file.Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 15);
            default -> {
                System.err.println("unknown benchmark '" + which + "'; available: auth, gateway, catalog, blog, cart, checkout, store, seed, chaos, jfr FILE [ROWS]");
                System.exit(2);
            }
        }
    }
}
