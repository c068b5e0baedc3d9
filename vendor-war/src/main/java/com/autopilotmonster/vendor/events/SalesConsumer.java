package com.autopilotmonster.vendor.events;

import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import com.autopilotmonster.vendor.domain.Ledger;
import com.autopilotmonster.vendor.domain.Money;
import com.autopilotmonster.vendor.domain.VendorSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code payment.success} credits and {@code order.refunded} debits the vendors' ledgers, once per event id
 * ({@link IdempotentConsumer}; the ledger's unique (eventId, productId) index is the second guard). Lines
 * without a vendor, price or a positive quantity are skipped (logged): they cannot be attributed.
 */
@ApplicationScoped
public class SalesConsumer {

    static final String SALES = "vendor-sales";
    static final String REFUNDS = "vendor-refunds";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    Ledger ledger;

    @Inject
    VendorSettings settings;

    @Incoming("payment-success")
    public CompletionStage<Void> onPayment(Message<String> message) {
        return consumer.handle(SALES, message, this::paid);
    }

    @Incoming("order-refunded")
    public CompletionStage<Void> onRefund(Message<String> message) {
        return consumer.handle(REFUNDS, message, this::refunded);
    }

    void paid(IncomingEvent event) {
        OrderPayment p = Payloads.read(event, OrderPayment.class);
        List<Ledger.Line> lines = lines(event, p);
        if (!lines.isEmpty()) {
            ledger.sold(event.id(), p.orderId, currency(event, p), lines, at(p));
        }
    }

    void refunded(IncomingEvent event) {
        OrderPayment p = Payloads.read(event, OrderPayment.class);
        List<Ledger.Line> lines = lines(event, p);
        if (!lines.isEmpty()) {
            ledger.refunded(event.id(), p.orderId, currency(event, p), lines, Instant.now());
        }
    }

    private String currency(IncomingEvent event, OrderPayment p) {
        try {
            return Money.currency(p.currency, settings.currency());
        } catch (RuntimeException e) {
            Payloads.skip(event, "currency " + p.currency + " unusable; the platform currency is used");
            return settings.currency();
        }
    }

    /** The vendor lines, one per (vendor, product): the same product twice in an order is one line of both quantities. */
    private static List<Ledger.Line> lines(IncomingEvent event, OrderPayment p) {
        if (p == null || p.orderId == null || p.items == null) {
            return List.of();
        }
        Map<String, Ledger.Line> byProduct = new LinkedHashMap<>();
        for (OrderPayment.Item i : p.items) {
            if (i == null || i.productId == null || i.vendorId == null || i.price == null || i.price.signum() < 0
                    || i.quantity == null || i.quantity <= 0 || i.discount != null && (i.discount.signum() < 0
                    || i.discount.compareTo(i.price.multiply(java.math.BigDecimal.valueOf(i.quantity))) > 0)) {
                Payloads.skip(event, "a line without vendor, price or quantity (or with an impossible discount) in order " + p.orderId);
                continue;
            }
            byProduct.merge(i.vendorId + "/" + i.productId,
                    new Ledger.Line(i.productId, i.productName, i.vendorId, i.price, i.quantity, i.discount),
                    (a, b) -> new Ledger.Line(a.productId(), a.productName(), a.vendorId(), a.price(), a.quantity() + b.quantity(),
                            a.discount().add(b.discount())));
        }
        return new ArrayList<>(byProduct.values());
    }

    private static Instant at(OrderPayment p) {
        try {
            return p.timestamp == null ? Instant.now() : Instant.parse(p.timestamp);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
