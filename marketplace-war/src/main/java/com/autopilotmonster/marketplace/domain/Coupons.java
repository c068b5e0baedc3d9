package com.autopilotmonster.marketplace.domain;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.problem.ApiException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The coupons collection: admins' CRUD, with the rules that keep a coupon coherent checked before any write. */
@ApplicationScoped
public class Coupons {

    @Inject
    MongoDatabase database;

    @Inject
    @ConfigProperty(name = "marketplace.currency", defaultValue = "USD")
    String platformCurrency;

    /** A coupon's definition; on update, null means "unchanged". */
    public record Definition(String code, String type, BigDecimal value, String currency, BigDecimal minSubtotal,
                             Instant startsAt, Instant endsAt, Long maxUses, Long maxUsesPerUser, String scope,
                             List<String> scopeIds, Boolean active, String description) {
    }

    MongoCollection<Document> coupons() {
        return database.getCollection(Coupon.COLLECTION);
    }

    public String currency() {
        return platformCurrency;
    }

    public Coupon create(Definition d) {
        Document doc = new Document("code", Coupon.normalizeCode(d.code())).append("type", d.type())
                .append("value", Coupon.stored(d.value()))
                .append("currency", d.currency() == null ? platformCurrency : d.currency())
                .append("minSubtotal", Coupon.stored(d.minSubtotal())).append("startsAt", Coupon.date(d.startsAt()))
                .append("endsAt", Coupon.date(d.endsAt())).append("maxUses", d.maxUses())
                .append("maxUsesPerUser", d.maxUsesPerUser()).append("used", 0L)
                .append("scope", d.scope() == null ? "all" : d.scope())
                .append("scopeIds", d.scopeIds() == null ? List.of() : d.scopeIds())
                .append("active", d.active() == null || d.active()).append("description", d.description());
        check(Coupon.of(doc.append("_id", new ObjectId())));
        Date now = new Date();
        doc.append("createdAt", now).append("updatedAt", now);
        try {
            coupons().insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw ApiException.conflict("A coupon with code " + doc.getString("code") + " exists already");
            }
            throw e;
        }
        return Coupon.of(doc);
    }

    /** Everything but the code and the use count may change; the result must still be a coherent coupon. */
    public Coupon update(String id, Definition d) {
        Coupon current = get(id);
        Coupon next = new Coupon(current.id(), current.code(), or(d.type(), current.type()), or(d.value(), current.value()),
                or(d.currency(), current.currency()), or(d.minSubtotal(), current.minSubtotal()),
                or(d.startsAt(), current.startsAt()), or(d.endsAt(), current.endsAt()), or(d.maxUses(), current.maxUses()),
                or(d.maxUsesPerUser(), current.maxUsesPerUser()), current.used(), or(d.scope(), current.scope()),
                or(d.scopeIds(), current.scopeIds()), or(d.active(), current.active()),
                or(d.description(), current.description()), current.createdAt(), Instant.now());
        check(next);
        Document after = coupons().findOneAndUpdate(Filters.eq("_id", new ObjectId(current.id())), Updates.combine(
                        Updates.set("type", next.type()), Updates.set("value", Coupon.stored(next.value())),
                        Updates.set("currency", next.currency()), Updates.set("minSubtotal", Coupon.stored(next.minSubtotal())),
                        Updates.set("startsAt", Coupon.date(next.startsAt())), Updates.set("endsAt", Coupon.date(next.endsAt())),
                        Updates.set("maxUses", next.maxUses()), Updates.set("maxUsesPerUser", next.maxUsesPerUser()),
                        Updates.set("scope", next.scope()), Updates.set("scopeIds", next.scopeIds()),
                        Updates.set("active", next.active()), Updates.set("description", next.description()),
                        Updates.set("updatedAt", new Date())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            throw ApiException.notFound("Coupon " + id + " not found");
        }
        return Coupon.of(after);
    }

    /** Only a coupon nobody used may disappear; a used one is deactivated instead (its orders refer to it). */
    public void delete(String id) {
        Coupon current = get(id);
        if (database.getCollection(CouponRedemptions.COLLECTION).countDocuments(Filters.eq("couponId", current.id())) > 0) {
            throw ApiException.conflict("Coupon " + current.code() + " has been used; deactivate it (active: false) instead");
        }
        coupons().deleteOne(Filters.eq("_id", new ObjectId(current.id())));
    }

    public Coupon get(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            throw ApiException.notFound("Coupon " + id + " not found");
        }
        return Optional.ofNullable(coupons().find(Filters.eq("_id", new ObjectId(id))).first()).map(Coupon::of)
                .orElseThrow(() -> ApiException.notFound("Coupon " + id + " not found"));
    }

    public Optional<Coupon> byCode(String code) {
        String normalized = Coupon.normalizeCode(code);
        return Optional.ofNullable(coupons().find(Filters.eq("code", normalized)).first()).map(Coupon::of);
    }

    public Page<Coupon> list(Boolean active, String search, PageRequest paging) {
        List<Bson> filters = new ArrayList<>();
        if (active != null) {
            filters.add(active ? Filters.ne("active", false) : Filters.eq("active", false));
        }
        if (search != null && !search.isBlank()) {
            filters.add(Filters.regex("code", LiteralPattern.of(search.strip())));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        long total = coupons().countDocuments(filter);
        List<Coupon> page = coupons().find(filter).sort(Sorts.descending("createdAt")).skip((int) paging.offset())
                .limit(paging.limit()).map(Coupon::of).into(new ArrayList<>());
        return new Page<>(page, paging.page(), paging.limit(), total).named("coupons");
    }

    private void check(Coupon c) {
        List<String> problems = new ArrayList<>();
        if (!Coupon.TYPES.contains(c.type())) {
            problems.add("type must be one of " + Coupon.TYPES);
        }
        if (c.value() == null || c.value().signum() <= 0) {
            problems.add("value must be greater than 0");
        } else if (Coupon.PERCENTAGE.equals(c.type()) && c.value().compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add("a percentage is at most 100");
        }
        if (!platformCurrency.equals(c.currency())) {
            problems.add("currency must be " + platformCurrency + " (the platform sells in one currency)");
        }
        if (c.minSubtotal() != null && c.minSubtotal().signum() < 0) {
            problems.add("minSubtotal must not be negative");
        }
        if (c.startsAt() != null && c.endsAt() != null && !c.endsAt().isAfter(c.startsAt())) {
            problems.add("endsAt must be after startsAt");
        }
        if (c.maxUses() != null && c.maxUses() < 1 || c.maxUsesPerUser() != null && c.maxUsesPerUser() < 1) {
            problems.add("maxUses and maxUsesPerUser must be at least 1");
        }
        if (!Coupon.SCOPES.contains(c.scope())) {
            problems.add("scope must be one of " + Coupon.SCOPES);
        } else if (!"all".equals(c.scope()) && c.scopeIds().isEmpty()) {
            problems.add("scopeIds must name at least one of the " + c.scope());
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(String.join("; ", problems), List.of());
        }
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}
