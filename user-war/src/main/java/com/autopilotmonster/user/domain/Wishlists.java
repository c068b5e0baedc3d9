package com.autopilotmonster.user.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.user.client.CatalogProduct;
import com.autopilotmonster.user.client.CatalogTimeoutException;
import com.autopilotmonster.user.client.CatalogUnavailableException;
import com.autopilotmonster.user.client.ProductCatalog;
import com.autopilotmonster.user.client.ProductNotFoundException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * {@code user_db.wishlists}: one document per user, {@code items: [{productId, productName, productPrice,
 * addedAt}]} (the original service's shape). Only products the marketplace answers as active can be added
 * (asked live, with timeout and circuit breaker); a product already listed is not added again (conditional
 * {@code $push}). Read back, every entry shows the catalog's current name, price and availability from this
 * service's product read model: a product that was deleted or unpublished since stays listed,
 * {@code available: false}.
 */
@ApplicationScoped
public class Wishlists {

    public static final String COLLECTION = "wishlists";

    @Inject
    MongoDatabase database;

    @Inject
    ProductCatalog catalog;

    @Inject
    ProductModel products;

    @Inject
    UserSettings settings;

    MongoCollection<Document> wishlists() {
        return database.getCollection(COLLECTION);
    }

    public Map<String, Object> get(String userId) {
        return view(userId, wishlists().find(Filters.eq("userId", userId)).first());
    }

    public int count(String userId) {
        Document doc = wishlists().find(Filters.eq("userId", userId)).first();
        return doc == null ? 0 : doc.getList("items", Document.class, List.of()).size();
    }

    public Map<String, Object> add(String userId, String productId) {
        Document doc = ensure(userId);
        List<Document> items = doc.getList("items", Document.class, List.of());
        if (items.stream().noneMatch(i -> productId.equals(i.getString("productId")))) {
            if (items.size() >= settings.wishlistMax()) {
                throw ApiException.unprocessable("A wishlist holds at most " + settings.wishlistMax() + " products");
            }
            CatalogProduct product = lookUp(productId);
            Document item = new Document("productId", productId).append("productName", product.name())
                    .append("productPrice", product.price().doubleValue()).append("addedAt", new Date());
            if (product.thumbnail() != null) {
                item.append("thumbnail", product.thumbnail());
            }
            // conditional: a concurrent add of the same product leaves one entry
            wishlists().updateOne(Filters.and(Filters.eq("userId", userId), Filters.ne("items.productId", productId)),
                    Updates.combine(Updates.push("items", item), Updates.set("updatedAt", new Date())));
        }
        return get(userId);
    }

    public Map<String, Object> remove(String userId, String productId) {
        long changed = wishlists().updateOne(Filters.and(Filters.eq("userId", userId),
                Filters.eq("items.productId", productId)), Updates.combine(
                Updates.pull("items", new Document("productId", productId)), Updates.set("updatedAt", new Date())))
                .getModifiedCount();
        Map<String, Object> view = get(userId);
        if (changed == 0 && containsNot(view, productId)) {
            throw ApiException.notFound("This product is not in your wishlist");
        }
        return view;
    }

    public void deleteOf(String userId) {
        wishlists().deleteOne(Filters.eq("userId", userId));
    }

    @SuppressWarnings("unchecked")
    private static boolean containsNot(Map<String, Object> view, String productId) {
        return ((List<Map<String, Object>>) view.get("items")).stream().noneMatch(i -> productId.equals(i.get("productId")));
    }

    private CatalogProduct lookUp(String productId) {
        try {
            return catalog.product(productId);
        } catch (ProductNotFoundException e) {
            throw ApiException.notFound("Product not found or not available");
        } catch (CircuitBreakerOpenException e) {
            throw unavailable();
        } catch (CatalogUnavailableException | TimeoutException e) {
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return new ApiException(503, "unavailable", "Service Unavailable",
                "The marketplace is not answering; try again shortly", List.of(), Map.of("Retry-After", "5"));
    }

    private Document ensure(String userId) {
        Document doc = wishlists().find(Filters.eq("userId", userId)).first();
        if (doc != null) {
            return doc;
        }
        ObjectId id = new ObjectId();
        Date now = new Date();
        doc = new Document("_id", id).append("wishlistId", id.toHexString()).append("userId", userId)
                .append("items", new ArrayList<Document>()).append("createdAt", now).append("updatedAt", now);
        try {
            wishlists().insertOne(doc);
            return doc;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return wishlists().find(Filters.eq("userId", userId)).first();
            }
            throw e;
        }
    }

    private Map<String, Object> view(String userId, Document doc) {
        List<Document> items = doc == null ? List.of() : doc.getList("items", Document.class, List.of());
        Map<String, ProductModel.Product> current = products.find(items.stream().map(i -> i.getString("productId")).toList());
        List<Map<String, Object>> views = new ArrayList<>();
        for (Document item : items) {
            String productId = item.getString("productId");
            ProductModel.Product p = current.get(productId);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("productId", productId);
            String name = p != null && p.name() != null ? p.name() : item.getString("productName");
            BigDecimal price = p != null && p.price() != null ? p.price() : Money.of(item.get("productPrice"));
            v.put("productName", name);
            v.put("productPrice", price);
            v.put("price", price);
            v.put("thumbnail", item.getString("thumbnail"));
            // not yet in the read model: it was active when the marketplace answered the add
            boolean available = p == null || p.available();
            v.put("available", available);
            v.put("status", p == null ? "active" : p.deleted() ? "deleted" : p.status());
            v.put("addedAt", item.getDate("addedAt") == null ? null : item.getDate("addedAt").toInstant());
            v.values().removeIf(java.util.Objects::isNull);
            views.add(v);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        if (doc != null) {
            view.put("_id", doc.getObjectId("_id").toHexString());
            view.put("wishlistId", doc.getString("wishlistId"));
        }
        view.put("userId", userId);
        view.put("items", views);
        view.put("count", views.size());
        if (doc != null && doc.getDate("updatedAt") != null) {
            view.put("updatedAt", doc.getDate("updatedAt").toInstant());
        }
        return view;
    }
}
