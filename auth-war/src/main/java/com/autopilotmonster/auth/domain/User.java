package com.autopilotmonster.auth.domain;

import jakarta.nosql.Column;
import jakarta.nosql.Convert;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;
import org.bson.types.ObjectId;
import org.eclipse.jnosql.databases.mongodb.mapping.ObjectIdConverter;

/**
 * A platform account in {@code auth_db.users}, field for field the spec's Mongoose model (ObjectId
 * {@code _id}, bcrypt {@code password}, {@code isEmailVerified}, {@code isActive}, timestamps), so
 * documents written by the Node service are read as they are.
 */
@Entity("users")
public class User {

    @Id("_id")
    @Convert(ObjectIdConverter.class)
    private String id;

    @Column
    private String email;

    @Column
    private String password;

    @Column
    private String firstName;

    @Column
    private String lastName;

    @Column
    private String role;

    @Column("isEmailVerified")
    private boolean emailVerified;

    @Column("isActive")
    private boolean active;

    @Column
    private Instant createdAt;

    @Column
    private Instant updatedAt;

    /**
     * When the names last changed, here or in the user service (epoch milliseconds; a number so that the
     * store compares it exactly): an event carrying an older change is not applied. Absent on old documents.
     */
    @Column
    private Long namesVersion;

    public User() {
    }

    static User register(String email, String passwordHash, String firstName, String lastName, Role role) {
        User user = new User();
        Instant now = Instant.now();
        user.id = new ObjectId().toHexString();
        user.email = email;
        user.password = passwordHash;
        user.firstName = firstName;
        user.lastName = lastName;
        user.role = role.value();
        user.emailVerified = false;
        user.active = true;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    void verifyEmail() {
        this.emailVerified = true;
        touch();
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    String passwordHash() {
        return password;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public Role role() {
        return Role.of(role);
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Long namesVersion() {
        return namesVersion;
    }
}
