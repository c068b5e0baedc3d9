package com.autopilotmonster.content.domain;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.content.domain.Inputs.HelpInput;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Help articles and their "was this helpful?" votes. One vote per (article, voter): the vote document's
 * {@code _id} is {@code articleId:voter}, so a second insert for the same pair fails in the store whatever
 * the timing; only the insert that succeeded (or a vote that really changed) moves the counters, with an
 * atomic {@code $inc}. The counts therefore equal the votes exactly, also under concurrency.
 */
@ApplicationScoped
public class HelpCentre {

    public static final String COLLECTION = "help_articles";
    public static final String VOTES = "help_votes";
    public static final String KIND = "help";

    @Inject
    MongoDatabase db;

    @Inject
    Slugs slugs;

    MongoCollection<Document> articles() {
        return db.getCollection(COLLECTION);
    }

    MongoCollection<Document> votes() {
        return db.getCollection(VOTES);
    }

    /** Published articles, by category then order then title. */
    public Page<Map<String, Object>> list(String category, String search, int page, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(eq("status", "published")));
        if (category != null && !category.isBlank()) {
            filters.add(eq("category", Markdown.text(category)));
        }
        if (search != null && !search.isBlank()) {
            String s = search.strip();
            filters.add(or(Docs.contains("title", s), Docs.contains("content", s), Docs.contains("tags", s)));
        }
        Bson filter = and(filters);
        long total = articles().countDocuments(filter);
        List<Map<String, Object>> items = new ArrayList<>();
        // The web client's HelpArticle carries content: the list answers the sanitised HTML (never the Markdown source).
        articles().find(filter).projection(new Document("content", 0))
                .sort(Sorts.orderBy(Sorts.ascending("category"), Sorts.ascending("order"), Sorts.ascending("title")))
                .skip((page - 1) * limit).limit(limit).forEach(d -> items.add(Docs.publicBody(Docs.view(d, Set.of()), "content", "contentHtml")));
        return new Page<>(items, page, limit, total);
    }

    /** The published categories with their article counts (drafts not counted), by name. */
    public List<Map<String, Object>> categories() {
        List<Map<String, Object>> categories = new ArrayList<>();
        articles().aggregate(List.of(Aggregates.match(eq("status", "published")),
                        Aggregates.group("$category", Accumulators.sum("count", 1)), Aggregates.sort(Sorts.ascending("_id"))))
                .forEach(g -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("name", g.get("_id"));
                    c.put("count", g.get("count"));
                    categories.add(c);
                });
        return categories;
    }

    public Map<String, Object> bySlug(String slug) {
        Document d = articles().findOneAndUpdate(and(eq("slug", slug), eq("status", "published")), Updates.inc("viewCount", 1));
        if (d == null) {
            throw ApiException.notFound("Help article not found");
        }
        return Docs.publicBody(Docs.view(d, Set.of()), "content", "contentHtml");
    }

    /**
     * Records the voter's vote; answers the article's counts and the voter's vote. The article is named by its slug
     * or by its id (the original web client's {@code markHelpful} sends the id).
     */
    public Map<String, Object> feedback(String slugOrId, boolean helpful, String voter) {
        Document article = articles().find(and(or(eq("slug", slugOrId), eq("_id", slugOrId)), eq("status", "published"))).first();
        if (article == null) {
            throw ApiException.notFound("Help article not found");
        }
        String articleId = article.getString("_id");
        String voteId = articleId + ":" + voter;
        try {
            votes().insertOne(new Document("_id", voteId).append("articleId", articleId).append("voter", voter)
                    .append("helpful", helpful).append("createdAt", new Date()));
            articles().updateOne(eq("_id", articleId), Updates.inc(helpful ? "helpful" : "notHelpful", 1));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // changed mind: only the request that flips the stored vote moves the counters
            Document flipped = votes().findOneAndUpdate(and(eq("_id", voteId), eq("helpful", !helpful)),
                    Updates.combine(Updates.set("helpful", helpful), Updates.set("updatedAt", new Date())));
            if (flipped != null) {
                articles().updateOne(eq("_id", articleId), Updates.combine(
                        Updates.inc(helpful ? "helpful" : "notHelpful", 1), Updates.inc(helpful ? "notHelpful" : "helpful", -1)));
            }
        }
        Document now = articles().find(eq("_id", articleId)).first();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("articleId", articleId);
        out.put("helpful", now.get("helpful"));
        out.put("notHelpful", now.get("notHelpful"));
        out.put("yourVote", helpful);
        return out;
    }

    // ---- admin

    public Map<String, Object> create(HelpInput in) {
        Blogs.require(in.title(), "title");
        Blogs.require(in.content(), "content");
        Blogs.require(in.category(), "category");
        String id = new ObjectId().toHexString();
        Date now = new Date();
        Document d = new Document("_id", id).append("articleId", id).append("helpful", 0).append("notHelpful", 0)
                .append("viewCount", 0).append("createdAt", now).append("updatedAt", now);
        apply(d, in);
        d.putIfAbsent("status", "published");
        d.putIfAbsent("tags", List.of());
        d.putIfAbsent("order", 0);
        d.append("slug", slugs.take(KIND, Slugs.slugify(in.slug() != null ? in.slug() : d.getString("title"), "article-" + id.substring(16)), id));
        articles().insertOne(d);
        return Docs.view(d, Set.of());
    }

    public Map<String, Object> update(String id, HelpInput in) {
        Document d = find(id);
        String oldTitle = d.getString("title");
        apply(d, in);
        if (in.slug() != null || (in.title() != null && !oldTitle.equals(d.getString("title")))) {
            d.put("slug", slugs.take(KIND, Slugs.slugify(in.slug() != null ? in.slug() : d.getString("title"), "article-" + id.substring(16)), id));
        }
        d.put("updatedAt", new Date());
        // counters are only ever moved by $inc; never overwrite them with a stale copy
        d.remove("helpful");
        d.remove("notHelpful");
        d.remove("viewCount");
        d.remove("_id");
        articles().updateOne(eq("_id", id), new Document("$set", d));
        return Docs.view(find(id), Set.of());
    }

    public Map<String, Object> get(String id) {
        return Docs.view(find(id), Set.of());
    }

    public void delete(String id) {
        if (articles().deleteOne(eq("_id", id)).getDeletedCount() == 0) {
            throw ApiException.notFound("Help article not found");
        }
        votes().deleteMany(eq("articleId", id));
        slugs.release(KIND, id);
    }

    private Document find(String id) {
        Document d = articles().find(eq("_id", id)).first();
        if (d == null) {
            throw ApiException.notFound("Help article not found");
        }
        return d;
    }

    private static void apply(Document d, HelpInput in) {
        if (in.title() != null) {
            d.put("title", Blogs.nonEmpty(Markdown.text(in.title()), "title"));
        }
        if (in.content() != null) {
            d.put("content", in.content());
            d.put("contentHtml", Markdown.html(in.content()));
        }
        if (in.category() != null) {
            d.put("category", Blogs.nonEmpty(Markdown.text(in.category()), "category"));
        }
        if (in.tags() != null) {
            d.put("tags", Markdown.texts(in.tags()));
        }
        if (in.status() != null) {
            d.put("status", in.status());
        }
        if (in.order() != null) {
            d.put("order", in.order());
        }
    }

    public List<Document> allPublished() {
        List<Document> out = new ArrayList<>();
        articles().find(eq("status", "published")).projection(new Document("slug", 1).append("updatedAt", 1)).forEach(out::add);
        return out;
    }
}
