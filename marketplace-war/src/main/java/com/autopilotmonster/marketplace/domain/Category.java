package com.autopilotmonster.marketplace.domain;

import jakarta.nosql.Column;
import jakarta.nosql.Convert;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;
import org.bson.types.ObjectId;
import org.eclipse.jnosql.databases.mongodb.mapping.ObjectIdConverter;

/** A catalog category in {@code marketplace_db.categories}; products refer to it by its unique slug. */
@Entity(Category.COLLECTION)
public class Category {

    public static final String COLLECTION = "categories";

    @Id("_id")
    @Convert(ObjectIdConverter.class)
    private String id;

    @Column
    private String name;

    @Column
    private String slug;

    @Column
    private String description;

    @Column
    private Instant createdAt;

    @Column
    private Instant updatedAt;

    public Category() {
    }

    static Category create(String name, String slug, String description) {
        Category category = new Category();
        category.id = new ObjectId().toHexString();
        category.name = name;
        category.slug = slug;
        category.description = description;
        category.createdAt = Instant.now();
        category.updatedAt = category.createdAt;
        return category;
    }

    void change(String name, String slug, String description) {
        if (name != null) {
            this.name = name;
        }
        if (slug != null) {
            this.slug = slug;
        }
        if (description != null) {
            this.description = description;
        }
        this.updatedAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String slug() {
        return slug;
    }

    public String description() {
        return description;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
