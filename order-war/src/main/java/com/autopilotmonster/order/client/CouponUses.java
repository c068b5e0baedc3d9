package com.autopilotmonster.order.client;

import com.autopilotmonster.common.client.RemoteProblem;
import com.autopilotmonster.common.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One coupon use per order, reserved at the marketplace while the order is placed. A refusal (unknown code,
 * not usable, used up) is 422 with the marketplace's reason; an outage is 503 and no order is written. A
 * reservation the order could not use is given back; if even that call fails, the marketplace releases
 * reservations that never became an order on its own after a few minutes.
 */
@ApplicationScoped
public class CouponUses {

    private static final Logger LOG = Logger.getLogger(CouponUses.class.getName());

    /** The reserved use: the coupon's code, the discount and each product's share of it. */
    public record Reserved(String code, BigDecimal discount, Map<String, BigDecimal> lineDiscounts) {
    }

    /** A line as the catalog priced it. */
    public record Line(String productId, int quantity) {
    }

    @Inject
    @org.eclipse.microprofile.rest.client.inject.RestClient
    CouponApi coupons;

    /** What the coupon would take off these lines now (checkout sessions); nothing is reserved. */
    public Reserved quote(String authorization, String code, List<Line> lines) {
        return ask(authorization, code, null, lines);
    }

    public Reserved reserve(String authorization, String code, String orderId, List<Line> lines) {
        return ask(authorization, code, orderId, lines);
    }

    private Reserved ask(String authorization, String code, String orderId, List<Line> lines) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        lines.forEach(l -> items.add(Json.createObjectBuilder().add("productId", l.productId()).add("quantity", l.quantity())));
        JsonObject answer;
        try {
            var body = Json.createObjectBuilder().add("code", code).add("items", items);
            answer = orderId == null ? coupons.quote(authorization, body.build())
                    : coupons.reserve(authorization, body.add("orderId", orderId).build());
        } catch (RemoteProblem refused) {
            if (refused.status() == 401 || refused.status() == 403) {
                LOG.log(Level.WARNING, "marketplace refused the buyer's token for a coupon: {0}", refused.status());
                throw ApiException.unavailable("Coupons cannot be checked right now; please try again");
            }
            throw ApiException.unprocessable(refused.getMessage());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            LOG.log(Level.WARNING, "marketplace answered {0} to a coupon reservation", status);
            throw ApiException.unavailable("Coupons cannot be checked right now; please try again");
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "marketplace unreachable for a coupon reservation: {0}", e.getMessage());
            throw ApiException.unavailable("Coupons cannot be checked right now; please try again");
        }
        JsonObject data = answer == null ? null : answer.getJsonObject("data");
        if (data == null || !(data.get("discount") instanceof JsonNumber discount)
                || !(data.get("lines") instanceof jakarta.json.JsonArray shares)) {
            if (orderId != null) {
                release(authorization, orderId);
            }
            throw ApiException.unavailable("The marketplace answered a coupon reservation without its discount");
        }
        Map<String, BigDecimal> lineDiscounts = new HashMap<>();
        for (JsonValue value : shares) {
            if (value instanceof JsonObject share && share.get("productId") instanceof JsonString id
                    && share.get("discount") instanceof JsonNumber amount) {
                lineDiscounts.put(id.getString(), amount.bigDecimalValue());
            }
        }
        return new Reserved(data.getString("code", code), discount.bigDecimalValue(), lineDiscounts);
    }

    /** Best effort: a use that is not given back here expires at the marketplace. */
    public void release(String authorization, String orderId) {
        try {
            coupons.release(authorization, orderId, JsonValue.EMPTY_JSON_OBJECT);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "coupon use of {0} not released now (the marketplace expires it): {1}",
                    new Object[] {orderId, e.toString()});
        }
    }

}
