package com.autopilotmonster.marketplace.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.marketplace.events.ProductEvents;
import com.autopilotmonster.marketplace.events.VendorStatuses;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Creating, reading, editing, moderating and deleting products, with the ownership rules: vendors act on
 * their own products only (403 on another's), admins on any; anonymous callers and other users see active
 * products only (404 otherwise, so nothing leaks). Each write invalidates the cache and records its event.
 */
@ApplicationScoped
public class ProductCatalog {

    @Inject
    MongoDatabase database;

    @Inject
    CurrentUser currentUser;

    @Inject
    CatalogCache cache;

    @Inject
    ProductEvents events;

    @Inject
    VendorStatuses vendorStatuses;

    /** The one currency the platform sells in: orders are charged in it, so no product may be priced in another. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "marketplace.currency", defaultValue = "USD")
    String platformCurrency;

    MongoCollection<Document> products() {
        return database.getCollection(Product.COLLECTION);
    }

    /** New products start {@code pending} (moderation); admins may create on behalf of a vendor. */
    public Product create(ProductData data, String requestedVendorId) {
        String vendorId = currentUser.id();
        if (requestedVendorId != null && !requestedVendorId.equals(vendorId)) {
            if (!currentUser.isAdmin()) {
                throw ApiException.forbidden("Vendors create products for themselves only");
            }
            vendorId = requestedVendorId;
        }
        checkPrices(data.price(), data.originalPrice());
        checkCurrency(data.currency());
        // the vendor's display name from the token; an admin creating on a vendor's behalf has none to give
        String vendorName = vendorId.equals(currentUser.id()) ? currentUser.name() : null;
        Document document = Product.newDocument(vendorId, vendorName,
                data.currency() == null ? platformCurrency : data.currency(), data, Instant.now());
        products().insertOne(document);
        Product product = Product.of(document);
        cache.invalidate();
        events.created(product);
        return product;
    }

    /** A product as the caller may see it: active for everyone, any status for its vendor and for admins. */
    public Product get(String id) {
        ObjectId objectId = parseId(id);
        Product active = cache.get("product:" + id, Product.class,
                () -> find(objectId).filter(Product::isActive), null);
        if (active != null) {
            return active;
        }
        return find(objectId).filter(this::mayManage).orElseThrow(() -> ApiException.notFound("Product not found"));
    }

    public Product update(String id, ProductChange change) {
        Product current = manageable(id);
        boolean admin = currentUser.isAdmin();
        if (!admin) {
            refuseVendorPrivilegedFields(change, current);
        } else if (change.rating() != null || change.reviewCount() != null) {
            throw ApiException.badRequest("rating and reviewCount are computed from reviews");
        }
        Document set = new Document();
        Document unset = new Document();
        putIfPresent(set, "name", change.name());
        putIfPresent(set, "description", change.description());
        putIfPresent(set, "category", change.category());
        putIfPresent(set, "tags", change.tags());
        putIfPresent(set, "images", change.images());
        putIfPresent(set, "thumbnail", change.thumbnail());
        putIfPresent(set, "deliveryUrl", change.deliveryUrl());
        if (change.currency() != null) {
            checkCurrency(change.currency());
            set.put("currency", change.currency());
        }
        BigDecimal price = change.price() != null ? change.price() : current.price();
        BigDecimal originalPrice = change.originalPrice() != null ? change.originalPrice() : current.originalPrice();
        checkPrices(price, originalPrice);
        if (change.price() != null) {
            set.put("price", change.price().doubleValue());
        }
        if (change.originalPrice() != null) {
            set.put("originalPrice", change.originalPrice().doubleValue());
        }
        if (ProductStatus.ACTIVE.equals(change.status())) {
            // only a vendor the marketplace knows as active can have products published (409 otherwise)
            vendorStatuses.requirePublishable(admin && change.vendorId() != null ? change.vendorId() : current.vendorId());
        }
        if (change.status() != null) {
            moderate(change, set, unset);
        }
        putIfPresent(set, "isFeatured", change.featured());
        putIfPresent(set, "isPopular", change.popular());
        putIfPresent(set, "downloadCount", change.downloadCount());
        if (admin && change.vendorId() != null) {
            set.put("vendorId", change.vendorId());
        }
        if (set.isEmpty() && unset.isEmpty()) {
            throw ApiException.badRequest("Nothing to update");
        }
        set.put("updatedAt", new Date());
        Document update = new Document("$set", set);
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        // a partial update: concurrent review sums ($inc) are never overwritten by an edit
        Document after = products().findOneAndUpdate(Filters.eq("_id", new ObjectId(current.id())), update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            throw ApiException.notFound("Product not found");
        }
        Product product = Product.of(after);
        cache.invalidate();
        events.updated(product);
        return product;
    }

    public Product delete(String id) {
        Product current = manageable(id);
        Document deleted = products().findOneAndDelete(Filters.eq("_id", new ObjectId(current.id())));
        if (deleted == null) {
            throw ApiException.notFound("Product not found");
        }
        database.getCollection(Review.COLLECTION).deleteMany(Filters.eq("productId", current.id()));
        Product product = Product.of(deleted);
        cache.invalidate();
        events.deleted(product);
        return product;
    }

    /** The product if the caller may change it: admins any, vendors their own (another's is 403). */
    private Product manageable(String id) {
        ObjectId objectId = parseId(id);
        Product product = find(objectId).orElseThrow(() -> ApiException.notFound("Product not found"));
        if (!mayManage(product)) {
            throw ApiException.forbidden("You can only change your own products");
        }
        return product;
    }

    private boolean mayManage(Product product) {
        return currentUser.isAuthenticated()
                && (currentUser.isAdmin() || (currentUser.isVendor() && currentUser.id().equals(product.vendorId())));
    }

    Optional<Product> find(ObjectId id) {
        return Optional.ofNullable(products().find(Filters.eq("_id", id)).first()).map(Product::of);
    }

    /** Admins moderate (any status; {@code rejected} needs a reason); vendors only withdraw or resubmit. */
    private void moderate(ProductChange change, Document set, Document unset) {
        if (ProductStatus.REJECTED.equals(change.status())) {
            if (change.reason() == null || change.reason().isBlank()) {
                throw ApiException.badRequest("A reason is required to reject a product");
            }
            set.put("rejectionReason", change.reason().strip());
        } else {
            unset.put("rejectionReason", "");
        }
        set.put("status", change.status());
    }

    /** A vendor sending a field it may not set is refused as a whole (403), naming the fields. */
    private static void refuseVendorPrivilegedFields(ProductChange change, Product current) {
        List<String> refused = new ArrayList<>();
        if (change.status() != null && !ProductStatus.VENDOR_SETTABLE.contains(change.status())) {
            refused.add("status=" + change.status());
        }
        if (change.featured() != null) {
            refused.add("isFeatured");
        }
        if (change.popular() != null) {
            refused.add("isPopular");
        }
        if (change.downloadCount() != null) {
            refused.add("downloadCount");
        }
        if (change.rating() != null) {
            refused.add("rating");
        }
        if (change.reviewCount() != null) {
            refused.add("reviewCount");
        }
        if (change.vendorId() != null && !change.vendorId().equals(current.vendorId())) {
            refused.add("vendorId");
        }
        if (!refused.isEmpty()) {
            throw ApiException.forbidden("Only admins may set " + String.join(", ", refused));
        }
    }

    private void checkCurrency(String currency) {
        if (currency != null && !currency.equals(platformCurrency)) {
            throw ApiException.unprocessable("Products are priced in " + platformCurrency + "; " + currency
                    + " is not sold on this platform");
        }
    }

    private static void checkPrices(BigDecimal price, BigDecimal originalPrice) {
        if (originalPrice != null && price != null && originalPrice.compareTo(price) < 0) {
            throw ApiException.badRequest("originalPrice must be at least price");
        }
    }

    private static void putIfPresent(Document document, String field, Object value) {
        if (value != null) {
            document.put(field, value);
        }
    }

    public static ObjectId parseId(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            throw ApiException.badRequest("Malformed product id");
        }
        return new ObjectId(id);
    }
}
