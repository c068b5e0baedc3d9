package com.autopilotmonster.bench.chaos;

import java.util.List;

/** The suite's report: one Markdown table row per fault, then the whole-run checks. */
final class FaultTable {

    private FaultTable() {
    }

    static String render(List<FaultRow> rows, Reconciliation.Result result, ChaosSettings settings, List<String> dumps) {
        StringBuilder out = new StringBuilder();
        out.append("| fault | requests | errors by status | hung (> ").append(settings.requestTimeout().toSeconds())
                .append(" s) | orders | events lost | duplicates seen | readiness: the fault's servers DOWN, UP after the fault was lifted; other servers' DOWN spells |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|---|\n");
        for (FaultRow row : rows) {
            if (row.skipped != null) {
                out.append("| ").append(row.stats.fault).append(" | skipped: ").append(row.skipped)
                        .append(" | | | | | | |\n");
                continue;
            }
            out.append("| ").append(row.stats.fault)
                    .append(" | ").append(row.stats.requests())
                    .append(" | ").append(row.stats.errorsByStatus())
                    .append(" | ").append(row.stats.hung())
                    .append(" | ").append(row.orders)
                    .append(" | ").append(row.lost.size())
                    .append(" | ").append(row.duplicates).append(row.secondEvents > 0 ? " (" + row.secondEvents
                            + " with a new event id)" : "")
                    .append(" | ").append(row.readiness(settings.recoveryLimit()))
                    .append(" |\n");
        }
        out.append('\n');
        out.append(String.format("- orders: %d, each with exactly one order.created: %s (%d lost)%n", result.orders(),
                result.lostCreated() == 0 ? "yes" : "NO", result.lostCreated()));
        out.append(String.format("- paid orders: %d, each with exactly one payment.success: %s (%d lost; %d unpaid "
                        + "orders with one)%n", result.paidOrders(), result.lostPaid() == 0 && result.unpaidWithPaymentEvent() == 0
                        ? "yes" : "NO", result.lostPaid(), result.unpaidWithPaymentEvent()));
        out.append(String.format("- records repeated on the broker: %d, of which with a second event id: %d "
                        + "(a repeated id is a redelivery consumers skip)%n", result.duplicateRecords(), result.secondEvents()));
        out.append(String.format("- marketplace sales counters equal to the paid quantities: %d of %d products%s%n",
                result.productsChecked() - result.salesMismatches().size(), result.productsChecked(),
                result.salesMismatches().isEmpty() ? "" : " " + result.salesMismatches()));
        out.append(String.format("- orders announced on the broker (order.created for a load product) that the order "
                        + "service no longer has (acknowledged, then lost by the store): %d%s%n", result.ordersNotKept().size(),
                result.ordersNotKept().isEmpty() ? "" : " " + result.ordersNotKept().subList(0,
                        Math.min(10, result.ordersNotKept().size()))));
        out.append(String.format("- carts emptied by their last order: %d of %d (customers whose last journey stopped "
                        + "before ordering are not counted)%n", result.cartsChecked() - result.cartsNotEmptied(),
                result.cartsChecked()));
        long hung = rows.stream().filter(r -> r.skipped == null).mapToLong(r -> r.stats.hung()).sum();
        out.append(String.format("- requests that hung past the %d s client timeout: %d%n",
                settings.requestTimeout().toSeconds(), hung));
        long slow = rows.stream().filter(r -> !r.withinLimit(settings.recoveryLimit())).count();
        out.append(String.format("- faults after which readiness was not UP again within %d s (the fault's servers "
                        + "after it was lifted, any other server's DOWN spell in its phase): %d%n",
                settings.recoveryLimit().toSeconds(), slow));
        out.append(String.format("- consistent %d s after the load stopped: %s%n", result.settledAfter().toSeconds(),
                result.consistent() ? "yes" : "NO"));
        out.append("\nReadiness changes per fault (seconds after the fault began):\n");
        for (FaultRow row : rows) {
            if (!row.timelines.isEmpty()) {
                out.append("- ").append(row.stats.fault).append(": ").append(String.join("; ", row.timelines)).append('\n');
            }
        }
        if (!dumps.isEmpty()) {
            out.append("\nThread dumps of servers that answered no probe for ").append(Readiness.SILENCE.toSeconds())
                    .append(" s (target/chaos-dumps/): ").append(String.join(", ", dumps)).append('\n');
        }
        out.append("\nFirst failed request of each kind per fault:\n");
        for (FaultRow row : rows) {
            if (row.skipped == null) {
                row.stats.samples().forEach((kind, sample) -> out.append("- ").append(row.stats.fault).append(", ")
                        .append(kind).append(": ").append(sample.replace('\n', ' ')).append('\n'));
            }
        }
        return out.toString();
    }
}
