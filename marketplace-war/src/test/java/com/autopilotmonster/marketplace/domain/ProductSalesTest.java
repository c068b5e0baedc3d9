package com.autopilotmonster.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sales counted into {@code downloadCount} against the platform's local Mongo-wire store (in memory). The
 * idempotent consumer writes its "processed" marker only after the handler returned, so a handler whose marker
 * was not written - the store went away between the counter and the marker (the retry runs the handler again),
 * or the server was killed there (the redelivery does) - runs twice for one payment: that must count once.
 */
class ProductSalesTest {

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> products;
    private ProductSales sales;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        sales = new ProductSales();
        sales.database = client.getDatabase("sales-test");
        sales.cache = new CatalogCache(); // switched off: no Redis here
        sales.remembered = 3;
        products = sales.database.getCollection(Product.COLLECTION);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private String product(long downloads) {
        ObjectId id = new ObjectId();
        products.insertOne(new Document("_id", id).append("name", "p").append("downloadCount", downloads));
        return id.toHexString();
    }

    private long downloads(String id) {
        return ((Number) products.find(Filters.eq("_id", new ObjectId(id))).first().get("downloadCount")).longValue();
    }

    @Test
    void aPaymentWhoseHandlerRunsAgainCountsOnce() {
        String bought = product(0);
        String also = product(7);
        Map<String, Integer> lines = new LinkedHashMap<>(Map.of(bought, 10, also, 2));
        sales.sold("evt-1", lines);
        // the marker was not written (store away, server killed): the handler runs again for the same event
        sales.sold("evt-1", lines);
        assertEquals(10, downloads(bought));
        assertEquals(9, downloads(also));
    }

    @Test
    void everyOtherPaymentCountsAndOnlyTheLatestIdsAreKept() {
        String id = product(0);
        for (int i = 1; i <= 5; i++) {
            sales.sold("evt-" + i, Map.of(id, i));
        }
        assertEquals(15, downloads(id));
        List<String> kept = products.find(Filters.eq("_id", new ObjectId(id))).first()
                .getList(ProductSales.RECENT_SALES, String.class);
        assertEquals(List.of("evt-3", "evt-4", "evt-5"), kept, "bounded: the document does not grow with its sales");
        sales.sold("evt-5", Map.of(id, 5));
        assertEquals(15, downloads(id), "the latest payment again");
    }

    @Test
    void unknownProductsAndEmptyLinesChangeNothing() {
        String id = product(4);
        sales.sold("evt-x", Map.of("not-an-id", 3, new ObjectId().toHexString(), 2, id, 0));
        assertEquals(4, downloads(id));
    }
}
