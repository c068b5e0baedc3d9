package com.autopilotmonster.marketplace.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bson.types.ObjectId;

/**
 * Categories (JNoSQL entities) with the number of active products in each (one aggregation over products).
 * Slugs are unique (unique index -> 409). Renaming a slug moves its products along; a category still used by
 * products cannot be deleted (409), so no product points at a missing category through this API.
 */
@ApplicationScoped
public class Categories {

    /** A category and its count of active products; what the (cached) listing returns. */
    public record Counted(String id, String name, String slug, String description, long productCount,
                          java.time.Instant createdAt, java.time.Instant updatedAt) {
    }

    /** The cached list. */
    public record CountedList(List<Counted> items) {
    }

    @Inject
    Template template;

    @Inject
    MongoDatabase database;

    @Inject
    CatalogCache cache;

    public List<Counted> list() {
        return cache.get("categories", CountedList.class, () -> Optional.of(new CountedList(load())), null).items();
    }

    private List<Counted> load() {
        Map<String, Long> counts = new HashMap<>();
        database.getCollection(Product.COLLECTION).aggregate(List.of(
                        Aggregates.match(Filters.eq("status", ProductStatus.ACTIVE)),
                        Aggregates.group("$category", Accumulators.sum("count", 1))))
                .forEach(d -> counts.put(String.valueOf(d.get("_id")), ((Number) d.get("count")).longValue()));
        List<Counted> result = new ArrayList<>();
        template.select(Category.class).orderBy("name").asc().<Category>result().forEach(c -> result.add(
                new Counted(c.id(), c.name(), c.slug(), c.description(), counts.getOrDefault(c.slug(), 0L),
                        c.createdAt(), c.updatedAt())));
        return result;
    }

    public Counted create(String name, String slug, String description) {
        Category category = Category.create(name, slug != null ? slug : slugOf(name), description);
        try {
            template.insert(category);
        } catch (RuntimeException e) {
            throw conflictOr(e, category.slug());
        }
        cache.invalidate();
        return counted(category);
    }

    public Counted update(String id, String name, String slug, String description) {
        Category category = byId(id);
        String oldSlug = category.slug();
        category.change(name, slug, description);
        try {
            template.update(category);
        } catch (RuntimeException e) {
            throw conflictOr(e, category.slug());
        }
        if (!oldSlug.equals(category.slug())) {
            database.getCollection(Product.COLLECTION).updateMany(Filters.eq("category", oldSlug),
                    Updates.set("category", category.slug()));
        }
        cache.invalidate();
        return counted(category);
    }

    public void delete(String id) {
        Category category = byId(id);
        long used = database.getCollection(Product.COLLECTION).countDocuments(Filters.eq("category", category.slug()));
        if (used > 0) {
            throw ApiException.conflict("Category '" + category.slug() + "' still has " + used + " product(s)");
        }
        template.delete(Category.class, category.id());
        cache.invalidate();
    }

    private Category byId(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            throw ApiException.badRequest("Malformed category id");
        }
        return template.find(Category.class, id).orElseThrow(() -> ApiException.notFound("Category not found"));
    }

    private Counted counted(Category c) {
        long count = database.getCollection(Product.COLLECTION).countDocuments(
                Filters.and(Filters.eq("status", ProductStatus.ACTIVE), Filters.eq("category", c.slug())));
        return new Counted(c.id(), c.name(), c.slug(), c.description(), count, c.createdAt(), c.updatedAt());
    }

    private static RuntimeException conflictOr(RuntimeException e, String slug) {
        return StoreErrors.isDuplicateKey(e) ? ApiException.conflict("A category with slug '" + slug + "' exists") : e;
    }

    /** "AI Agents & Bots" -> "ai-agents-bots". */
    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty() || slug.length() > 60) {
            throw ApiException.badRequest("Give a slug (a-z, 0-9 and hyphens, up to 60 characters)");
        }
        return slug;
    }
}
