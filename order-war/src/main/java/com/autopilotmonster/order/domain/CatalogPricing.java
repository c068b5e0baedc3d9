package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.order.client.CartReader;
import com.autopilotmonster.order.client.Catalog;
import com.autopilotmonster.order.client.CatalogProduct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wanted lines priced by the catalog, and only by it: merged per product, bounded, each an active product at
 * the marketplace's current price. Orders and checkout sessions price the same way.
 */
@ApplicationScoped
public class CatalogPricing {

    @Inject
    Catalog catalog;

    @Inject
    OrderSettings settings;

    public List<OrderLine> price(List<CartReader.Wanted> wanted) {
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
                    product.vendorId(), null));
        }
        if (!unavailable.isEmpty()) {
            throw ApiException.unprocessable("These products are not available: " + String.join(", ", unavailable));
        }
        return lines;
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

}
