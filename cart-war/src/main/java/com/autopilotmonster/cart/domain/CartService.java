package com.autopilotmonster.cart.domain;

import com.autopilotmonster.cart.client.CatalogProduct;
import com.autopilotmonster.cart.client.CatalogUnavailableException;
import com.autopilotmonster.cart.client.CouponQuotes;
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

    @Inject
    CouponQuotes coupons;

    /** The user's cart, or an empty (unsaved) one. */
    public Cart get(String userId) {
        return store.find(userId).orElseGet(() -> Cart.empty(userId));
    }

    public CartTotals totals(Cart cart) {
        return CartTotals.of(cart.lines(), settings.taxRate(), cart.discount());
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

    /**
     * Applies a coupon as the marketplace quotes it for the cart's available lines. The quote is asked outside
     * the store's conditional write; if the lines changed meanwhile, it is asked again for the new lines, so
     * the stored discount always belongs to the stored lines.
     */
    public Cart applyCoupon(String userId, String authorization, String code) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Cart current = store.find(userId).orElse(null);
            Map<String, Integer> quoted = current == null ? Map.of() : quantities(current);
            if (quoted.isEmpty()) {
                throw ApiException.unprocessable("Your cart is empty; add a product before applying a coupon");
            }
            CouponQuotes.Applied applied = quote(authorization, code, quoted);
            Optional<Cart> written = store.change(userId, false, true, cart -> quantities(cart).equals(quoted)
                    ? cart.withCoupon(applied.code(), applied.discount()) : cart);
            if (written.isPresent() && applied.code().equals(written.get().couponCode())
                    && quantities(written.get()).equals(quoted)) {
                return written.get();
            }
        }
        throw ApiException.conflict("The cart is being changed by another request; retry");
    }

    public Cart removeCoupon(String userId) {
        return store.change(userId, false, true, Cart::withoutCoupon).orElseGet(() -> Cart.empty(userId));
    }

    /**
     * After the user changed the lines, the coupon is quoted again: a coupon that no longer applies (minimum
     * subtotal, scope) is removed; while the marketplace is unreachable the last discount stays, capped by the
     * subtotal - the order asks again anyway before anything is charged.
     */
    public Cart requote(String userId, String authorization, Cart cart) {
        if (cart.couponCode() == null) {
            return cart;
        }
        Map<String, Integer> quoted = quantities(cart);
        CouponQuotes.Applied applied;
        try {
            applied = quoted.isEmpty() ? null : coupons.quote(authorization, cart.couponCode(), quoted);
        } catch (ApiException refused) {
            applied = null;
        } catch (CatalogUnavailableException | FaultToleranceException e) {
            LOG.log(Level.WARNING, "coupon quote failed, the last discount stays: {0}", e.toString());
            return cart;
        }
        CouponQuotes.Applied now = applied;
        return store.change(userId, false, false, c -> {
            if (!quantities(c).equals(quoted) || c.couponCode() == null) {
                return c; // changed again meanwhile: that request quotes for itself
            }
            if (now == null) {
                return c.withoutCoupon();
            }
            return now.discount().compareTo(c.discount()) == 0 ? c : c.withCoupon(now.code(), now.discount());
        }).orElse(cart);
    }

    private CouponQuotes.Applied quote(String authorization, String code, Map<String, Integer> quantities) {
        try {
            return coupons.quote(authorization, code, quantities);
        } catch (CatalogUnavailableException | FaultToleranceException e) {
            LOG.log(Level.WARNING, "coupon quote failed: {0}", e.toString());
            throw new ApiException(503, "dependency-unavailable", "Service Unavailable",
                    "Coupons cannot be checked right now; retry shortly", List.of(), Map.of("Retry-After", "5"));
        }
    }

    private static Map<String, Integer> quantities(Cart cart) {
        Map<String, Integer> quantities = new java.util.TreeMap<>();
        cart.lines().stream().filter(CartLine::available).forEach(l -> quantities.put(l.productId(), l.quantity()));
        return quantities;
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
