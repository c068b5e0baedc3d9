package com.autopilotmonster.auth.domain;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.util.Optional;

/** Users through Eclipse JNoSQL; a duplicate email (unique index) is reported, not thrown raw. */
@ApplicationScoped
public class UserStore {

    @Inject
    Template template;

    public Optional<User> byEmail(String email) {
        return template.select(User.class).where("email").eq(email).singleResult();
    }

    public Optional<User> byId(String id) {
        if (id == null || !org.bson.types.ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return template.find(User.class, id);
    }

    /** @return false if the email is taken */
    public boolean insert(User user) {
        try {
            template.insert(user);
            return true;
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    public User update(User user) {
        return template.update(user);
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
