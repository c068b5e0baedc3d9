package com.autopilotmonster.content.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.bson.types.ObjectId;

/** Calls to the content server of the build (port 4008). */
final class ContentApi {

    static final String ADMIN = TestTokens.admin(new ObjectId().toHexString());
    static final String CUSTOMER = TestTokens.user(new ObjectId().toHexString());

    private ContentApi() {
    }

    static void target() {
        ServiceUnderTest.target(4008);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON);
    }

    static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(containsString("application/problem+json"))
                .body("success", equalTo(false)).body("message", notNullValue());
    }

    /** A post created by the admin; answers its data. */
    static io.restassured.path.json.JsonPath post(String json) {
        return admin().body(json).post("/api/content/blog").then().statusCode(201).extract().jsonPath().setRootPath("data");
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
