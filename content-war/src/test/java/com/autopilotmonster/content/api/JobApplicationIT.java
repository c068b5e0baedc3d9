package com.autopilotmonster.content.api;

import static com.autopilotmonster.content.api.ContentApi.admin;
import static com.autopilotmonster.content.api.ContentApi.problem;
import static com.autopilotmonster.content.api.ContentApi.q;
import static com.autopilotmonster.content.api.ContentApi.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.MailCatcher;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Careers: open jobs, real multipart uploads checked by content, one application per email, mail, admin download. */
class JobApplicationIT {

    @BeforeAll
    static void target() {
        ContentApi.target();
    }

    /** A small but complete PDF: header, one page, xref table, trailer, startxref, %%EOF. */
    static byte[] pdf(int padding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n";
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        if (padding > 0) {
            out.writeBytes("% padding\n".getBytes(StandardCharsets.ISO_8859_1));
            byte[] pad = new byte[padding];
            Arrays.fill(pad, (byte) 'x');
            out.writeBytes(pad);
            out.writeBytes("\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        int xref = out.size();
        String tail = "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n"
                + "trailer << /Size 4 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n";
        out.writeBytes(tail.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    static String job(String title) {
        return admin().body("{\"title\":" + q(title) + ",\"department\":\"Engineering\",\"location\":\"Remote, EU\","
                + "\"type\":\"remote\",\"description\":\"Build **agents**.\",\"requirements\":[\"Java\"],"
                + "\"salary\":{\"min\":90000,\"max\":120000,\"currency\":\"eur\"}}")
                .post("/api/content/jobs").then().statusCode(201).body("data.status", equalTo("open"))
                .extract().path("data.jobId");
    }

    static RequestSpecification form(String name, String email) {
        RequestSpecification r = given();
        if (name != null) {
            r = r.multiPart("name", name);
        }
        if (email != null) {
            r = r.multiPart("email", email);
        }
        return r.multiPart("phone", "+49 30 1234567").multiPart("coverLetter", "I build agents.");
    }

    @Test
    void multipartApplicationWithAPdfResumeMailAndDownload() {
        String u = unique();
        String title = "Agent engineer " + u;
        String id = job(title);
        // The web client reads data as JobListing[]; the paging is in the headers.
        io.restassured.response.Response listed = given().queryParam("limit", 100).get("/api/content/jobs");
        listed.then().statusCode(200).body("data.jobId", hasItem(id)).header("X-Page", "1").header("X-Limit", "100");
        assertTrue(Long.parseLong(listed.header("X-Total-Count")) >= 1, listed.header("X-Total-Count"));
        Map<String, Object> listing = listed.jsonPath().getMap("data.find { it.jobId == '" + id + "' }");
        for (String field : List.of("jobId", "title", "department", "location", "type", "description", "requirements",
                "responsibilities", "benefits", "salary", "postedAt", "status")) {
            assertTrue(listing.containsKey(field), "the client's JobListing reads " + field + ": " + listing.keySet());
        }
        given().get("/api/content/jobs/" + id).then().statusCode(200).body("data.salary.currency", equalTo("EUR"))
                .body("data.description", containsString("<strong>agents</strong>"));

        byte[] cv = pdf(2000);
        String email = "ann" + u + "@applicants.test";
        String applicationId = form("Ann Applicant", email).multiPart("resume", "Ann CV.pdf", cv, "application/pdf")
                .post("/api/content/jobs/" + id + "/apply").then().statusCode(201)
                .body("data.email", equalTo(email)).body("data.resumeSize", equalTo(cv.length))
                .body("data.resumeFileId", nullValue())
                .extract().path("data.applicationId");

        MailCatcher.Mail mail = MailCatcher.awaitMail(email, Duration.ofSeconds(30));
        assertTrue(mail.subject().contains(title), mail.subject());
        assertTrue(mail.raw().contains(applicationId), "the mail names the application");

        // the same address again (other case) is the same application: 200, nothing new, no second mail
        form("Ann Again", email.toUpperCase()).multiPart("resume", "other.pdf", pdf(10), "application/pdf")
                .post("/api/content/jobs/" + id + "/apply").then().statusCode(200)
                .body("data.applicationId", equalTo(applicationId));
        admin().get("/api/content/jobs/" + id + "/applications").then().statusCode(200)
                .body("data.pagination.total", equalTo(1)).body("data.applications[0].name", equalTo("Ann Applicant"));

        byte[] downloaded = given().auth().oauth2(ContentApi.ADMIN)
                .get("/api/content/jobs/" + id + "/applications/" + applicationId + "/resume").then().statusCode(200)
                .contentType(containsString("application/pdf")).header("Content-Disposition", containsString("attachment"))
                .extract().asByteArray();
        assertArrayEquals(cv, downloaded);
        given().auth().oauth2(ContentApi.CUSTOMER).get("/api/content/jobs/" + id + "/applications/" + applicationId + "/resume")
                .then().statusCode(403);
        given().get("/api/content/jobs/" + id + "/applications").then().statusCode(401);
        assertEquals(1, MailCatcher.inbox(email).size(), "one confirmation only");
    }

    @Test
    void refusedUploads() {
        String u = unique();
        String id = job("Uploads " + u);
        // renamed non-PDF: refused by content, not by name
        problem(form("Fake", "fake" + u + "@a.test").multiPart("resume", "cv.pdf", "MZ\u0090 not a pdf at all, really not".getBytes(StandardCharsets.ISO_8859_1), "application/pdf")
                .post("/api/content/jobs/" + id + "/apply").then(), 415);
        // a header without the trailer of a PDF
        byte[] truncated = Arrays.copyOf(pdf(0), 120);
        problem(form("Cut", "cut" + u + "@a.test").multiPart("resume", "cv.pdf", truncated, "application/pdf")
                .post("/api/content/jobs/" + id + "/apply").then(), 415);
        // over the résumé limit (5 MiB) but under the body limit: the service's own 413
        problem(form("Big", "big" + u + "@a.test").multiPart("resume", "big.pdf", pdf(5 * 1024 * 1024 + 100_000), "application/pdf")
                .post("/api/content/jobs/" + id + "/apply").then(), 413).body("message", containsString("résumé"));
        // over the server's body limit
        problem(form("Huge", "huge" + u + "@a.test").multiPart("resume", "huge.pdf", pdf(7 * 1024 * 1024), "application/pdf")
                .post("/api/content/jobs/" + id + "/apply").then(), 413);
        // missing or bad email
        problem(form("No Mail", null).multiPart("resume", "cv.pdf", pdf(10), "application/pdf")
                .post("/api/content/jobs/" + id + "/apply").then(), 400).body("message", containsString("email"));
        problem(form("Bad Mail", "not-an-email").multiPart("resume", "cv.pdf", pdf(10), "application/pdf")
                .post("/api/content/jobs/" + id + "/apply").then(), 400);
        // no résumé at all
        problem(form("No CV", "nocv" + u + "@a.test").post("/api/content/jobs/" + id + "/apply").then(), 400);
        admin().get("/api/content/jobs/" + id + "/applications").then().body("data.pagination.total", equalTo(0));
    }

    @Test
    void jsonApplicationOfTheWebClientAndClosedOrUnknownJobs() {
        String u = unique();
        String id = job("Json " + u);
        String email = "json" + u + "@applicants.test";
        String body = "{\"name\":\"Jo\",\"email\":" + q(email) + ",\"phone\":\"+1 555 0100\","
                + "\"resume\":\"https://cv.example/jo.pdf\",\"coverLetter\":\"Hi\"}";
        given().contentType("application/json").body(body).post("/api/content/jobs/" + id + "/apply").then().statusCode(201)
                .body("data.resumeUrl", equalTo("https://cv.example/jo.pdf"));
        given().contentType("application/json").body(body).post("/api/content/jobs/" + id + "/apply").then().statusCode(200);
        problem(given().contentType("application/json").body("{\"name\":\"Jo\",\"email\":" + q("x" + email) + ",\"resume\":\"javascript:alert(1)\"}")
                .post("/api/content/jobs/" + id + "/apply").then(), 400);
        problem(given().contentType("application/json").body("{\"name\":\"Jo\",\"resume\":\"https://cv.example/a.pdf\"}")
                .post("/api/content/jobs/" + id + "/apply").then(), 400);

        admin().post("/api/content/jobs/" + id + "/close").then().statusCode(200).body("data.status", equalTo("closed"));
        given().get("/api/content/jobs?limit=100").then().body("data.jobId", not(hasItem(id)));
        problem(given().contentType("application/json").body(body.replace(email, "late" + email))
                .post("/api/content/jobs/" + id + "/apply").then(), 409);
        problem(form("Late", "late2" + u + "@a.test").multiPart("resume", "cv.pdf", pdf(10), "application/pdf")
                .post("/api/content/jobs/" + id + "/apply").then(), 409);
        problem(given().contentType("application/json").body(body).post("/api/content/jobs/ffffffffffffffffffffffff/apply").then(), 404);

        String past = admin().body("{\"title\":\"Past " + u + "\",\"department\":\"Ops\",\"location\":\"Berlin\",\"description\":\"x\","
                + "\"closingDate\":\"2020-01-01\"}").post("/api/content/jobs").then().statusCode(201).extract().path("data.jobId");
        problem(given().contentType("application/json").body(body).post("/api/content/jobs/" + past + "/apply").then(), 409);
        admin().delete("/api/content/jobs/" + past).then().statusCode(200);
        given().get("/api/content/jobs/" + past).then().statusCode(404);
    }
}
