package com.autopilotmonster.bench;

import static com.autopilotmonster.bench.BenchHttp.send;
import static com.autopilotmonster.bench.BenchHttp.status;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * Auth figures on this machine, against a running auth server (./platform run, or the auth server alone):
 * logins per second (bcrypt-bound by design), token verifications per second (RS256, in process, with the
 * keys from the JWKS endpoint), and throughput and p50/p99 latency of GET /api/auth/profile (each request
 * verifies the token with MP JWT and checks the Redis deny-list).
 */
final class AuthBenchmark {

    private static final Pattern ACCESS = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

    private AuthBenchmark() {
    }

    static void run(String base, Duration each) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.test";
        String password = "benchmark passphrase " + UUID.randomUUID();
        String body = send(post(base + "/api/auth/register", "{\"firstName\":\"Bench\",\"lastName\":\"Mark\",\"email\":\""
                + email + "\",\"password\":\"" + password + "\"}"), 201);
        String token = extract(body);
        String login = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";

        System.out.println("auth benchmark against " + base + ", " + each.toSeconds() + " s per figure");
        System.out.println(LoadRun.run("POST /api/auth/login", 4, each,
                i -> status(post(base + "/api/auth/login", login)) == 200));

        JsonWebKeySet jwks = new JsonWebKeySet(send(HttpRequest.newBuilder(URI.create(base
                + "/api/auth/.well-known/jwks.json")).GET().build(), 200));
        JwtConsumer verifier = new JwtConsumerBuilder().setVerificationKeyResolver(
                new JwksVerificationKeyResolver(jwks.getJsonWebKeys())).setExpectedAudience("autopilot-monster")
                .setExpectedIssuer("https://autopilot.monster/auth").setRequireExpirationTime().build();
        System.out.println(LoadRun.run("RS256 token verification (in process)", 1, each, i -> {
            try {
                verifier.processToClaims(token);
                return true;
            } catch (Exception e) {
                return false;
            }
        }));

        HttpRequest profile = HttpRequest.newBuilder(URI.create(base + "/api/auth/profile"))
                .header("Authorization", "Bearer " + token).GET().build();
        for (int i = 0; i < 200; i++) {
            status(profile);
        }
        System.out.println(LoadRun.run("GET /api/auth/profile", 8, each, i -> status(profile) == 200));
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "10.99.0." + (int) (Math.random() * 250))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String extract(String body) {
        Matcher m = ACCESS.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no access token in " + body);
        }
        return m.group(1);
    }
}
