package com.autopilotmonster.vendor.client;

import com.autopilotmonster.common.client.RemoteProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.StringReader;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The vendor's products, through the marketplace, with MicroProfile Fault Tolerance (modelled on cart-war's
 * ProductCatalog): 3 s per attempt; reads retried once after 200 ms on refused connections and 5xx (writes never:
 * a create that timed out may have happened); circuit breaker over the last 4 calls at 50 %, open 5 s. A 4xx
 * from the marketplace is its answer ({@link MarketplaceRefusal}), never a failure of the breaker.
 */
@ApplicationScoped
public class VendorCatalog {

    @Inject
    @RestClient
    MarketplaceProducts marketplace;

    @Timeout(3000)
    @Retry(maxRetries = 1, delay = 200, jitter = 50, retryOn = MarketplaceUnavailable.class, abortOn = MarketplaceRefusal.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = MarketplaceRefusal.class)
    public JsonObject mine(String authorization, String status, int page, int limit) {
        return call(() -> marketplace.mine(authorization, status, page, limit));
    }

    @Timeout(3000)
    @Retry(maxRetries = 1, delay = 200, jitter = 50, retryOn = MarketplaceUnavailable.class, abortOn = MarketplaceRefusal.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = MarketplaceRefusal.class)
    public JsonObject get(String authorization, String id) {
        return call(() -> marketplace.get(authorization, id));
    }

    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = MarketplaceRefusal.class)
    public JsonObject create(String authorization, JsonObject body) {
        return call(() -> marketplace.create(authorization, body));
    }

    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = MarketplaceRefusal.class)
    public JsonObject update(String authorization, String id, JsonObject body) {
        return call(() -> marketplace.update(authorization, id, body));
    }

    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = MarketplaceRefusal.class)
    public JsonObject delete(String authorization, String id) {
        return call(() -> marketplace.delete(authorization, id));
    }

    private static JsonObject call(Supplier<JsonObject> call) {
        try {
            return call.get();
        } catch (RemoteProblem e) {
            throw new MarketplaceRefusal(e.status(), e.getMessage());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                throw new MarketplaceRefusal(status, message(e));
            }
            throw new MarketplaceUnavailable("marketplace answered " + status, e);
        } catch (ProcessingException e) {
            throw new MarketplaceUnavailable("marketplace unreachable: " + e.getMessage(), e);
        }
    }

    private static String message(WebApplicationException e) {
        try {
            String body = e.getResponse().readEntity(String.class);
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                JsonObject o = reader.readObject();
                return o.getString("message", o.getString("detail", "The marketplace refused the request"));
            }
        } catch (RuntimeException ignored) {
            return "The marketplace refused the request";
        }
    }
}
