package com.autopilotmonster.cart.domain;

import com.autopilotmonster.cart.client.CatalogProduct;
import com.autopilotmonster.cart.client.CatalogUnavailableException;
import com.autopilotmonster.cart.client.ProductCatalog;
import com.autopilotmonster.cart.client.ProductNotFoundException;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.problem.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/** The cart rules: catalog prices only, bounded quantities, one line per product, server-side totals. */
@ApplicationScoped
public class CartService {

    private static final Logger LOG = Logger.getLogger(CartService.class.getName());

    @Inject
    CartStore store;

    @Inject
    ProductCatalog catalog;

    @Inject
    CartSettings settings;

    /** The user's cart, or an empty (unsaved) one. */
    public Cart get(String userId) {
        return store.find(userId).orElseGet(() -> Cart.empty(userId));
    }

    public CartTotals totals(Cart cart) {
        return CartTotals.of(cart.lines(), settings.taxRate());
    }

    public String currency() {
        return settings.currency();
    }

    /**
     * Adds the product with the catalog's name, price and thumbnail; adding a product already in the cart
     * adds to that line's quantity (never a second line), within the configured maximum.
     */
    public Cart add(String userId, String productId, Integer quantity) {
        int requested = quantity == null ? 1 : quantity;
        checkQuantity(requested);
        CatalogProduct product = lookUp(productId);
        return store.change(userId, true, true, cart -> {
            if (cart.isFullFor(productId, settings.maxLines())) {
                throw ApiException.unprocessable("The cart holds " + settings.maxLines()
                        + " different products already; remove one first");
            }
            int total = cart.line(productId).map(l -> l.quantity() + requested).orElse(requested);
            if (total > settings.maxQuantity()) {
                throw tooMany("this product is in the cart " + (total - requested) + " time(s) already; at most "
                        + settings.maxQuantity() + " in all");
            }
            return cart.put(new CartLine(productId, product.name(), product.price(), total, product.thumbnail(),
                    product.vendorId(), true));
        }).orElseThrow();
    }

    public Cart setQuantity(String userId, String productId, int quantity) {
        checkQuantity(quantity);
        return store.change(userId, false, true, cart -> {
            CartLine line = cart.line(productId).orElseThrow(() -> lineNotFound(productId));
            return line.quantity() == quantity ? cart : cart.put(line.withQuantity(quantity));
        }).orElseThrow(() -> lineNotFound(productId));
    }

    public Cart remove(String userId, String productId) {
        return store.change(userId, false, true, cart -> {
            cart.line(productId).orElseThrow(() -> lineNotFound(productId));
            return cart.without(List.of(productId));
        }).orElseThrow(() -> lineNotFound(productId));
    }

    public Cart clear(String userId) {
        store.delete(userId);
        return Cart.empty(userId);
    }

    /**
     * A product changed in the catalog: every cart holding it takes the new name and price, and the line is
     * available only while the product is active. Does not extend the carts' expiry (the user did nothing).
     *
     * @return how many carts changed
     */
    public int productChanged(String productId, String name, BigDecimal price, boolean active) {
        int changed = 0;
        for (String userId : store.usersHolding(productId)) {
            Optional<Cart> result = store.change(userId, false, false, cart -> cart.line(productId)
                    .map(line -> {
                        CartLine next = line.repriced(name, price == null ? null : Money.cents(price), active);
                        return next.equals(line) ? cart : cart.put(next);
                    }).orElse(cart));
            changed += result.isPresent() ? 1 : 0;
        }
        return changed;
    }

    /** A product was deleted: its lines stay visible to the user but are flagged and no longer counted. */
    public int productDeleted(String productId) {
        int changed = 0;
        for (String userId : store.usersHolding(productId)) {
            Optional<Cart> result = store.change(userId, false, false, cart -> cart.line(productId)
                    .map(line -> line.available() ? cart.put(line.unavailable()) : cart).orElse(cart));
            changed += result.isPresent() ? 1 : 0;
        }
        return changed;
    }

    /** The user ordered these products: their lines leave the cart (the rest stays for later). */
    public void ordered(String userId, Collection<String> productIds) {
        store.change(userId, false, false, cart -> cart.lines().stream().anyMatch(l -> productIds.contains(l.productId()))
                ? cart.without(productIds) : cart);
    }

    private CatalogProduct lookUp(String productId) {
        try {
            return catalog.product(productId);
        } catch (ProductNotFoundException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (CatalogUnavailableException | FaultToleranceException e) {
            LOG.log(Level.WARNING, "product lookup failed: {0}", e.toString());
            throw new ApiException(503, "dependency-unavailable", "Service Unavailable",
                    "The product catalog is unavailable right now; retry shortly", List.of(),
                    Map.of("Retry-After", "5"));
        }
    }

    private void checkQuantity(int quantity) {
        if (quantity < 1 || quantity > settings.maxQuantity()) {
            throw tooMany("must be between 1 and " + settings.maxQuantity());
        }
    }

    private static ApiException tooMany(String message) {
        return ApiException.validation("quantity " + message, List.of(new FieldViolation("quantity", message)));
    }

    private static ApiException lineNotFound(String productId) {
        return ApiException.notFound("Product " + productId + " is not in the cart");
    }
}
