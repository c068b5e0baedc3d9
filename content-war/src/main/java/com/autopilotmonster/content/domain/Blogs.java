package com.autopilotmonster.content.domain;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.content.domain.Inputs.BlogInput;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Blog posts. States: draft -> (scheduled) -> published -> archived. A post is public when it is published,
 * or scheduled with {@code publishedAt <= now}: the read-time rule makes a scheduled post public at its time
 * exactly, and {@link PublishSweeper} turns it into {@code published} in the store shortly after.
 */
@ApplicationScoped
public class Blogs {

    public static final String COLLECTION = "blogs";
    public static final String KIND = "blog";
    private static final Set<String> HIDDEN_PUBLIC = Set.of("publishAt");

    @Inject
    MongoDatabase db;

    @Inject
    Slugs slugs;

    @Inject
    @ConfigProperty(name = "content.site-url", defaultValue = "https://autopilot.monster")
    String siteUrl;

    public MongoCollection<Document> blogs() {
        return db.getCollection(COLLECTION);
    }

    /** Public: published, or scheduled and due. */
    public static Bson visible() {
        return and(in("status", "published", "scheduled"), lte("publishedAt", new Date()));
    }

    public String siteUrl() {
        return siteUrl.replaceAll("/+$", "");
    }

    public Page<Map<String, Object>> list(String tag, String category, String author, String search, int page, int limit) {
        List<Bson> filters = new ArrayList<>();
        filters.add(visible());
        if (tag != null && !tag.isBlank()) {
            filters.add(eq("tags", Markdown.text(tag)));
        }
        if (category != null && !category.isBlank()) {
            filters.add(eq("category", Markdown.text(category)));
        }
        if (author != null && !author.isBlank()) {
            filters.add(or(eq("authorId", author), eq("author.name", author)));
        }
        if (search != null && !search.isBlank()) {
            String s = search.strip();
            filters.add(or(Docs.contains("title", s), Docs.contains("excerpt", s), Docs.contains("content", s),
                    Docs.contains("tags", s)));
        }
        Bson filter = and(filters);
        long total = blogs().countDocuments(filter);
        List<Map<String, Object>> items = new ArrayList<>();
        // The web client's BlogPost carries content, as the original's list did: the sanitised HTML, not the source.
        blogs().find(filter).projection(new Document("content", 0))
                .sort(Sorts.descending("publishedAt")).skip((page - 1) * limit).limit(limit)
                .forEach(d -> items.add(publicView(d)));
        return new Page<>(items, page, limit, total);
    }

    public List<Map<String, Object>> featured(int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        blogs().find(and(visible(), eq("featured", true))).projection(new Document("content", 0))
                .sort(Sorts.descending("publishedAt")).limit(limit).forEach(d -> items.add(publicView(d)));
        return items;
    }

    /** The public post, or a redirect target (its current slug) when {@code slug} is one it had before. */
    public record Lookup(Map<String, Object> post, String movedTo) {
    }

