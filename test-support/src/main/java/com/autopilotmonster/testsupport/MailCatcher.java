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

    /** One received message: its subject and the whole raw MIME text (headers and body). */
    public record Mail(String subject, String raw) {

        /** The first http(s) link in the message, e.g. a verification or reset link. */
        public String firstLink() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://[^\\s\"<>]+").matcher(raw);
            return m.find() ? m.group() : null;
        }
    }

    private MailCatcher() {
    }

    public static String apiUrl() {
        return System.getProperty("mail.api.url", System.getenv().getOrDefault("MAIL_API_URL", "http://127.0.0.1:8025"));
    }

    public static List<Mail> inbox(String email) {
        io.restassured.response.Response response = RestAssured.given().baseUri(apiUrl())
                .get("/api/user/{email}/messages/INBOX/", email);
        if (response.statusCode() != 200) {
            return List.of();
        }
        JsonPath json = response.jsonPath();
        List<Map<String, Object>> messages = json.getList("$");
        return messages == null ? List.of() : messages.stream().map(m -> new Mail(
                String.valueOf(m.get("subject")), String.valueOf(m.get("mimeMessage")))).toList();
    }

    public static Mail awaitMail(String email, Duration timeout) {
        return Eventually.await("mail for " + email, timeout,
                () -> inbox(email).stream().reduce((first, second) -> second).orElse(null));
    }
}
