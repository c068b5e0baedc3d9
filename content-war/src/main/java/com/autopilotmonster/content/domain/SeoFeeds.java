package com.autopilotmonster.content.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.bson.Document;

/** Sitemap and RSS written with StAX (the XML API escapes every value): published content only. */
@ApplicationScoped
public class SeoFeeds {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final int FEED_ITEMS = 50;
    private static final int SITEMAP_POSTS = 10_000;

    @Inject
    Blogs blogs;

    @Inject
    HelpCentre help;

    @Inject
    Tutorials tutorials;

    public String sitemap() {
        String site = blogs.siteUrl();
        return write(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
            for (Document d : blogs.allPublished(SITEMAP_POSTS)) {
                url(w, blogs.postUrl(d.getString("slug")), d.getDate("updatedAt"));
            }
            for (Document d : help.allPublished()) {
                url(w, site + "/help/" + enc(d.getString("slug")), d.getDate("updatedAt"));
            }
            for (Document d : tutorials.allPublished()) {
                url(w, site + "/tutorials/" + enc(d.getString("slug")), d.getDate("updatedAt"));
            }
            w.writeEndElement();
        });
    }

    public String rss() {
        String site = blogs.siteUrl();
        return write(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeStartElement("channel");
            text(w, "title", "Autopilot Monster blog");
            text(w, "link", site + "/blog");
            text(w, "description", "News, guides and stories about AI agents and automation workflows");
            text(w, "language", "en");
            for (Document d : blogs.allPublished(FEED_ITEMS)) {
                w.writeStartElement("item");
                text(w, "title", d.getString("title"));
                String link = blogs.postUrl(d.getString("slug"));
                text(w, "link", link);
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "false");
                w.writeCharacters(d.getString("_id"));
                w.writeEndElement();
                Date published = d.getDate("publishedAt");
                if (published != null) {
                    text(w, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(published.toInstant().atZone(ZoneOffset.UTC)));
                }
                if (d.getString("category") != null) {
                    text(w, "category", d.getString("category"));
                }
                text(w, "description", d.getString("excerpt") == null ? "" : d.getString("excerpt"));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String write(Body body) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
    }

    private static void url(XMLStreamWriter w, String loc, Date lastmod) throws XMLStreamException {
        w.writeStartElement("url");
        text(w, "loc", loc);
        if (lastmod != null) {
            text(w, "lastmod", DateTimeFormatter.ISO_INSTANT.format(lastmod.toInstant()));
        }
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(clean(value));
        w.writeEndElement();
    }

    /** Characters XML 1.0 cannot carry at all are dropped (StAX escapes the rest). */
    private static String clean(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String enc(String slug) {
        return URLEncoder.encode(slug, StandardCharsets.UTF_8);
    }
}
