package com.autopilotmonster.gateway.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Status-mail subscribers with double opt-in: subscribing stores a pending address and mails it a confirmation
 * link; only confirmed addresses get incident mails, each with an unsubscribe link. A pending address is mailed
 * again at most once per {@code gateway.status.subscribe.resend-after} (10 minutes), however often it is
 * subscribed and from however many gateways (a conditional write on its document decides), so the endpoint
 * cannot be used to flood someone's inbox. Every answer is the same, so nobody learns who subscribed.
 */
@ApplicationScoped
public class Subscribers {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes, base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    StatusStore store;

    @Inject
    StatusNotifier notifier;

    @Inject
    @ConfigProperty(name = "gateway.status.subscribe.resend-after", defaultValue = "PT10M")
    Duration resendAfter;

    @Inject
    @ConfigProperty(name = "gateway.status.subscribe.confirm-ttl", defaultValue = "PT48H")
    Duration confirmTtl;

    /** Stores {@code email} (already validated and normalised) as pending and mails its confirmation link. */
    public void subscribe(String email) {
        Instant now = Instant.now();
        String confirmToken = token();
        Document fresh = new Document("_id", email).append("email", email).append("confirmed", false)
                .append("confirmTokenHash", hash(confirmToken))
                .append("confirmExpiresAt", Date.from(now.plus(confirmTtl)))
                .append("unsubscribeToken", token()).append("lastMailedAt", Date.from(now))
                .append("createdAt", Date.from(now));
        if (StatusStore.insertIfAbsent(store.subscribers(), fresh)) {
            notifier.confirmation(email, confirmToken, fresh.getString("unsubscribeToken"));
            return;
        }
        // known address: a new link only when it is still pending and was not mailed lately
        Document renewed = store.subscribers().findOneAndUpdate(Filters.and(Filters.eq("_id", email),
                        Filters.eq("confirmed", false), Filters.lt("lastMailedAt", Date.from(now.minus(resendAfter)))),
                Updates.combine(Updates.set("confirmTokenHash", hash(confirmToken)),
                        Updates.set("confirmExpiresAt", Date.from(now.plus(confirmTtl))),
                        Updates.set("lastMailedAt", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (renewed != null) {
            notifier.confirmation(email, confirmToken, renewed.getString("unsubscribeToken"));
        }
    }

    /** The link from the confirmation mail. Unknown or forged: 404; past its time: 410. */
    public void confirm(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw ApiException.notFound("Unknown or already used confirmation link");
        }
        String hash = hash(token);
        Document pending = store.subscribers().find(Filters.and(Filters.eq("confirmTokenHash", hash),
                Filters.eq("confirmed", false))).first();
        if (pending == null) {
            throw ApiException.notFound("Unknown or already used confirmation link");
        }
        if (pending.getDate("confirmExpiresAt").toInstant().isBefore(Instant.now())) {
            throw ApiException.gone("This confirmation link has expired; subscribe again for a new one");
        }
        store.subscribers().updateOne(Filters.and(Filters.eq("_id", pending.get("_id")),
                        Filters.eq("confirmTokenHash", hash)),
                Updates.combine(Updates.set("confirmed", true), Updates.set("confirmedAt", new Date()),
                        Updates.unset("confirmTokenHash"), Updates.unset("confirmExpiresAt")));
    }

    /** The link in every mail: removes the address whatever its state. Unknown: 404. */
    public void unsubscribe(String token) {
        if (token == null || !TOKEN.matcher(token).matches()
                || store.subscribers().deleteOne(Filters.eq("unsubscribeToken", token)).getDeletedCount() == 0) {
            throw ApiException.notFound("Unknown unsubscribe link (already unsubscribed?)");
        }
    }

    /** Confirmed addresses with their unsubscribe tokens. */
    public List<Document> confirmed() {
        List<Document> all = new ArrayList<>();
        store.subscribers().find(Filters.eq("confirmed", true))
                .projection(Projections.include("email", "unsubscribeToken")).into(all);
        return all;
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Confirmation tokens are kept only as hashes (a copy of the store cannot confirm anyone). Unsubscribe
     * tokens are kept as they are: every incident mail must carry one, and all they can do is unsubscribe.
     */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
