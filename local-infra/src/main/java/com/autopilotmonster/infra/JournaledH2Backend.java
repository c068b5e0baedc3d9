package com.autopilotmonster.infra;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.h2.mvstore.MVStore;

/**
 * The H2 file backend, but a write is on file before it is acknowledged - as a real MongoDB acknowledges a
 * journaled write. Plain {@link H2Backend} answers once the write is in memory and lets MVStore's background
 * thread save about once a second, so a SIGKILL (the fault suite kills the store) lost the acknowledged writes of
 * the last second. {@code commit()} writes the chunk to the file (no fsync: it survives the process, not a power
 * cut - enough for a local store) and returns only when it is written; concurrent writers queue on MVStore's
 * store lock, and a commit that finds nothing unsaved returns at once.
 */
final class JournaledH2Backend extends H2Backend {

    /**
     * MVStore keeps a replaced chunk this long before it reuses its space. The retention also protects reads: a
     * query works on the version of the data it started with, and a chunk of that version reused meanwhile fails it
     * with "Chunk N not found". 2 s (until 2026-11-29) was enough for the disk but not for reads on a loaded
     * machine: the fault suite's run with eighteen servers had three such failures (collection scans taking
     * seconds while the store stalled), which the order service answered with 500. 30 s is longer than any
     * client waits for a read. The file grows under load by what the retention keeps (531-876 MB at the end of
     * the fault suite's runs, 2026-11-29) and MVStore's background writer compacts it once writes pause (140 MB
     * were 48 MB within minutes), so no compaction of our own is needed.
     */
    static final int RETENTION_MILLIS = 30_000;

    /** Commands that change data; compared ignoring case, as the server itself does. */
    private static final Set<String> WRITES = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        WRITES.addAll(List.of("insert", "update", "delete", "findAndModify", "create", "drop", "dropDatabase",
                "createIndexes", "dropIndexes", "renameCollection"));
    }

    private JournaledH2Backend(MVStore store) {
        super(store);
    }

    static JournaledH2Backend open(String file) {
        MVStore store = new MVStore.Builder().fileName(file).open();
        store.setRetentionTime(RETENTION_MILLIS);
        return new JournaledH2Backend(store);
    }

    /**
     * Every command of a current driver arrives as an OP_MSG (the legacy OP_QUERY path is used by no driver this
     * project runs); its name is the document's first key.
     */
    @Override
    public Document handleMessage(MongoMessage message) {
        Document answer = super.handleMessage(message);
        Document query = message.getDocument();
        if (writes(query.keySet().iterator().next(), query)) {
            commit();
        }
        return answer;
    }

    private static boolean writes(String command, Document query) {
        if (WRITES.contains(command)) {
            return true;
        }
        // an aggregation writes only through an $out or $merge stage
        return "aggregate".equalsIgnoreCase(command) && query.get("pipeline") instanceof List<?> stages
                && stages.stream().anyMatch(s -> s instanceof Document d
                        && (d.containsKey("$out") || d.containsKey("$merge")));
    }
}
