package com.autopilotmonster.testsupport;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads mail the services really sent over SMTP, from the local mail catcher's (GreenMail's) REST API.
 */
public final class MailCatcher {

    /** One received message. */
    public record Mail(String subject, String from, String to, String body) {
    }

    private MailCatcher() {
    }

    public static String apiUrl() {
        return System.getProperty("mail.api.url", System.getenv().getOrDefault("MAIL_API_URL", "http://127.0.0.1:8025"));
    }

    public static List<Mail> inbox(String email) {
        JsonPath json = RestAssured.given().baseUri(apiUrl()).get("/api/user/{email}/messages/INBOX/", email)
                .then().extract().jsonPath();
        List<Map<String, Object>> messages = json.getList("$");
        return messages == null ? List.of() : messages.stream().map(m -> new Mail(
                String.valueOf(m.get("subject")), String.valueOf(m.get("from")), String.valueOf(m.get("to")),
                String.valueOf(m.getOrDefault("mimeMessage", m.get("content"))))).toList();
    }

    public static Mail awaitMail(String email, Duration timeout) {
        return Eventually.await("mail for " + email, timeout,
                () -> inbox(email).stream().reduce((first, second) -> second).orElse(null));
    }
}
