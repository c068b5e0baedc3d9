package com.autopilotmonster.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPathTest {

    private static String key(String raw) {
        return RequestPath.of(raw).orElseThrow().key();
    }

    private static String forwarded(String raw) {
        return RequestPath.of(raw).orElseThrow().forwarded();
    }

    @Test
    void everySpellingOfLoginIsLogin() {
        for (String raw : List.of("/api/auth/login", "/api/auth/login/", "/api/auth/LOGIN/", "/api/auth/login;x=1",
                "/api/auth;v=2/login", "/api/auth/%6cogin", "/api/auth/%6C%6F%67%69%6E", "//api//auth///login",
                "/api/./auth/login/.", "/api/content/../auth/login", "/api/auth/login;jsessionid=1/",
                "/api/auth/%2e/login", "/api/auth/x/%2E%2E/login")) {
            assertEquals("/api/auth/login", key(raw), raw);
            assertEquals(raw.contains("LOGIN") ? "/api/auth/LOGIN" : "/api/auth/login", forwarded(raw), raw);
        }
    }

    @Test
    void theForwardedPathKeepsCaseAndDataButHasNoSecondReading() {
        assertEquals("/api/marketplace/products/AbC-123", forwarded("/api/marketplace/products/AbC-123"));
        assertEquals("/api/content/a%20b/%C3%A9t%C3%A9", forwarded("/api/content/a%20b/été"));
        // an encoded ';' or '%' is data, and stays encoded: the service cannot read a parameter or another escape
        assertEquals("/api/content/a%3Bb", forwarded("/api/content/a%3bb"));
        assertEquals("/api/auth/%256cogin", forwarded("/api/auth/%256cogin"));
        // decoded once only: a doubly encoded name is not the login rule, and not login at the service either
        assertEquals("/api/auth/%6cogin", key("/api/auth/%256cogin"));
        assertEquals("/", forwarded("/"));
        assertEquals("/api/content/a:b@c+d", forwarded("/api/content/a:b@c+d"));
    }

    @Test
    void pathsWithoutOneReadingAreRefused() {
        for (String raw : List.of("/api/auth/..%2f..%2flogin", "/api/auth%2Flogin", "/api/auth%5clogin",
                "/api/auth/lo%00gin", "/api/auth/login%", "/api/auth/login%6", "/api/auth/%zzlogin", "/../api/auth",
                "/api/../../etc", "/api/auth/%c3%28", "api/auth", "", "/api/%E2%80")) {
            assertTrue(RequestPath.of(raw).isEmpty(), raw);
        }
    }

    @Test
    void rulesMatchTheCanonicalPathAndAreKeyedByRole() {
        RateLimitRules rules = new RateLimitRules();
        rules.defaultLimit = 100;
        rules.window = Duration.ofMinutes(15);
        rules.rulesText = "POST /api/auth/login=20, post /API/auth/forgot-password/=5";
        rules.webhookPaths = List.of("/api/orders/webhooks");
        rules.webhookLimit = 3000;
        rules.webhookWindow = Duration.ofMinutes(1);
        rules.parse();
        RateLimitRules.Limit login = rules.forRequest("POST", RequestPath.of("/api/auth/LOGIN;x=1/").orElseThrow());
        assertEquals(new RateLimitRules.Limit("POST /api/auth/login", 20, 900_000, RateLimitRules.Keying.ADDRESS),
                login);
        assertEquals(5, rules.forRequest("post", RequestPath.of("/api/auth/forgot-password").orElseThrow()).limit());
        assertEquals(RateLimitRules.Keying.CLIENT,
                rules.forRequest("GET", RequestPath.of("/api/auth/login").orElseThrow()).keying());
        RateLimitRules.Limit webhook = rules.forRequest("POST",
                RequestPath.of("/api/Orders/webhooks/stripe").orElseThrow());
        assertEquals(new RateLimitRules.Limit("webhooks /api/orders/webhooks", 3000, 60_000,
                RateLimitRules.Keying.SHARED), webhook);
        assertEquals("default",
                rules.forRequest("POST", RequestPath.of("/api/orders/webhooksx").orElseThrow()).name());
    }
}
