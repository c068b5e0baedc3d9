package com.autopilotmonster.marketplace.domain;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** Recognises a unique-index violation however deep JNoSQL or the driver wrapped it. */
final class StoreErrors {

    private StoreErrors() {
    }

    static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
            if (t instanceof com.mongodb.MongoCommandException c && c.getErrorCode() == 11000) {
                return true;
            }
        }
        return false;
    }
}
