package com.autopilotmonster.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * After the load: every order the order service holds must have exactly one {@code order.created} record on
 * the broker, every paid order exactly one {@code payment.success} (and an unpaid one none); each load product's
 * sales counter must equal the quantity of its paid orders; the cart of each customer whose last journey
 * placed its order must be empty; every order the broker announced for a load product must still be there
 * ({@link BrokerOrders}: a store that lost acknowledged writes shows here, and a counter that disagrees with
 * the broker's paid quantity too). Events may still be on their way from an outbox when the load stops, so the
 * check is repeated until it holds or the settle time is over; the last result is reported.
 */
final class Reconciliation {

    /** The outcome: totals over the whole run and what disagreed. */
    record Result(int orders, int paidOrders, int lostCreated, int lostPaid, int duplicateRecords, int secondEvents,
                  int unpaidWithPaymentEvent, List<String> salesMismatches, int productsChecked,
                  int cartsChecked, int cartsNotEmptied, List<String> ordersNotKept, Duration settledAfter,
                  boolean consistent) {
    }

    private final ChaosSettings settings;
    private final List<CheckoutLoad.Customer> customers;
    private final String adminToken;
    private final PlacedOrders placed;
    private final EventLedger ledger;

    Reconciliation(ChaosSettings settings, List<CheckoutLoad.Customer> customers, String adminToken) {
        this.settings = settings;
        this.customers = customers;
        this.adminToken = adminToken;
        this.placed = new PlacedOrders(settings);
        this.ledger = new EventLedger(System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092"));
    }

    Result settle(List<FaultRow> rows) throws Exception {
        long started = System.nanoTime();
        long deadline = started + settings.settleTimeout().toNanos();
        while (true) {
            Result result = check(rows, Duration.ofNanos(System.nanoTime() - started));
            if (result.consistent() || System.nanoTime() > deadline) {
                return result;
            }
            Thread.sleep(5000);
        }
    }

    private Result check(List<FaultRow> rows, Duration after) throws Exception {
        for (FaultRow row : rows) {
            row.orders = 0;
            row.lost.clear();
            row.duplicates = 0;
            row.secondEvents = 0;
        }
        Set<String> products = customers.stream().map(c -> c.productId).collect(Collectors.toSet());
        EventLedger.Records createdRecords = ledger.read("order.created", products);
        EventLedger.Records paidRecords = ledger.read("payment.success", products);
        Map<String, List<String>> created = createdRecords.ids();
        Map<String, List<String>> paidEvents = paidRecords.ids();
        Set<String> known = new HashSet<>();
        int orders = 0;
        int paidOrders = 0;
        int lostCreated = 0;
        int lostPaid = 0;
        int duplicates = 0;
        int second = 0;
        int unpaidWithEvent = 0;
        Map<String, Long> soldByProduct = new HashMap<>();
        for (CheckoutLoad.Customer customer : customers) {
            for (PlacedOrders.Order order : placed.ordersOf(customer)) {
                FaultRow row = rowOf(rows, order);
                known.add(order.orderId());
                orders++;
                row.orders++;
                List<String> createdIds = created.getOrDefault(order.orderId(), List.of());
                List<String> paidIds = paidEvents.getOrDefault(order.orderId(), List.of());
                if (createdIds.isEmpty()) {
                    lostCreated++;
                    row.lost.add("order.created " + order.orderId());
                }
                if (order.paid()) {
                    paidOrders++;
                    order.quantities().forEach((product, quantity) -> soldByProduct.merge(product, (long) quantity, Long::sum));
                    if (paidIds.isEmpty()) {
                        lostPaid++;
                        row.lost.add("payment.success " + order.orderId());
                    }
                } else if (!paidIds.isEmpty()) {
                    unpaidWithEvent++;
                }
                for (List<String> ids : List.of(createdIds, paidIds)) {
                    int extra = Math.max(0, ids.size() - 1);
                    int extraIds = Math.max(0, new HashSet<>(ids).size() - 1);
                    duplicates += extra;
                    second += extraIds;
                    row.duplicates += extra;
                    row.secondEvents += extraIds;
                }
            }
        }
        Map<String, Long> soldOnBroker = BrokerOrders.paidQuantities(paidRecords.payloads().values(), products);
        List<String> salesMismatches = new ArrayList<>();
        for (CheckoutLoad.Customer customer : customers) {
            long counted = placed.salesOf(customer.productId, adminToken);
            long expected = soldByProduct.getOrDefault(customer.productId, 0L);
            if (counted != expected) {
                salesMismatches.add(customer.productId + ": counter " + counted + ", paid quantity " + expected
                        + " (payment.success on the broker: " + soldOnBroker.getOrDefault(customer.productId, 0L) + ")");
            }
        }
        List<String> notKept = BrokerOrders.notKept(createdRecords.payloads(), known);
        int cartsChecked = 0;
        int notEmptied = 0;
        for (CheckoutLoad.Customer customer : customers) {
            if (!customer.cartHoldsUnorderedLine) {
                cartsChecked++;
                if (placed.cartLines(customer) > 0) {
                    notEmptied++;
                }
            }
        }
        boolean consistent = lostCreated == 0 && lostPaid == 0 && second == 0 && unpaidWithEvent == 0
                && salesMismatches.isEmpty() && notEmptied == 0 && notKept.isEmpty();
        return new Result(orders, paidOrders, lostCreated, lostPaid, duplicates, second, unpaidWithEvent,
                salesMismatches, customers.size(), cartsChecked, notEmptied, notKept, after, consistent);
    }

    /** The phase during which the order was placed (by the order service's clock, the same machine's). */
    private static FaultRow rowOf(List<FaultRow> rows, PlacedOrders.Order order) {
        FaultRow last = null;
        for (FaultRow row : rows) {
            if (row.skipped != null) {
                continue;
            }
            if (row.stats.covers(order.createdAt())) {
                return row;
            }
            last = row;
        }
        return last;
    }
}
