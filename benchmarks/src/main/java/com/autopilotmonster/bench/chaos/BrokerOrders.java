package com.autopilotmonster.bench.chaos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * What the broker says about the load's orders, as a second witness next to the services' own state: the
 * orders an {@code order.created} was sent for and the quantities a {@code payment.success} was sent for. An
 * order the order service acknowledged and announced but no longer has, or a sales counter that disagrees with
 * the broker's paid quantity while the orders agree with it, is state a service lost or applied twice after
 * the event had gone out - not a lost or late event.
 */
final class BrokerOrders {

    private BrokerOrders() {
    }

    /** Order ids announced on the broker (first payload per order) that {@code known} does not hold, sorted. */
    static List<String> notKept(Map<String, Document> announced, Set<String> known) {
        List<String> missing = new ArrayList<>();
        for (String orderId : announced.keySet()) {
            if (!known.contains(orderId)) {
                missing.add(orderId);
            }
        }
        missing.sort(null);
        return missing;
    }

    /** Quantity per product of {@code products} over the paid orders' first payload (a redelivery adds nothing). */
    static Map<String, Long> paidQuantities(Collection<Document> payments, Set<String> products) {
        Map<String, Long> sold = new HashMap<>();
        for (Document payment : payments) {
            for (Document item : payment.getList("items", Document.class, List.of())) {
                String product = item.getString("productId");
                if (products.contains(product) && item.get("quantity") instanceof Number quantity) {
                    sold.merge(product, quantity.longValue(), Long::sum);
                }
            }
        }
        return sold;
    }
}
