package com.autopilotmonster.order.client;

import com.autopilotmonster.common.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Prices come from here and only from here: the marketplace's answer for an active product. A product the
 * marketplace does not show (unknown, pending, rejected, deleted) is "not available"; a marketplace that
 * does not answer makes checkout 503, never a guess.
 */
@ApplicationScoped
public class Catalog {

    private static final Logger LOG = Logger.getLogger(Catalog.class.getName());

    @Inject
    @RestClient
    MarketplaceApi marketplace;

    public Optional<CatalogProduct> activeProduct(String productId) {
        JsonObject answer;
        try {
            answer = marketplace.product(productId);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404 || status == 400 || status == 410) {
                return Optional.empty();
            }
            LOG.log(Level.WARNING, "marketplace answered {0} for product {1}", new Object[] {status, productId});
            throw ApiException.unavailable("The catalog is not available right now; please try again");
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "marketplace unreachable: {0}", e.getMessage());
            throw ApiException.unavailable("The catalog is not available right now; please try again");
        }
        JsonObject data = answer == null ? null : answer.getJsonObject("data");
        if (data == null || !(data.get("price") instanceof JsonNumber price)) {
            throw ApiException.unavailable("The catalog answered without a price; please try again");
        }
        CatalogProduct product = new CatalogProduct(productId, string(data, "name"), price.bigDecimalValue(),
                string(data, "vendorId"), string(data, "status"));
        return product.active() ? Optional.of(product) : Optional.empty();
    }

    static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof jakarta.json.JsonString s ? s.getString() : null;
    }
}
