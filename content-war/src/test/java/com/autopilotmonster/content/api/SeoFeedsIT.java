package com.autopilotmonster.content.api;

import static com.autopilotmonster.content.api.ContentApi.post;
import static com.autopilotmonster.content.api.ContentApi.q;
import static com.autopilotmonster.content.api.ContentApi.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The sitemap and the RSS feed are well-formed XML (parsed here) and list published posts only. */
class SeoFeedsIT {

    @BeforeAll
    static void target() {
        ContentApi.target();
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<String> texts(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagNameNS("*", tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void sitemapAndRssListPublishedPostsOnly() throws Exception {
        String u = unique();
        String published = post("{\"title\":" + q("Feed & <3 \"" + u + "\"") + ",\"content\":\"Body & more <b>x</b>\",\"category\":\"a&b\","
                + "\"status\":\"published\"}").getString("slug");
        String draft = post("{\"title\":" + q("Feed draft " + u) + ",\"content\":\"x\",\"category\":\"c\"}").getString("slug");
        String future = post("{\"title\":" + q("Feed future " + u) + ",\"content\":\"x\",\"category\":\"c\",\"status\":\"scheduled\","
                + "\"publishAt\":\"" + Instant.now().plusSeconds(86_400) + "\"}").getString("slug");
        String archived = post("{\"title\":" + q("Feed archived " + u) + ",\"content\":\"x\",\"category\":\"c\",\"status\":\"archived\"}").getString("slug");

        byte[] sitemap = given().get("/api/content/sitemap.xml").then().statusCode(200)
                .contentType(containsString("application/xml")).extract().asByteArray();
        Document map = parse(sitemap);
        assertEquals("urlset", map.getDocumentElement().getLocalName());
        assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9", map.getDocumentElement().getNamespaceURI());
        List<String> locs = texts(map, "loc");
        assertTrue(locs.stream().anyMatch(l -> l.endsWith("/blog/" + published)), published);
        for (String hidden : List.of(draft, future, archived)) {
            assertFalse(locs.stream().anyMatch(l -> l.endsWith("/blog/" + hidden)), hidden);
        }

        byte[] rss = given().get("/api/content/blog/rss.xml").then().statusCode(200)
                .contentType(containsString("application/rss+xml")).extract().asByteArray();
        Document feed = parse(rss);
        assertEquals("rss", feed.getDocumentElement().getTagName());
        assertEquals("2.0", feed.getDocumentElement().getAttribute("version"));
        List<String> titles = texts(feed, "title");
        assertTrue(titles.contains("Feed & <3 \"" + u + "\""), titles.toString());
        assertTrue(titles.stream().noneMatch(t -> t.contains("Feed draft " + u) || t.contains("Feed future " + u)
                || t.contains("Feed archived " + u)), titles.toString());
        assertTrue(texts(feed, "pubDate").stream().allMatch(d -> d.matches("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} .*")));
    }
}
