package com.autopilotmonster.vendor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A payment.success handler run twice for one event, as after an interruption between the ledger entry and the
 * consumer's "processed" marker (the redelivery runs the handler again): the vendor's revenue counts the sale
 * once - not twice, and not zero times when the first run stopped after the entry. Against the platform's local
 * Mongo-wire store (in memory).
 */
class LedgerRepeatTest {

    private MongoServer server;
    private MongoClient client;
    private Ledger ledger;
    private Vendors vendors;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        var database = client.getDatabase("ledger-test");
        database.getCollection(LedgerEntry.COLLECTION).createIndex(new Document("eventId", 1).append("productId", 1),
                new com.mongodb.client.model.IndexOptions().unique(true));
        vendors = new Vendors();
        vendors.database = database;
        vendors.defaultAvatar = Optional.empty();
        VendorSettings settings = new VendorSettings();
        settings.database = database;
        settings.commissionRate = new BigDecimal("0.20");
        settings.payoutMinimum = new BigDecimal("10.00");
        settings.holdingDays = 7;
        settings.holdingUnit = "DAYS";
        settings.currency = "USD";
        ledger = new Ledger();
        ledger.database = database;
        ledger.settings = settings;
        ledger.vendors = vendors;
        database.getCollection("vendors").insertOne(new Document("_id", "v-1").append("totalRevenueCents", 0L));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private long revenue() {
        return ((Number) vendors.database.getCollection("vendors").find(Filters.eq("_id", "v-1")).first()
                .get("totalRevenueCents")).longValue();
    }

    private void sold(String eventId) {
        ledger.sold(eventId, "ORD-1", "USD", List.of(new Ledger.Line("p-1", "Agent", "v-1", new BigDecimal("12.50"), 2,
                BigDecimal.ZERO)), Instant.parse("2026-11-28T20:00:00Z"));
    }

    @Test
    void aRepeatedSaleCountsOnce() {
        sold("evt-1");
        sold("evt-1");
        assertEquals(2500, revenue());
        sold("evt-2");
        assertEquals(5000, revenue(), "another event counts");
    }

    @Test
    void aRepeatAfterARunInterruptedBeforeTheRevenueCountsIt() {
        sold("evt-1");
        // the first run of evt-3 wrote its entry and stopped before the revenue (as a kill there leaves it)
        Document entry = ledger.entries().find(Filters.eq("eventId", "evt-1")).first();
        ledger.entries().insertOne(new Document(entry).append("_id", "entry-3").append("eventId", "evt-3"));
        sold("evt-3");
        assertEquals(5000, revenue(), "the redelivery counts what the interrupted run did not");
    }
}
