package com.autopilotmonster.testsupport;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every service's Liberty server must do, whatever its domain: health probes, OpenAPI, problem+json for
 * errors, request ids, no server banners. Written once for a server at one port, so that each module's own IT
 * ({@link ServiceContractTest}) and a test that checks several servers at once (estate-check) hold every server
 * to the same contract.
 */
public final class ServiceContract {

    private final String host;
    private final int port;

    public ServiceContract(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public static ServiceContract onLocalhost(int port) {
        return new ServiceContract("http://localhost", port);
    }

    private RequestSpecification given() {
        return RestAssured.given().baseUri(host).port(port);
    }

    public void probesAreUp() {
        given().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    public void servesOpenApi() {
        given().accept("application/json").get("/openapi").then().statusCode(200)
                .body("openapi", notNullValue());
    }

    public void unknownPathIsProblemJson() {
        given().get("/api/no-such-thing-here").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404)).body("success", equalTo(false)).body("message", notNullValue());
    }

    public void requestIdIsEchoedOrCreated() {
        given().header("X-Request-Id", "contract-test-123").get("/api/no-such-thing-here").then()
                .header("X-Request-Id", "contract-test-123").body("requestId", equalTo("contract-test-123"));
        given().get("/api/no-such-thing-here").then().header("X-Request-Id", notNullValue());
        given().header("X-Request-Id", "bad id\r\nInjected: yes").get("/api/no-such-thing-here").then()
                .header("X-Request-Id", not(containsString("Injected"))).header("Injected", nullValue());
    }

    public void noServerBanners() {
        given().get("/api/no-such-thing-here").then().header("X-Powered-By", nullValue()).header("Server", nullValue())
                .header("X-Content-Type-Options", "nosniff");
    }

    /** Every check by name, in order, for a test that runs the contract against several servers. */
    public Map<String, Runnable> checks() {
        Map<String, Runnable> checks = new LinkedHashMap<>();
        checks.put("probes are up", this::probesAreUp);
        checks.put("serves OpenAPI", this::servesOpenApi);
        checks.put("unknown path is problem+json", this::unknownPathIsProblemJson);
        checks.put("request id is echoed or created", this::requestIdIsEchoedOrCreated);
        checks.put("no server banners", this::noServerBanners);
        return checks;
    }
}