    public Lookup bySlug(String slug) {
        Document d = blogs().findOneAndUpdate(and(eq("slug", slug), visible()), Updates.inc("viewCount", 1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (d != null) {
            return new Lookup(publicView(d), null);
        }
        String owner = slugs.owner(KIND, slug);
        if (owner != null) {
            Document current = blogs().find(and(eq("_id", owner), visible())).first();
            if (current != null && !slug.equals(current.getString("slug"))) {
                return new Lookup(null, current.getString("slug"));
            }
        }
        throw ApiException.notFound("Blog post not found");
    }

    public List<Document> allPublished(int limit) {
        List<Document> out = new ArrayList<>();
        blogs().find(visible()).projection(new Document("content", 0).append("contentHtml", 0))
                .sort(Sorts.descending("publishedAt")).limit(limit).forEach(out::add);
        return out;
    }

    // ---- admin

    public Map<String, Object> create(BlogInput in, String authorId, String authorName) {
        require(in.title(), "title");
        require(in.content(), "content");
        require(in.category(), "category");
        String id = new ObjectId().toHexString();
        Date now = new Date();
        Document d = new Document("_id", id).append("blogId", id).append("postId", id)
                .append("author", new Document("id", authorId).append("name", Markdown.text(authorName)))
                .append("authorId", authorId).append("viewCount", 0).append("createdAt", now);
        apply(d, in, true);
        d.append("updatedAt", now);
        String title = d.getString("title");
        String slug = slugs.take(KIND, Slugs.slugify(in.slug() != null ? in.slug() : title, "post-" + id.substring(16)), id);
        d.append("slug", slug);
        seo(d);
        blogs().insertOne(d);
        return adminView(d);
    }

    public Map<String, Object> update(String id, BlogInput in) {
        Document d = find(id);
        String oldTitle = d.getString("title");
        apply(d, in, false);
        if (in.slug() != null || (in.title() != null && !d.getString("title").equals(oldTitle))) {
            String base = Slugs.slugify(in.slug() != null ? in.slug() : d.getString("title"), "post-" + id.substring(Math.max(0, id.length() - 8)));
            d.put("slug", slugs.take(KIND, base, id));
        }
        d.put("updatedAt", new Date());
        seo(d);
        blogs().replaceOne(eq("_id", id), d);
        return adminView(d);
    }

    public void delete(String id) {
        if (blogs().deleteOne(eq("_id", id)).getDeletedCount() == 0) {
            throw ApiException.notFound("Blog post not found");
        }
        slugs.release(KIND, id);
    }

    public Map<String, Object> get(String id) {
        return adminView(find(id));
    }

    public Page<Map<String, Object>> adminList(String status, int page, int limit) {
        Bson filter = status == null ? new Document() : eq("status", status);
        long total = blogs().countDocuments(filter);
        List<Map<String, Object>> items = new ArrayList<>();
        blogs().find(filter).projection(new Document("content", 0).append("contentHtml", 0))
                .sort(Sorts.descending("updatedAt")).skip((page - 1) * limit).limit(limit)
                .forEach(d -> items.add(adminView(d)));
        return new Page<>(items, page, limit, total);
    }

    /** Scheduled posts whose time has come become published in the store. */
    public int publishDue() {
        int moved = 0;
        for (Document d : blogs().find(and(eq("status", "scheduled"), lte("publishedAt", new Date())))) {
            moved += (int) blogs().updateOne(and(eq("_id", d.get("_id")), eq("status", "scheduled")),
                    Updates.combine(Updates.set("status", "published"), Updates.unset("publishAt"),
                            Updates.set("updatedAt", new Date()))).getModifiedCount();
        }
        return moved;
    }

    private Document find(String id) {
        Document d = blogs().find(eq("_id", id)).first();
        if (d == null) {
            throw ApiException.notFound("Blog post not found");
        }
        return d;
    }

    private void apply(Document d, BlogInput in, boolean creating) {
        if (in.title() != null) {
            d.put("title", nonEmpty(Markdown.text(in.title()), "title"));
        }
        if (in.content() != null) {
            String html = Markdown.html(in.content());
            String plain = Markdown.plain(html);
            int words = Markdown.wordCount(plain);
            d.put("content", in.content());
            d.put("contentHtml", html);
            d.put("wordCount", words);
            d.put("readTime", Markdown.readingMinutes(words));
            d.put("autoExcerpt", Markdown.excerpt(plain, 200));
        }
        if (in.excerpt() != null) {
            d.put("customExcerpt", Markdown.text(in.excerpt()));
        }
        String custom = d.getString("customExcerpt");
        d.put("excerpt", custom != null && !custom.isEmpty() ? custom : d.getString("autoExcerpt"));
        if (in.category() != null) {
            d.put("category", nonEmpty(Markdown.text(in.category()), "category"));
        }
        if (in.tags() != null) {
            d.put("tags", Markdown.texts(in.tags()));
        } else if (creating) {
            d.put("tags", List.of());
        }
        putIfGiven(d, "featuredImage", in.featuredImage());
        putIfGiven(d, "canonicalUrlOverride", in.canonicalUrl());
        putIfGiven(d, "ogImageOverride", in.ogImage());
        if (in.metaTitle() != null) {
            d.put("metaTitleOverride", Markdown.text(in.metaTitle()));
        }
        if (in.metaDescription() != null) {
            d.put("metaDescriptionOverride", Markdown.text(in.metaDescription()));
        }
        if (in.featured() != null) {
            d.put("featured", in.featured());
        } else if (creating) {
            d.put("featured", false);
        }
        Instant publishAt = in.publishAt() == null ? null : parseInstant(in.publishAt());
        String status = in.status() != null ? in.status() : creating ? "draft" : null;
        if (status != null || publishAt != null) {
            transition(d, status != null ? status : d.getString("status"), publishAt);
        }
    }

    private static void transition(Document d, String status, Instant publishAt) {
        String before = d.getString("status");
        switch (status) {
            case "scheduled" -> {
                if (publishAt == null) {
                    throw Docs.invalid("publishAt", "is required for a scheduled post (ISO-8601 instant)");
                }
                d.put("publishAt", Date.from(publishAt));
                d.put("publishedAt", Date.from(publishAt));
            }
            case "published" -> {
                if (!"published".equals(before) || d.get("publishedAt") == null) {
                    d.put("publishedAt", new Date());
                }
                d.remove("publishAt");
            }
            default -> d.remove("publishAt");
        }
        d.put("status", status);
    }

    private void seo(Document d) {
        String title = d.getString("title");
        String metaTitle = d.getString("metaTitleOverride");
        d.put("metaTitle", metaTitle != null && !metaTitle.isEmpty() ? metaTitle : Markdown.excerpt(title, 70));
        String metaDescription = d.getString("metaDescriptionOverride");
        d.put("metaDescription", metaDescription != null && !metaDescription.isEmpty() ? metaDescription
                : Markdown.excerpt(d.getString("excerpt") == null ? "" : d.getString("excerpt"), 160));
        String canonical = d.getString("canonicalUrlOverride");
        d.put("canonicalUrl", canonical != null ? canonical : postUrl(d.getString("slug")));
        String og = d.getString("ogImageOverride");
        Object image = og != null ? og : d.get("featuredImage");
        if (image != null) {
            d.put("ogImage", image);
        } else {
            d.remove("ogImage");
        }
    }

    public String postUrl(String slug) {
        return siteUrl() + "/blog/" + java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final Set<String> INTERNAL = Set.of("autoExcerpt", "customExcerpt", "canonicalUrlOverride",
            "ogImageOverride", "metaTitleOverride", "metaDescriptionOverride");

    private Map<String, Object> publicView(Document d) {
        Map<String, Object> v = Docs.publicBody(Docs.view(d, union(INTERNAL, HIDDEN_PUBLIC)), "content", "contentHtml");
        v.put("status", "published");
        v.put("views", d.get("viewCount"));
        return v;
    }

    private Map<String, Object> adminView(Document d) {
        Map<String, Object> v = Docs.view(d, INTERNAL);
        if ("scheduled".equals(d.getString("status")) && d.getDate("publishedAt") != null
                && !d.getDate("publishedAt").after(new Date())) {
            v.put("status", "published");
        }
        v.put("views", d.get("viewCount"));
        return v;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return s;
    }

    static void putIfGiven(Document d, String field, String value) {
        if (value != null) {
            if (value.isBlank()) {
                d.remove(field);
            } else {
                d.put(field, value.strip());
            }
        }
    }

    static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Docs.invalid(field, "is required");
        }
    }

    static String nonEmpty(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Docs.invalid(field, "must contain text");
        }
        return value;
    }

    static Instant parseInstant(String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Docs.invalid("publishAt", "must be an ISO-8601 instant such as 2030-01-01T09:00:00Z");
        }
    }

    public static Bson byId(String id) {
        return Filters.eq("_id", id);
    }
}
