package com.autopilotmonster.common.data;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * An update that applies at most once per operation id, in one atomic write: the filter matches only while the
 * document's list of recent operation ids lacks this one, and the update adds it. An event consumer records an
 * event as processed after its handler returned, so a handler interrupted before that runs again on redelivery;
 * its counter updates must neither skip nor repeat. The list keeps the last ids only: a repeat comes right after
 * its first run (a consumer handles one event of a partition at a time), and the document must not grow forever.
 */
public final class AppliedOnce {

    private AppliedOnce() {
    }

    /** Matches a document that has not seen {@code opId} among its {@code field}. */
    public static Bson notYet(String field, String opId) {
        return Filters.ne(field, opId);
    }

    /** Records {@code opId} in {@code field}, keeping the last {@code remembered} ids. */
    public static Bson remember(String field, String opId, int remembered) {
        return Updates.pushEach(field, List.of(opId), new PushOptions().slice(-remembered));
    }
}
