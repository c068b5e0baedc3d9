package com.autopilotmonster.estate;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The JMX REST connector the Admin Center's Explore tool drives ({@code /IBMJMXConnectorREST}, enabled by
 * adminCenter-1.0): reads an application's state and stops or starts it through Liberty's ApplicationMBean, signed
 * in as the console user, exactly as the Explore tool's Start / Stop buttons do.
 */
final class AdminCenterConnector {

    private final int httpsPort;
    private final String user;
    private final String password;

    AdminCenterConnector(int httpsPort, String user, String password) {
        this.httpsPort = httpsPort;
        this.user = user;
        this.password = password;
    }

    private RequestSpecification request() {
        // the estate's keystore is Liberty's own self-signed one
        return given().relaxedHTTPSValidation().baseUri("https://localhost").port(httpsPort).auth().preemptive()
                .basic(user, password);
    }

    private static String application(String name) {
        return "/IBMJMXConnectorREST/mbeans/" + URLEncoder.encode(
                "WebSphere:name=" + name + ",service=com.ibm.websphere.application.ApplicationMBean", StandardCharsets.UTF_8);
    }

    String state(String app) {
        return request().get(application(app) + "/attributes/State").then().statusCode(200).extract().path("value");
    }

    void invoke(String app, String operation) {
        request().contentType("application/json").body("{\"params\":[],\"signature\":[]}")
                .post(application(app) + "/operations/" + operation).then().statusCode(200);
    }

    /** Where the Admin Center sends a browser that is not signed in (its form login, not a token challenge). */
    String loginRedirect() {
        return given().relaxedHTTPSValidation().baseUri("https://localhost").port(httpsPort).redirects().follow(false)
                .get("/adminCenter/").then().statusCode(302).extract().header("Location");
    }
}
