package com.autopilotmonster.testsupport;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.microshed.testing.testcontainers.ApplicationContainer;
import org.testcontainers.junit.jupiter.Container;

/**
 * The platform contract ({@link ServiceContract}: health probes, OpenAPI, problem+json for errors, request ids, no
 * server banners) checked against the module's own server. A service's IT extends this class and runs against its
 * real server (MicroShed Testing in manual mode: the build starts the server).
 */
@MicroShedTest
public abstract class ServiceContractTest {

    @Container
    public static ApplicationContainer app = new ApplicationContainer().withReadinessPath("/health/ready");

    @BeforeAll
    static void waitUntilReady() {
        ServiceUnderTest.target(Integer.getInteger("microshed_http_port", 9080));
    }

    private static ServiceContract contract() {
        return new ServiceContract(RestAssured.baseURI, RestAssured.port);
    }

    @Test
    void probesAreUp() {
        contract().probesAreUp();
    }

    @Test
    void servesOpenApi() {
        contract().servesOpenApi();
    }

    @Test
    void unknownPathIsProblemJson() {
        contract().unknownPathIsProblemJson();
    }

    @Test
    void requestIdIsEchoedOrCreated() {
        contract().requestIdIsEchoedOrCreated();
    }

    @Test
    void noServerBanners() {
        contract().noServerBanners();
    }
}
