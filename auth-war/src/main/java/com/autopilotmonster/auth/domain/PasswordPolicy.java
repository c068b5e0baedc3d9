package com.autopilotmonster.auth.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.problem.FieldViolation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * OWASP ASVS 5 password rules: at least 8 characters, up to 128 allowed, any characters, and none of the
 * 30,000 most common passwords (the ranked list shipped in the zxcvbn4j library), nor the email itself.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    private static final String COMMON_LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private Set<String> common;

    @PostConstruct
    void load() {
        Set<String> words = new HashSet<>(40_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
            if (in == null) {
                throw new IllegalStateException("common password list missing from the classpath");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(line -> line.trim().toLowerCase(Locale.ROOT)).filter(line -> !line.isEmpty())
                    .forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        common = Set.copyOf(words);
    }

    public int commonPasswordCount() {
        return common.size();
    }

    /** @throws ApiException 400 with a field error naming what is wrong */
    public void check(String password, String email) {
        String problem = problemWith(password, email);
        if (problem != null) {
            throw ApiException.validation("password: " + problem, List.of(new FieldViolation("password", problem)));
        }
    }

    String problemWith(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return "is one of the most common passwords; choose another";
        }
        if (email != null && lower.equals(email.toLowerCase(Locale.ROOT))) {
            return "must not be your email address";
        }
        return null;
    }
}
