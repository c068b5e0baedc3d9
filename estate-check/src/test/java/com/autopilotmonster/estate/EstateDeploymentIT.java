package com.autopilotmonster.estate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.autopilotmonster.testsupport.AdminCenterConnector;
import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.ServiceContract;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * "Deployable as estates deploy": every packaged WAR ({@code <module>/target/<name>.war}, the archive, not the loose
 * application the module ITs run) is copied unchanged into a fresh server of a separate, stock Liberty installation
 * made only from server-config ({@code servers/<name>/server.xml} plus the shared fragments) and server.env variables:
 * no bootstrap.properties, no jvm.options, no PLATFORM_LOCAL, the estate's own JWT key pair and Admin Center
 * password. The nine servers start together (2 cores: one start at a time would not be faster in total) and each must
 * then meet the platform contract every module's own server meets ({@link ServiceContract}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EstateDeploymentIT {

    private static final int BASE = Integer.getInteger("estate.port.base", 4600);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("estate.start.timeout.s", 900));
    /** Start-up sizing of the estate JVMs (given as JVM_ARGS in server.env, like any estate's own sizing). */
    private static final String JVM_ARGS = "-Xmx384m -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private static EstateInstallation estate;
    private static final List<EstateServer> SERVERS = new ArrayList<>();
    private static final Map<String, Duration> READY_AFTER = new ConcurrentHashMap<>();

    @BeforeAll
    static void deployAndStart() {
        Path root = root();
        long t0 = System.nanoTime();
        estate = EstateInstallation.prepare(Path.of(System.getProperty("estate.dir", root.resolve("estate-check/target/estate").toString())), root);

        // name, module, spec port offset (the spec's 4000-4009 moved to the estate's base)
        server(root, "gateway", "liberty-gateway", 0);
        server(root, "auth", "auth-war", 2);
        server(root, "marketplace", "marketplace-war", 3);
        server(root, "order", "order-war", 4);
        server(root, "user", "user-war", 5);
        server(root, "vendor", "vendor-war", 6);
        server(root, "admin", "admin-war", 7);
        server(root, "content", "content-war", 8);
        server(root, "cart", "cart-war", 9);

        String marketplace = url("marketplace");
        gateway().env("MANAGEMENT_PORT", BASE + 40).env("MANAGEMENT_HTTPS_PORT", BASE + 140)
                .env("ADMIN_CONSOLE_PASSWORD", estate.consolePassword).env("KEYSTORE_PASSWORD", estate.keystorePassword)
                .env("GATEWAY_ROUTE_AUTH_UPSTREAMS", url("auth")).env("GATEWAY_ROUTE_MARKETPLACE_UPSTREAMS", marketplace)
                .env("GATEWAY_ROUTE_CART_UPSTREAMS", url("cart")).env("GATEWAY_ROUTE_ORDERS_UPSTREAMS", url("order"))
                .env("GATEWAY_ROUTE_USERS_UPSTREAMS", url("user")).env("GATEWAY_ROUTE_VENDORS_UPSTREAMS", url("vendor"))
                .env("GATEWAY_ROUTE_CONTENT_UPSTREAMS", url("content")).env("GATEWAY_ROUTE_ADMIN_UPSTREAMS", url("admin"));
        named("auth").env("AUTH_JWT_PRIVATE_KEY_LOCATION", estate.privateKey);
        named("cart").env("MARKETPLACE_API_MP_REST_URL", marketplace);
        named("order").env("MARKETPLACE_API_MP_REST_URL", marketplace).env("CART_API_MP_REST_URL", url("cart"));
        named("user").env("MARKETPLACE_API_MP_REST_URL", marketplace);
        named("vendor").env("MARKETPLACE_API_MP_REST_URL", marketplace);
        named("admin").env("AUTH_API_MP_REST_URL", url("auth")).env("MARKETPLACE_API_MP_REST_URL", marketplace)
                .env("VENDOR_API_MP_REST_URL", url("vendor"))
                .env("ADMIN_HEALTH_SERVICES", Stream.of("auth", "marketplace", "order", "user", "vendor", "content", "cart")
                        .map(n -> n + "=" + url(n)).collect(Collectors.joining(",")));

        Path serverConfig = root.resolve("server-config");
        everyServer(s -> s.create(serverConfig));
        long created = System.nanoTime();
        // all nine at once: on 2 cores the total is the CPU the starts need, whatever the order
        SERVERS.forEach(EstateServer::start);
        awaitReadiness(created);
        System.out.printf("estate: installation and %d servers created in %d s; all started and checked for readiness %d s later%n",
                SERVERS.size(), Duration.ofNanos(created - t0).toSeconds(), Duration.ofNanos(System.nanoTime() - created).toSeconds());
        READY_AFTER.forEach((name, after) -> System.out.printf("estate: %s ready %d s after the start%n", name, after.toSeconds()));
    }

    @AfterAll
    static void stopAll() {
        everyServer(s -> s.run("stop"));
    }

    /** One thread per server (a parallel stream would use only as many as there are cores). */
    private static void everyServer(Consumer<EstateServer> action) {
        ExecutorService pool = Executors.newFixedThreadPool(SERVERS.size());
        try {
            List<Future<?>> all = SERVERS.stream().map(s -> pool.submit(() -> action.accept(s))).collect(Collectors.toList());
            for (Future<?> f : all) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** The repository root, which the build passes as {@code root.dir}. */
    private static Path root() {
        return Path.of(System.getProperty("root.dir", Path.of("").toAbsolutePath().getParent().toString()));
    }

    private static EstateServer server(Path root, String name, String module, int offset) {
        EstateServer server = new EstateServer(estate, name, root.resolve(module).resolve("target").resolve(module + ".war"), BASE + offset);
        server.env("AUTOPILOT_CONFIG_DIR", estate.sharedConfig).env("HTTP_PORT", server.httpPort)
                .env("HTTPS_PORT", server.httpPort + 100).env("MP_JWT_VERIFY_PUBLICKEY_LOCATION", estate.publicKey)
                .env("JVM_ARGS", JVM_ARGS);
        SERVERS.add(server);
        return server;
    }

    private static EstateServer named(String name) {
        return SERVERS.stream().filter(s -> s.name.equals(name)).findFirst().orElseThrow();
    }

    private static EstateServer gateway() {
        return named("gateway");
    }

    private static String url(String name) {
        return "http://127.0.0.1:" + named(name).httpPort;
    }

    /** Waits until every server's readiness is UP, one has failed its application start, or the time is up. */
    private static void awaitReadiness(long since) {
        long deadline = since + START_TIMEOUT.toNanos();
        Set<EstateServer> waiting = ConcurrentHashMap.newKeySet();
        waiting.addAll(SERVERS);
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (EstateServer s : List.copyOf(waiting)) {
                if (ready(s)) {
                    READY_AFTER.put(s.name, Duration.ofNanos(System.nanoTime() - since));
                    waiting.remove(s);
                } else if (s.applicationFailed()) {
                    waiting.remove(s);
                }
            }
            sleep(2000);
        }
    }

    private static boolean ready(EstateServer s) {
        try {
            // a short read timeout: one server still busy starting must not hold up the polling of the others
            return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.connection.timeout", 2000).setParam("http.socket.timeout", 5000)))
                    .baseUri("http://localhost").port(s.httpPort).get("/health/ready").statusCode() == 200;
        } catch (Exception notListeningYet) { // RestAssured rethrows ConnectException unchecked
            return false;
        }
    }

    @Test
    @Order(1)
    void everyWarIsDeployedUnchangedWithOnlyServerXmlAndServerEnv() throws IOException {
        for (EstateServer s : SERVERS) {
            assertTrue(Files.isRegularFile(s.war), s.war + " is not built");
            assertEquals(s.builtDigest, EstateServer.sha256(s.deployedWar()), s + ": the deployed WAR differs from the built one");
            for (String customisation : List.of("bootstrap.properties", "jvm.options", "configDropins")) {
                assertTrue(Files.notExists(s.dir().resolve(customisation)), s + " has " + customisation);
            }
            // apps/expanded is Liberty's own (applicationManager autoExpand unpacks the WAR there at start)
            try (Stream<Path> apps = Files.list(s.dir().resolve("apps"))) {
                assertEquals(List.of(s.deployedWar()), apps.filter(p -> !p.getFileName().toString().equals("expanded")).toList(),
                        s + ": apps/ holds only the WAR");
            }
            assertEquals(Files.readString(root().resolve("server-config/servers").resolve(s.name).resolve("server.xml")),
                    Files.readString(s.dir().resolve("server.xml")), s + ": server.xml is server-config's, unchanged");
        }
    }

    /** Auth signs with the estate's key from AUTH_JWT_PRIVATE_KEY_LOCATION, not a built-in one. */
    @Test
    @Order(2)
    void authPublishesTheEstatesOwnSigningKey() {
        JsonPath jwks = given().baseUri("http://localhost").port(named("auth").httpPort)
                .get("/api/auth/.well-known/jwks.json").then().statusCode(200).extract().jsonPath();
        List<String> moduli = jwks.getList("keys.n");
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned(estate.signingPublicKey.getModulus()));
        assertEquals(List.of(expected), moduli);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    @TestFactory
    @Order(3)
    Stream<DynamicNode> everyServerMeetsThePlatformContract() {
        return SERVERS.stream().map(s -> {
            List<DynamicNode> checks = new ArrayList<>();
            checks.add(dynamicTest("starts and turns ready", () -> assertTrue(READY_AFTER.containsKey(s.name),
                    s + " did not turn ready within " + START_TIMEOUT.toSeconds() + " s; its log:\n" + s.problems())));
            Map<String, Runnable> contract = new LinkedHashMap<>(ServiceContract.onLocalhost(s.httpPort).checks());
            contract.forEach((name, check) -> checks.add(dynamicTest(name, check::run)));
            return dynamicContainer(s.toString(), checks);
        });
    }

    /**
     * Last, because it takes the gateway's application down for a moment: the Admin Center signs in with its own
     * form login (not an MP-JWT challenge) and the connector its Explore tool uses stops and starts the application.
     */
    @Test
    @Order(4)
    void adminCenterStopsAndStartsTheGatewayApplication() {
        AdminCenterConnector console = new AdminCenterConnector(BASE + 140, "admin", estate.consolePassword);
        assertTrue(console.loginRedirect().endsWith("/adminCenter/login.jsp"), "the Admin Center offers its login page");
        assertEquals("STARTED", console.state("gateway"));

        console.invoke("gateway", "stop");
        assertEquals("STOPPED", console.state("gateway"));
        assertEquals(404, given().baseUri("http://localhost").port(gateway().httpPort).get("/health/ready").statusCode(),
                "a stopped application no longer answers on its port");

        console.invoke("gateway", "start");
        assertEquals("STARTED", console.state("gateway"));
        Eventually.await("gateway ready again", Duration.ofSeconds(120), () -> ready(gateway()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
