package com.autopilotmonster.cart.client;

import com.autopilotmonster.common.client.RemoteProblem;
import com.autopilotmonster.common.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What a coupon takes off the cart, asked of the marketplace (the coupons' owner). A refusal (unknown code 404,
 * not usable 422) is the marketplace's answer and passes through with its reason; an outage is a 503 and
 * counts for the circuit breaker. Not retried: the buyer can press the button again.
 */
@ApplicationScoped
public class CouponQuotes {

    /** The coupon as applied: its normalized code and the discount on the quoted lines. */
    public record Applied(String code, BigDecimal discount) {
    }

    @Inject
    @RestClient
    CouponApi coupons;

    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = ApiException.class)
    public Applied quote(String authorization, String code, Map<String, Integer> quantities) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        quantities.forEach((productId, quantity) -> items.add(Json.createObjectBuilder().add("productId", productId)
                .add("quantity", quantity)));
        JsonObject answer;
        try {
            answer = coupons.quote(authorization, Json.createObjectBuilder().add("code", code).add("items", items).build());
        } catch (RemoteProblem refused) {
            int status = refused.status();
            if (status == 401 || status == 403) {
                throw new CatalogUnavailableException("marketplace refused the buyer's token for a quote: " + status, refused);
            }
            // unknown code 404 stays 404; anything else the marketplace refuses is not usable for this cart
            throw status == 404 ? ApiException.notFound(refused.getMessage()) : ApiException.unprocessable(refused.getMessage());
        } catch (WebApplicationException e) {
            throw new CatalogUnavailableException("marketplace answered " + e.getResponse().getStatus() + " to a coupon quote", e);
        } catch (ProcessingException e) {
            throw new CatalogUnavailableException("marketplace unreachable: " + e.getMessage(), e);
        }
        JsonObject data = answer == null ? null : answer.getJsonObject("data");
        if (data == null || !(data.get("discount") instanceof JsonNumber discount) || data.getString("code", null) == null) {
            throw new CatalogUnavailableException("marketplace answered a quote without a discount", null);
        }
        return new Applied(data.getString("code"), discount.bigDecimalValue());
    }

}
