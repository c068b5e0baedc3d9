package com.autopilotmonster.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/**
 * Blog read figures against a running content server: first tops the public blog up to {@code bench.posts}
 * (1,000) published posts through the admin API (Markdown rendered and sanitised as in production; the admin
 * token is signed with the LOCAL dev key, {@code bench.jwt-key}), then measures {@code GET /api/content/blog}
 * pages 1..10 and a literal search.
 */
final class BlogBenchmark {

    private BlogBenchmark() {
    }

    static void run(String base, Duration each) throws Exception {
        int threads = Integer.getInteger("bench.threads", 8);
        int wanted = Integer.getInteger("bench.posts", 1000);
        String token = adminToken();
        long total = total(base);
        for (long i = total; i < wanted; i++) {
            String title = "Benchmark post " + i + " " + UUID.randomUUID().toString().substring(0, 6);
            String json = "{\"title\":\"" + title + "\",\"category\":\"bench-" + (i % 10) + "\",\"tags\":[\"bench\",\"t" + (i % 25)
                    + "\"],\"status\":\"published\",\"content\":\"# " + title + "\\n\\nSome **Markdown** with a [link](https://example.com)"
                    + " and words about agents, automation and workflows. " + "Lorem ipsum dolor sit amet. ".repeat(40) + "\"}";
            BenchHttp.send(BenchHttp.post(base + "/api/content/blog", token, json), 201);
        }
        System.out.println("blog benchmark against " + base + ", " + total(base) + " public posts, " + threads + " threads, "
                + each.toSeconds() + " s per figure");
        List<URI> pages = new ArrayList<>();
        for (int p = 1; p <= 10; p++) {
            pages.add(URI.create(base + "/api/content/blog?page=" + p + "&limit=20"));
        }
        List<URI> searches = new ArrayList<>();
        for (String w : new String[] {"agents", "automation", "post 1", "workflows", "bench", "Markdown"}) {
            searches.add(URI.create(base + "/api/content/blog?limit=20&search=" + URLEncoder.encode(w, StandardCharsets.UTF_8)));
        }
        pages.forEach(BlogBenchmark::status);
        searches.forEach(BlogBenchmark::status);
        System.out.println(measure("GET /api/content/blog (page 1..10, limit 20)", pages, threads, each));
        System.out.println(measure("GET /api/content/blog?search= (literal, case-insensitive)", searches, threads, each));
    }

    private static LoadRun.Result measure(String name, List<URI> uris, int threads, Duration each) {
        AtomicLong next = new AtomicLong();
        return LoadRun.run(name, threads, each, t -> status(uris.get((int) (next.getAndIncrement() % uris.size()))) == 200);
    }

    private static int status(URI uri) {
        try {
            return BenchHttp.HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static long total(String base) throws Exception {
        String body = BenchHttp.send(BenchHttp.get(base + "/api/content/blog?limit=1", null), 200);
        return Long.parseLong(body.replaceAll("(?s).*\"total\":(\\d+).*", "$1"));
    }

    private static String adminToken() throws Exception {
        Path key = Path.of(System.getProperty("bench.jwt-key", "../server-config/shared/keys/dev-jwt-private.pem"));
        if (!Files.exists(key)) {
            key = Path.of("server-config/shared/keys/dev-jwt-private.pem");
        }
        String pem = Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://autopilot.monster/auth");
        claims.setAudience("autopilot-monster");
        String id = "bench-admin";
        claims.setSubject(id);
        claims.setClaim("userId", id);
        claims.setClaim("email", "bench-admin@example.test");
        claims.setClaim("role", "admin");
        claims.setClaim("upn", "bench-admin@example.test");
        claims.setStringListClaim("groups", List.of("admin"));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey);
        jws.setKeyIdHeaderValue("dev-1");
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
