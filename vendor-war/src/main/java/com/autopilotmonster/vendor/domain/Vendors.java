package com.autopilotmonster.vendor.domain;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.data.AppliedOnce;
import com.autopilotmonster.common.events.EventPublisher;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Vendor records: onboarding by the vendor itself (first PUT creates the record {@code pending}), admin
 * moderation through the {@link VendorStatus} state machine (each move is one conditional update, so two
 * admins acting at once cannot both win), and the events the marketplace follows.
 */
@ApplicationScoped
public class Vendors {

    @Inject
    MongoDatabase database;

    @Inject
    EventPublisher events;

    /** The avatar shown for a vendor without one (the web client always renders one); "" when not configured. */
    @Inject
    @ConfigProperty(name = "vendor.default-avatar")
    Optional<String> defaultAvatar;

    MongoCollection<Document> vendors() {
        return database.getCollection(Vendor.COLLECTION);
    }

    public Optional<Vendor> find(String vendorId) {
        return Optional.ofNullable(vendors().find(Filters.eq("_id", vendorId)).first()).map(this::view);
    }

    public Vendor get(String vendorId) {
        return find(vendorId).orElseThrow(() -> ApiException.notFound("Vendor not found"));
    }

    /** Creates the caller's record ({@code pending}, {@code vendor.created}) or edits it. */
    public Vendor saveProfile(String userId, String tokenEmail, VendorProfile profile) {
        Document set = profileFields(profile);
        Date now = new Date();
        Optional<Vendor> existing = find(userId);
        if (existing.isEmpty()) {
            if (profile.name() == null) {
                throw ApiException.validation("name is required to create the vendor record",
                        List.of(new com.autopilotmonster.common.problem.FieldViolation("name", "must not be blank")));
            }
            Document doc = new Document("_id", userId).append("vendorId", userId).append("userId", userId)
                    .append("status", VendorStatus.PENDING).append("verified", false).append("productsCount", 0L)
                    .append("totalRevenueCents", 0L).append("averageRating", 0.0).append("joinDate", now)
                    .append("createdAt", now).append("updatedAt", now);
            set.forEach((k, v) -> {
                if (k.startsWith("payout.")) {
                    Document payout = doc.get("payout", Document.class);
                    if (payout == null) {
                        payout = new Document();
                        doc.put("payout", payout);
                    }
                    payout.put(k.substring("payout.".length()), v);
                } else {
                    doc.put(k, v);
                }
            });
            if (!doc.containsKey("email") && tokenEmail != null) {
                doc.put("email", tokenEmail);
            }
            try {
                vendors().insertOne(doc);
                Vendor created = view(doc);
                publish(VendorEvent.CREATED, created, null);
                return created;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // created by a concurrent first PUT: fall through to an edit
            }
        }
        if (set.isEmpty()) {
            throw ApiException.badRequest("Nothing to update");
        }
        set.put("updatedAt", now);
        Document after = vendors().findOneAndUpdate(Filters.eq("_id", userId), new Document("$set", set),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            throw ApiException.notFound("Vendor not found");
        }
        return view(after);
    }

    /** Admin edits: the profile fields plus {@code verified}. */
    public Vendor adminUpdate(String vendorId, VendorProfile profile, Boolean verified) {
        Document set = profileFields(profile);
        if (verified != null) {
            set.put("verified", verified);
        }
        if (set.isEmpty()) {
            throw ApiException.badRequest("Nothing to update");
        }
        set.put("updatedAt", new Date());
        Document after = vendors().findOneAndUpdate(Filters.eq("_id", vendorId), new Document("$set", set),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            throw ApiException.notFound("Vendor not found");
        }
        return view(after);
    }

