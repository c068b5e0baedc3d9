package com.autopilotmonster.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The broker as the second witness: orders a service no longer has, quantities the payments carried. */
class BrokerOrdersTest {

    private static Document payment(String orderId, String... productAndQuantity) {
        List<Document> items = new java.util.ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            items.add(new Document("productId", productAndQuantity[i])
                    .append("quantity", Integer.parseInt(productAndQuantity[i + 1])));
        }
        return new Document("orderId", orderId).append("items", items);
    }

    @Test
    void ordersAnnouncedButNotKeptAreListed() {
        Map<String, Document> announced = Map.of("AM-2", payment("AM-2", "p", "1"), "AM-1", payment("AM-1", "p", "10"),
                "AM-3", payment("AM-3", "q", "1"));
        assertEquals(List.of("AM-1", "AM-3"), BrokerOrders.notKept(announced, Set.of("AM-2", "AM-9")));
        assertEquals(List.of(), BrokerOrders.notKept(announced, Set.of("AM-1", "AM-2", "AM-3")));
    }

    @Test
    void paidQuantitiesCountTheLoadProductsOfEachPaymentOnce() {
        // payloads are the first record per order: a redelivery is not among them
        List<Document> payments = List.of(payment("AM-1", "p", "10", "other", "5"), payment("AM-2", "p", "1", "q", "2"),
                payment("AM-3", "q", "3"));
        assertEquals(Map.of("p", 11L, "q", 5L), BrokerOrders.paidQuantities(payments, Set.of("p", "q")));
    }
}
