package com.autopilotmonster.marketplace.domain;

import jakarta.nosql.Column;
import jakarta.nosql.Convert;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;
import org.bson.types.ObjectId;
import org.eclipse.jnosql.databases.mongodb.mapping.ObjectIdConverter;

/** A user's review of a product in {@code marketplace_db.reviews}; one per user and product (unique index). */
@Entity(Review.COLLECTION)
public class Review {

    public static final String COLLECTION = "reviews";

    @Id("_id")
    @Convert(ObjectIdConverter.class)
    private String id;

    @Column
    private String productId;

    @Column
    private String userId;

    @Column
    private int rating;

    @Column
    private String userName;

    @Column
    private String title;

    @Column
    private String comment;

    @Column
    private boolean isVerifiedPurchase;

    @Column
    private Instant createdAt;

    public Review() {
    }

    static Review write(String productId, String userId, String userName, int rating, String title, String comment,
                        boolean verifiedPurchase) {
        Review review = new Review();
        review.id = new ObjectId().toHexString();
        review.productId = productId;
        review.userId = userId;
        review.userName = userName;
        review.rating = rating;
        review.title = title;
        review.comment = comment;
        review.isVerifiedPurchase = verifiedPurchase;
        review.createdAt = Instant.now();
        return review;
    }

    public String id() {
        return id;
    }

    public String productId() {
        return productId;
    }

    public String userId() {
        return userId;
    }

    public int rating() {
        return rating;
    }

    public String userName() {
        return userName;
    }

    public String title() {
        return title;
    }

    public boolean verifiedPurchase() {
        return isVerifiedPurchase;
    }

    public String comment() {
        return comment;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
