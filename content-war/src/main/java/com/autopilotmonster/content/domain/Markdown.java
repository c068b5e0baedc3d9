package com.autopilotmonster.content.domain;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.Encoding;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown to safe HTML: CommonMark renders, the OWASP Java HTML Sanitizer keeps only an allow-list of
 * formatting, block, link (http/https/mailto, rel=nofollow), image (http/https) and table markup. Scripts,
 * event-handler attributes and {@code javascript:} URLs do not survive, whatever the author wrote. Plain-text
 * fields go through a policy that allows no element at all.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    /** sanitizeUrls: CommonMark already drops non-http(s)/mailto link targets; the policy below is the real guard. */
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().sanitizeUrls(true).softbreak("\n").build();

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.IMAGES).and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("pre", "hr")
                    .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+-]{1,32}")).onElements("code")
                    .toFactory());

    /** No element, no attribute: what is left is the text, HTML-encoded. */
    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();

    private static final int WORDS_PER_MINUTE = 200;

    private Markdown() {
    }

    /** Markdown -> rendered and sanitised HTML. */
    public static String html(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /** Any text a user typed (title, tag, name...): markup removed, entities decoded back to plain characters. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        return Encoding.decodeHtml(TEXT_ONLY.sanitize(value), false).strip();
    }

    public static List<String> texts(List<String> values) {
        return values == null ? null : values.stream().map(Markdown::text).filter(v -> !v.isEmpty()).distinct().toList();
    }

    /** The visible words of sanitised HTML, whitespace collapsed. */
    public static String plain(String html) {
        String text = Encoding.decodeHtml(TEXT_ONLY.sanitize(html.replace("<", " <")), false);
        return text.replaceAll("\\s+", " ").strip();
    }

    /** At most {@code max} characters of the text, cut at a word boundary, with an ellipsis when cut. */
    public static String excerpt(String plain, int max) {
        if (plain.length() <= max) {
            return plain;
        }
        String cut = plain.substring(0, max);
        int space = cut.lastIndexOf(' ');
        if (space > max / 2) {
            cut = cut.substring(0, space);
        }
        return cut.strip() + "…";
    }

    public static int wordCount(String plain) {
        return plain.isBlank() ? 0 : plain.split("\\s+").length;
    }

    /** Minutes at 200 words per minute, at least 1. */
    public static int readingMinutes(int words) {
        return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }
}
