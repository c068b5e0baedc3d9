package com.autopilotmonster.marketplace.domain;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Catalog listings: filters, sorting, paging and text search. Search matches name and description
 * case-insensitively by a regex built from the ESCAPED input ({@link LiteralPattern}: never a caller-supplied
 * pattern, so no regex bombs or operators get through), and tags by equality - mongo-java-server has no
 * {@code $text}. Name matches rank first: two tiers (name matches, then description/tag-only matches), each
 * in the requested order, paged as one list.
 */
@ApplicationScoped
public class ProductQueries {

    /** A cached page: items plus total (the page and limit are part of the key). */
    public record ProductPage(List<Product> items, long total) {
    }

    @Inject
    MongoDatabase database;

    @Inject
    CatalogCache cache;

    @Inject
    @ConfigProperty(name = "marketplace.popular.min-downloads", defaultValue = "100")
    long popularMinDownloads;

    private MongoCollection<Document> products() {
        return database.getCollection(Product.COLLECTION);
    }

    /** A listing straight from the store, never cached: the admin moderation views ({@code status} set). */
    public Page<Product> list(ProductFilter filter, PageRequest paging) {
        return query(filter, paging);
    }

    /**
     * The public listing's answer as JSON, from the cache, else {@code render}ed from the store and cached: the
     * serialised answer is cached, not the products, so a hit is written out as it is.
     */
    public byte[] publicListJson(ProductFilter filter, PageRequest paging, Function<Page<Product>, byte[]> render) {
        if (filter.status() != null) {
            throw new IllegalArgumentException("a listing by status is not public");
        }
        // "listing:", not the earlier "list:" (a cached ProductPage): another shape under another name
        String key = "listing:" + CatalogCache.digest(filter.cacheKey() + "|" + paging.page() + "|" + paging.limit());
        return cache.json(key, () -> Optional.of(render.apply(query(filter, paging))));
    }

    /** A vendor's own products in every status (or one status). */
    public Page<Product> ofVendor(String vendorId, String status, ProductSort sort, PageRequest paging) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("vendorId", vendorId)));
        if (status != null) {
            filters.add(Filters.eq("status", status));
        }
        Bson filter = Filters.and(filters);
        long total = products().countDocuments(filter);
        return new Page<>(find(filter, sort.order(), paging.offset(), paging.limit()), paging.page(), paging.limit(),
                total);
    }

    /** Admin-flagged featured products (optionally of one category), best rated first. */
    public List<Product> featured(String category, int limit) {
        return cache.get("featured:" + category + ":" + limit, ProductPage.class, () -> Optional.of(new ProductPage(
                find(Filters.and(publicIn(category), Filters.eq("isFeatured", true)), ProductSort.RATING.order(), 0,
                        limit), 0)), null).items();
    }

    /** Admin-flagged popular products first, then the most downloaded (at least {@code marketplace.popular.min-downloads}). */
    public List<Product> popular(String category, int limit) {
        return cache.get("popular:" + category + ":" + limit, ProductPage.class, () -> Optional.of(new ProductPage(
                find(Filters.and(publicIn(category), Filters.or(Filters.eq("isPopular", true),
                        Filters.gte("downloadCount", popularMinDownloads))), ProductSort.POPULAR.order(), 0, limit),
                0)), null).items();
    }

    private static Bson publicIn(String category) {
        Bson active = Filters.eq("status", ProductStatus.ACTIVE);
        return category == null ? active : Filters.and(active, Filters.eq("category", category));
    }

    private Page<Product> query(ProductFilter filter, PageRequest paging) {
        ProductPage page = pageOf(filter, paging);
        return new Page<>(page.items(), paging.page(), paging.limit(), page.total());
    }

    private ProductPage pageOf(ProductFilter filter, PageRequest paging) {
        Bson base = Filters.and(conditions(filter));
        Bson order = filter.sort().order();
        if (filter.text() == null) {
            return new ProductPage(find(base, order, paging.offset(), paging.limit()), products().countDocuments(base));
        }
        Pattern pattern = LiteralPattern.of(filter.text());
        Bson nameMatches = Filters.and(base, Filters.regex("name", pattern));
        Bson otherMatches = Filters.and(base, Filters.nor(Filters.regex("name", pattern)),
                Filters.or(Filters.regex("description", pattern), tagMatches(filter.text())));
        long nameTotal = products().countDocuments(nameMatches);
        long otherTotal = products().countDocuments(otherMatches);
        List<Product> items = new ArrayList<>();
        if (paging.offset() < nameTotal) {
            items.addAll(find(nameMatches, order, paging.offset(), paging.limit()));
        }
        int remaining = paging.limit() - items.size();
        if (remaining > 0) {
            long otherOffset = Math.max(0, paging.offset() - nameTotal);
            items.addAll(find(otherMatches, order, otherOffset, remaining));
        }
        return new ProductPage(items, nameTotal + otherTotal);
    }

    /**
     * A tag matches when it equals the search text (tags are stored lower-case and trimmed). Not a regex: on an
     * array field mongo-java-server also matches a regex against the array's text ("[a, b]"), so {@code [} or
     * {@code ,} would match every product, and it has no {@code $elemMatch} with {@code $regex}. An equality also
     * uses the tags index on MongoDB.
     */
    private static Bson tagMatches(String text) {
        return Filters.eq("tags", text.toLowerCase(java.util.Locale.ROOT));
    }

    private static List<Bson> conditions(ProductFilter f) {
        List<Bson> c = new ArrayList<>();
        c.add(Filters.eq("status", f.status() == null ? ProductStatus.ACTIVE : f.status()));
        if (f.category() != null) {
            c.add(Filters.eq("category", f.category()));
        }
        if (f.vendorId() != null) {
            c.add(Filters.eq("vendorId", f.vendorId()));
        }
        if (f.tags() != null && !f.tags().isEmpty()) {
            c.add(Filters.all("tags", f.tags()));
        }
        if (f.minPrice() != null) {
            c.add(Filters.gte("price", f.minPrice().doubleValue()));
        }
        if (f.maxPrice() != null) {
            c.add(Filters.lte("price", f.maxPrice().doubleValue()));
        }
        if (f.minRating() != null) {
            c.add(Filters.gte("rating", f.minRating()));
        }
        if (f.featured() != null) {
            c.add(Filters.eq("isFeatured", f.featured()));
        }
        if (f.popular() != null) {
            c.add(Filters.eq("isPopular", f.popular()));
        }
        return c;
    }

    private List<Product> find(Bson filter, Bson order, long offset, int limit) {
        return products().find(filter).sort(order).skip((int) offset).limit(limit).map(Product::of)
                .into(new ArrayList<>());
    }
}