    /** One state-machine move; a move that does not start from the current state is a 409. */
    public Vendor move(String vendorId, String action, String reason) {
        VendorStatus.Move move = VendorStatus.ACTIONS.get(action);
        if (move == null) {
            throw ApiException.notFound("Unknown action");
        }
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("status", move.to()), Updates.set("updatedAt", new Date())));
        updates.add(reason == null ? Updates.unset("statusReason") : Updates.set("statusReason", reason));
        Document after = vendors().findOneAndUpdate(Filters.and(Filters.eq("_id", vendorId), Filters.eq("status", move.from())),
                Updates.combine(updates), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            Vendor current = get(vendorId);
            throw ApiException.conflict("A " + current.status() + " vendor cannot be " + past(action)
                    + " (only from " + move.from() + ")");
        }
        Vendor vendor = view(after);
        publish(move.topic(), vendor, reason);
        return vendor;
    }

    /**
     * {@code user.deleted}: the record is suspended (its products leave the catalog through the event) and the
     * personal fields are removed; ledger and payout records stay, they are the platform's accounting.
     */
    public void userDeleted(String userId) {
        Document after = vendors().findOneAndUpdate(Filters.eq("_id", userId), Updates.combine(
                        Updates.set("status", VendorStatus.SUSPENDED), Updates.set("statusReason", "account deleted"),
                        Updates.set("name", "Deleted vendor"), Updates.set("anonymised", true),
                        Updates.unset("email"), Updates.unset("phone"), Updates.unset("website"), Updates.unset("avatar"),
                        Updates.unset("address"),
                        Updates.unset("description"), Updates.unset("payout"), Updates.set("updatedAt", new Date())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after != null) {
            publish("vendor.suspended", view(after), "account deleted");
        }
    }

    public Page<Vendor> list(String status, String q, int page, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (status != null) {
            filters.add(Filters.eq("status", status));
        }
        if (q != null && !q.isBlank()) {
            Pattern literal = Pattern.compile(Pattern.quote(q.strip()), Pattern.CASE_INSENSITIVE);
            filters.add(Filters.or(Filters.regex("name", literal), Filters.regex("email", literal),
                    Filters.eq("_id", q.strip())));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        long total = vendors().countDocuments(filter);
        List<Vendor> items = new ArrayList<>();
        vendors().find(filter).sort(Sorts.descending("createdAt")).skip((page - 1) * limit).limit(limit)
                .forEach(d -> items.add(view(d)));
        return new Page<>(items, page, limit, total);
    }

    /**
     * Counts a ledger entry's gross into the vendor's revenue once: the entry id goes into the vendor in the same
     * update, guarded by the vendor's last {@value #REMEMBERED_ENTRIES} entry ids. The ledger entry is written
     * first and the consumer's marker last, so a handler interrupted in between runs again on redelivery (right
     * after, before any later event of its partition) and must neither skip nor repeat this count.
     */
    public void addRevenue(String vendorId, long grossCents, String entryId) {
        vendors().updateOne(Filters.and(Filters.eq("_id", vendorId), AppliedOnce.notYet(REVENUE_ENTRIES, entryId)),
                Updates.combine(Updates.inc("totalRevenueCents", grossCents),
                        AppliedOnce.remember(REVENUE_ENTRIES, entryId, REMEMBERED_ENTRIES)));
    }

    static final String REVENUE_ENTRIES = "revenueEntryIds";
    static final int REMEMBERED_ENTRIES = 50;

    public void countProduct(String vendorId, int delta) {
        vendors().updateOne(Filters.eq("_id", vendorId), Updates.inc("productsCount", (long) delta));
    }

    private Vendor view(Document d) {
        return Vendor.of(d, defaultAvatar.map(String::strip).orElse(""));
    }

    private void publish(String topic, Vendor vendor, String reason) {
        events.publish(topic, vendor.vendorId(), new VendorEvent(vendor.vendorId(), vendor.userId(), vendor.name(),
                vendor.status(), reason, Instant.now().toString()));
    }

    private static Document profileFields(VendorProfile p) {
        Document set = new Document();
        put(set, "name", p.name());
        put(set, "description", p.description());
        put(set, "email", p.email() == null ? null : p.email().toLowerCase(java.util.Locale.ROOT));
        put(set, "phone", p.phone());
        put(set, "website", p.website());
        put(set, "address", p.address());
        put(set, "avatar", p.avatar());
        put(set, "payout.stripeAccountId", p.stripeAccountId());
        put(set, "payout.bankReference", p.bankReference());
        return set;
    }

    private static void put(Document d, String field, String value) {
        if (value != null) {
            d.put(field, value.strip());
        }
    }

    private static String past(String action) {
        return switch (action) {
            case "approve" -> "approved";
            case "reject" -> "rejected";
            case "suspend" -> "suspended";
            default -> "reactivated";
        };
    }
}
