package com.autopilotmonster.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JMX REST connector the Admin Center's Explore tool drives ({@code /IBMJMXConnectorREST}, enabled by
 * adminCenter-1.0) of one Liberty server: lists the server's applications and reads an application's state and
 * stops or starts it through Liberty's ApplicationMBean, signed in as the console user, exactly as the Explore
 * tool's application list and its Start / Stop buttons do. Used by estate-check (the estate's gateway) and
 * platform-tests (the local run's gateway and shared platform server).
 */
public final class AdminCenterConnector {

    private static final String APPLICATION_MBEAN = "com.ibm.websphere.application.ApplicationMBean";
    private static final Pattern NAME = Pattern.compile("[:,]name=([^,]+)");

    private final int httpsPort;
    private final String user;
    private final String password;

    public AdminCenterConnector(int httpsPort, String user, String password) {
        this.httpsPort = httpsPort;
        this.user = user;
        this.password = password;
    }

    private RequestSpecification request() {
        // a local server's keystore is Liberty's own self-signed one
        return given().relaxedHTTPSValidation().baseUri("https://localhost").port(httpsPort).auth().preemptive()
                .basic(user, password);
    }

    private static String application(String name) {
        return "/IBMJMXConnectorREST/mbeans/" + URLEncoder.encode(
                "WebSphere:name=" + name + ",service=" + APPLICATION_MBEAN, StandardCharsets.UTF_8);
    }

    /** The names of the server's applications (its ApplicationMBeans), sorted. */
    public List<String> applications() {
        List<String> objectNames = request().queryParam("objectName", "WebSphere:service=" + APPLICATION_MBEAN + ",*")
                .get("/IBMJMXConnectorREST/mbeans").then().statusCode(200).extract().path("objectName");
        TreeSet<String> names = new TreeSet<>();
        for (String objectName : objectNames) {
            Matcher m = NAME.matcher(objectName);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return List.copyOf(names);
    }

    public String state(String app) {
        return request().get(application(app) + "/attributes/State").then().statusCode(200).extract().path("value");
    }

    public void invoke(String app, String operation) {
        request().contentType("application/json").body("{\"params\":[],\"signature\":[]}")
                .post(application(app) + "/operations/" + operation).then().statusCode(200);
    }

    /** The status the connector answers these credentials with (200 signed in, 401 refused): its MBean count. */
    public int signInStatus() {
        return request().get("/IBMJMXConnectorREST/mbeanCount").statusCode();
    }

    /** Where the Admin Center sends a browser that is not signed in (its form login, not a token challenge). */
    public String loginRedirect() {
        return given().relaxedHTTPSValidation().baseUri("https://localhost").port(httpsPort).redirects().follow(false)
                .get("/adminCenter/").then().statusCode(302).extract().header("Location");
    }
}
