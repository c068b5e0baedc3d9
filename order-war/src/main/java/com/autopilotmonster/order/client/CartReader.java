package com.autopilotmonster.order.client;

import com.autopilotmonster.common.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Reads the caller's cart lines (product and quantity only: prices are the catalog's, never the cart's). */
@ApplicationScoped
public class CartReader {

    private static final Logger LOG = Logger.getLogger(CartReader.class.getName());

    @Inject
    @RestClient
    CartApi cart;

    /** A wanted product and how many. */
    public record Wanted(String productId, int quantity) {
    }

    /** The cart's id (null for a cart never stored), lines and the coupon applied to it (null when none). */
    public record Contents(String cartId, List<Wanted> lines, String couponCode) {
    }

    public Contents read(String authorization) {
        JsonObject answer;
        try {
            answer = cart.cart(authorization);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 401) {
                throw ApiException.unauthorized("The cart service refused the token");
            }
            LOG.log(Level.WARNING, "cart service answered {0}", status);
            throw ApiException.unavailable("The cart is not available right now; please try again");
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "cart service unreachable: {0}", e.getMessage());
            throw ApiException.unavailable("The cart is not available right now; please try again");
        }
        JsonObject data = answer == null ? null : answer.getJsonObject("data");
        JsonArray items = data == null || !(data.get("items") instanceof JsonArray a) ? null : a;
        List<Wanted> lines = new ArrayList<>();
        String coupon = data != null && data.get("couponCode") instanceof jakarta.json.JsonString code ? code.getString() : null;
        String cartId = data != null && data.get("_id") instanceof jakarta.json.JsonString id ? id.getString() : null;
        if (items == null) {
            return new Contents(cartId, lines, coupon);
        }
        for (JsonValue value : items) {
            if (value instanceof JsonObject item && item.get("productId") instanceof jakarta.json.JsonString id
                    && item.get("quantity") instanceof JsonNumber quantity) {
                lines.add(new Wanted(id.getString(), quantity.intValue()));
            }
        }
        return new Contents(cartId, lines, coupon);
    }
}
