package com.autopilotmonster.marketplace.domain;

import java.util.regex.Pattern;

/**
 * Search text as a case-insensitive regex that matches the text literally. Every character that is not a
 * letter or digit is written as a hex escape {@code \x{HH}} (the same literal in Java's regex and in PCRE),
 * rather than {@code \Q...\E} or a plain backslash, which mongo-java-server's regex translation mishandles
 * (a quoted {@code [} matched every document). The caller's input is therefore never a pattern: no operators,
 * no catastrophic backtracking.
 */
final class LiteralPattern {

    private LiteralPattern() {
    }

    static Pattern of(String text) {
        StringBuilder escaped = new StringBuilder(text.length() * 2);
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                escaped.appendCodePoint(c);
            } else {
                escaped.append("\\x{").append(Integer.toHexString(c)).append('}');
            }
        });
        return Pattern.compile(escaped.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
