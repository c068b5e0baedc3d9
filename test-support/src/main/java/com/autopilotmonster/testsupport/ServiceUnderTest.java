package com.autopilotmonster.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import java.time.Duration;

/** Points REST Assured at the module's server (the build passes {@code service.port}) once it is ready. */
public final class ServiceUnderTest {

    private ServiceUnderTest() {
    }

    public static void target(int defaultPort) {
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = Integer.getInteger("service.port", defaultPort);
        Eventually.await("server on port " + RestAssured.port + " ready", Duration.ofSeconds(90),
                () -> given().get("/health/ready").statusCode() == 200);
    }
}
