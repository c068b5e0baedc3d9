package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.events.EventPublisher;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.problem.FieldViolation;
import com.autopilotmonster.order.client.CartReader;
import com.autopilotmonster.order.client.Catalog;
import com.autopilotmonster.order.client.CatalogProduct;
import com.autopilotmonster.order.events.OrderCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Places orders: the wanted lines (the caller's cart, or an explicit list) are merged per product, each is
 * priced by the catalog - only active products, never a client's price - and the totals are computed in
 * BigDecimal. Nothing is written until every line is priced, so a catalog outage leaves no half order.
 */
@ApplicationScoped
public class Checkout {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Inject
    Catalog catalog;

    @Inject
    CartReader cart;

    @Inject
    OrderStore orders;

    @Inject
    EventPublisher events;

    @Inject
    OrderSettings settings;

    /** @param explicit the lines the client listed, or null/empty to order the caller's cart */
    public Order place(String userId, String userEmail, String authorization, List<CartReader.Wanted> explicit,
                       BillingAddress billing, String paymentMethod) {
        BillingAddress address = normalize(billing);
        boolean fromCart = explicit == null || explicit.isEmpty();
        List<CartReader.Wanted> wanted = fromCart ? cart.lines(authorization) : explicit;
        if (wanted.isEmpty()) {
            throw ApiException.unprocessable(fromCart ? "Your cart is empty" : "The order has no items");
        }
        Map<String, Integer> quantities = merge(wanted);
        List<OrderLine> lines = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : quantities.entrySet()) {
            CatalogProduct product = catalog.activeProduct(entry.getKey()).orElse(null);
            if (product == null) {
                unavailable.add(entry.getKey());
                continue;
            }
            lines.add(new OrderLine(product.id(), product.name(), Money.of(product.price()), entry.getValue(),
                    product.vendorId()));
        }
        if (!unavailable.isEmpty()) {
            throw ApiException.unprocessable("These products are not available: " + String.join(", ", unavailable));
        }
        BigDecimal subtotal = Money.of(lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal tax = subtotal.multiply(settings.taxRate()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = Money.of(subtotal.add(tax));
        Instant now = Instant.now();
        Document document = null;
        for (int attempt = 0; attempt < 5 && document == null; attempt++) {
            Document candidate = Order.newDocument(OrderIds.next(), userId, userEmail, lines, subtotal, tax, total,
                    settings.currency(), paymentMethod, address, now);
            if (orders.insert(candidate)) {
                document = candidate;
            }
        }
        if (document == null) {
            throw new IllegalStateException("could not draw a free order number in 5 attempts");
        }
        Order order = Order.from(document);
        events.publish(OrderCreated.TOPIC, order.orderId(), new OrderCreated(order.orderId(), userId,
                lines.stream().map(l -> new OrderCreated.Item(l.productId(), l.productName(), l.price(), l.quantity(),
                        l.vendorId())).toList(), subtotal, tax, total, order.currency(), now.toString()));
        return order;
    }

    private Map<String, Integer> merge(List<CartReader.Wanted> wanted) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (CartReader.Wanted line : wanted) {
            if (line.productId() == null || !org.bson.types.ObjectId.isValid(line.productId())) {
                throw ApiException.unprocessable("Not a product id: " + line.productId());
            }
            if (line.quantity() < 1) {
                throw ApiException.unprocessable("Quantities must be at least 1");
            }
            quantities.merge(line.productId().toLowerCase(Locale.ROOT), line.quantity(), Integer::sum);
        }
        if (quantities.size() > settings.maxLines()) {
            throw ApiException.unprocessable("An order has at most " + settings.maxLines() + " products");
        }
        for (int quantity : quantities.values()) {
            if (quantity > settings.maxQuantity()) {
                throw ApiException.unprocessable("At most " + settings.maxQuantity() + " of one product per order");
            }
        }
        return quantities;
    }

    private static BillingAddress normalize(BillingAddress b) {
        String country = b.country().trim().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw ApiException.validation("billingAddress.country: must be an ISO 3166-1 alpha-2 country code",
                    List.of(new FieldViolation("billingAddress.country", "must be an ISO 3166-1 alpha-2 country code")));
        }
        return new BillingAddress(b.name().trim(), b.email().trim().toLowerCase(Locale.ROOT), b.address().trim(),
                b.city().trim(), country, b.zip().trim().toUpperCase(Locale.ROOT));
    }
}
