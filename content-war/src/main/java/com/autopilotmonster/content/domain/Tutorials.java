package com.autopilotmonster.content.domain;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.content.domain.Inputs.StepInput;
import com.autopilotmonster.content.domain.Inputs.TutorialInput;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/** Tutorials: Markdown body and ordered steps (each rendered and sanitised), difficulty, duration, related products. */
@ApplicationScoped
public class Tutorials {

    public static final String COLLECTION = "tutorials";
    public static final String KIND = "tutorial";

    @Inject
    MongoDatabase db;

    @Inject
    Slugs slugs;

    MongoCollection<Document> tutorials() {
        return db.getCollection(COLLECTION);
    }

    public Page<Map<String, Object>> list(String category, String difficulty, String search, int page, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(eq("status", "published")));
        if (category != null && !category.isBlank()) {
            filters.add(eq("category", Markdown.text(category)));
        }
        if (difficulty != null) {
            filters.add(eq("difficulty", difficulty));
        }
        if (search != null && !search.isBlank()) {
            filters.add(or(Docs.contains("title", search.strip()), Docs.contains("description", search.strip())));
        }
        Bson filter = and(filters);
        long total = tutorials().countDocuments(filter);
        List<Map<String, Object>> items = new ArrayList<>();
        tutorials().find(filter).projection(new Document("content", 0).append("contentHtml", 0).append("steps", 0))
                .sort(Sorts.descending("createdAt")).skip((page - 1) * limit).limit(limit)
                .forEach(d -> items.add(Docs.publicBody(Docs.view(d, Set.of()), "content", "contentHtml")));
        return new Page<>(items, page, limit, total);
    }

    public Map<String, Object> bySlug(String slug) {
        Document d = tutorials().findOneAndUpdate(and(eq("slug", slug), eq("status", "published")), Updates.inc("viewCount", 1));
        if (d == null) {
            throw ApiException.notFound("Tutorial not found");
        }
        return Docs.publicBody(Docs.view(d, Set.of()), "content", "contentHtml");
    }

    public Map<String, Object> create(TutorialInput in, String authorId, String authorName) {
        Blogs.require(in.title(), "title");
        Blogs.require(in.description(), "description");
        Blogs.require(in.category(), "category");
        if (in.duration() == null) {
            throw Docs.invalid("duration", "is required (minutes)");
        }
        String id = new ObjectId().toHexString();
        Date now = new Date();
        Document d = new Document("_id", id).append("tutorialId", id).append("authorId", authorId)
                .append("author", Markdown.text(authorName)).append("viewCount", 0).append("createdAt", now);
        apply(d, in);
        d.putIfAbsent("status", "draft");
        d.putIfAbsent("difficulty", "beginner");
        d.putIfAbsent("steps", List.of());
        d.putIfAbsent("relatedProducts", List.of());
        d.putIfAbsent("tags", List.of());
        d.putIfAbsent("content", "");
        d.putIfAbsent("contentHtml", "");
        d.append("updatedAt", now);
        d.append("slug", slugs.take(KIND, Slugs.slugify(in.slug() != null ? in.slug() : d.getString("title"), "tutorial-" + id.substring(16)), id));
        tutorials().insertOne(d);
        return Docs.view(d, Set.of());
    }

    public Map<String, Object> update(String id, TutorialInput in) {
        Document d = find(id);
        String oldTitle = d.getString("title");
        apply(d, in);
        if (in.slug() != null || (in.title() != null && !oldTitle.equals(d.getString("title")))) {
            d.put("slug", slugs.take(KIND, Slugs.slugify(in.slug() != null ? in.slug() : d.getString("title"), "tutorial-" + id.substring(16)), id));
        }
        d.put("updatedAt", new Date());
        d.remove("viewCount");
        d.remove("_id");
        tutorials().updateOne(eq("_id", id), new Document("$set", d));
        return Docs.view(find(id), Set.of());
    }

    public Map<String, Object> get(String id) {
        return Docs.view(find(id), Set.of());
    }

    public void delete(String id) {
        if (tutorials().deleteOne(eq("_id", id)).getDeletedCount() == 0) {
            throw ApiException.notFound("Tutorial not found");
        }
        slugs.release(KIND, id);
    }

    public List<Document> allPublished() {
        List<Document> out = new ArrayList<>();
        tutorials().find(eq("status", "published")).projection(new Document("slug", 1).append("updatedAt", 1)).forEach(out::add);
        return out;
    }

    private Document find(String id) {
        Document d = tutorials().find(eq("_id", id)).first();
        if (d == null) {
            throw ApiException.notFound("Tutorial not found");
        }
        return d;
    }

    private static void apply(Document d, TutorialInput in) {
        if (in.title() != null) {
            d.put("title", Blogs.nonEmpty(Markdown.text(in.title()), "title"));
        }
        if (in.description() != null) {
            d.put("description", Markdown.text(in.description()));
        }
        if (in.content() != null) {
            d.put("content", in.content());
            d.put("contentHtml", Markdown.html(in.content()));
        }
        if (in.category() != null) {
            d.put("category", Blogs.nonEmpty(Markdown.text(in.category()), "category"));
        }
        if (in.difficulty() != null) {
            d.put("difficulty", in.difficulty());
        }
        if (in.duration() != null) {
            d.put("duration", in.duration());
        }
        if (in.steps() != null) {
            List<Document> steps = new ArrayList<>();
            int n = 1;
            for (StepInput s : in.steps()) {
                Document step = new Document("order", n++).append("title", Blogs.nonEmpty(Markdown.text(s.title()), "steps.title"))
                        .append("content", s.content() == null ? "" : s.content())
                        .append("contentHtml", Markdown.html(s.content()));
                if (s.imageUrl() != null) {
                    step.append("imageUrl", s.imageUrl());
                }
                steps.add(step);
            }
            d.put("steps", steps);
        }
        if (in.relatedProducts() != null) {
            d.put("relatedProducts", in.relatedProducts().stream().distinct().toList());
        }
        Blogs.putIfGiven(d, "videoUrl", in.videoUrl());
        if (in.tags() != null) {
            d.put("tags", Markdown.texts(in.tags()));
        }
        if (in.status() != null) {
            d.put("status", in.status());
        }
    }
}
