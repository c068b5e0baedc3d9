package com.autopilotmonster.gateway.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * One request path in the single form the gateway routes, limits and forwards: percent-encoding decoded,
 * {@code ;} path parameters dropped, empty and {@code .} segments removed, {@code ..} resolved, no trailing
 * slash. Rate-limit rules compare its lower-cased {@link #key()}, the proxy routes and forwards its
 * re-encoded {@link #forwarded()} form, so a spelling that would count against a rule can never reach a
 * service under another name. A path that has no such form (an encoded slash, backslash or control character,
 * broken percent-encoding or UTF-8, {@code ..} above the root) is refused.
 */
public record RequestPath(String decoded) {

    private static final int MAX_LENGTH = 4096;

    /** The canonical form of a raw (as received, still encoded) request path; empty when it is refused. */
    public static Optional<RequestPath> of(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/' || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String rawSegment : raw.substring(1).split("/", -1)) {
            int parameters = rawSegment.indexOf(';');
            String segment = decode(parameters < 0 ? rawSegment : rawSegment.substring(0, parameters));
            if (segment == null) {
                return Optional.empty();
            }
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.removeLast();
                continue;
            }
            segments.addLast(segment);
        }
        return Optional.of(new RequestPath("/" + String.join("/", segments)));
    }

    /** What rules compare: case does not make another endpoint of it. */
    public String key() {
        return decoded.toLowerCase(Locale.ROOT);
    }

    /** The path sent to the service: every segment percent-encoded where a path segment needs it. */
    public String forwarded() {
        StringBuilder out = new StringBuilder(decoded.length() + 16);
        for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '/' || isPathChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** RFC 3986 pchar without ';' (which would read as a path parameter again) and without '%'. */
    private static boolean isPathChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,=:@".indexOf(c) >= 0;
    }

    /** Percent-decodes one segment as UTF-8; null for broken encoding or a character no segment may hold. */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return hasForbidden(segment) ? null : segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); ) {
            int c = segment.codePointAt(i);
            if (c == '%') {
                int high = i + 1 < segment.length() ? hex(segment.charAt(i + 1)) : -1;
                int low = i + 2 < segment.length() ? hex(segment.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                byte[] encoded = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(c);
            }
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
            return hasForbidden(decoded) ? null : decoded;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static boolean hasForbidden(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
