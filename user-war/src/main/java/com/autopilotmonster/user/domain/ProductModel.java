package com.autopilotmonster.user.domain;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@code user_db.products}: this service's read model of the catalog, kept from {@code product.created},
 * {@code product.updated} and {@code product.deleted} (never asked of the marketplace at read time). It
 * holds what the wishlist shows (name, price, status) and the private {@code deliveryUrl} of the file a
 * buyer downloads. {@code _id} is the product id. A deleted product stays as a tombstone, so a stale
 * update delivered after the delete cannot bring it back.
 */
@ApplicationScoped
public class ProductModel {

    public static final String COLLECTION = "products";

    @Inject
    MongoDatabase database;

    MongoCollection<Document> products() {
        return database.getCollection(COLLECTION);
    }

    public record Product(String productId, String name, BigDecimal price, String status, boolean deleted,
                          String deliveryUrl) {

        public boolean available() {
            return !deleted && "active".equals(status);
        }
    }

    public void upsert(String productId, String vendorId, String name, BigDecimal price, String currency,
                       String category, String status, String deliveryUrl) {
        List<Bson> set = new ArrayList<>();
        set.add(Updates.set("productId", productId));
        set.add(Updates.set("updatedAt", new Date()));
        setIfPresent(set, "vendorId", vendorId);
        setIfPresent(set, "name", name);
        if (price != null) {
            set.add(Updates.set("price", price.doubleValue()));
        }
        setIfPresent(set, "currency", currency);
        setIfPresent(set, "category", category);
        setIfPresent(set, "status", status);
        set.add(deliveryUrl == null || deliveryUrl.isBlank() ? Updates.unset("deliveryUrl")
                : Updates.set("deliveryUrl", deliveryUrl));
        try {
            products().updateOne(Filters.and(Filters.eq("_id", productId), Filters.ne("deleted", true)),
                    Updates.combine(set), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the tombstone of a deleted product: a late update does not bring it back
        }
    }

    public void deleted(String productId) {
        products().updateOne(Filters.eq("_id", productId), Updates.combine(Updates.set("productId", productId),
                Updates.set("deleted", true), Updates.set("status", "deleted"), Updates.set("updatedAt", new Date())),
                new UpdateOptions().upsert(true));
    }

    public Product find(String productId) {
        Document d = products().find(Filters.eq("_id", productId)).first();
        return d == null ? null : of(d);
    }

    public Map<String, Product> find(Collection<String> productIds) {
        Map<String, Product> found = new HashMap<>();
        if (productIds.isEmpty()) {
            return found;
        }
        products().find(Filters.in("_id", productIds)).forEach(d -> found.put(d.getString("_id"), of(d)));
        return found;
    }

    private static Product of(Document d) {
        return new Product(d.getString("_id"), d.getString("name"), Money.of(d.get("price")), d.getString("status"),
                Boolean.TRUE.equals(d.getBoolean("deleted")), d.getString("deliveryUrl"));
    }

    private static void setIfPresent(List<Bson> set, String field, String value) {
        if (value != null) {
            set.add(Updates.set(field, value));
        }
    }
}
