package com.autopilotmonster.vendor.api;

import static com.autopilotmonster.vendor.api.VendorApi.awaitTotals;
import static com.autopilotmonster.vendor.api.VendorApi.same;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A line bought with a coupon: the vendor earns on what was charged (price x quantity - the line's discount). */
class DiscountedSaleIT {

    @BeforeAll
    static void setUp() {
        VendorApi.target();
        VendorApi.pinSettings(EarningsAndPayoutsIT.RATE, "10.00", EarningsAndPayoutsIT.HOLDING_SECONDS);
    }

    private static String payload(String orderId, String productId, String vendorId, String discount) {
        return "{\"orderId\":\"" + orderId + "\",\"userId\":\"" + new ObjectId().toHexString() + "\",\"amount\":99.00,"
                + "\"currency\":\"USD\",\"paymentMethod\":\"stripe\",\"paymentId\":\"pi_" + UUID.randomUUID() + "\","
                + "\"items\":[{\"productId\":\"" + productId + "\",\"productName\":\"Discounted\",\"vendorId\":\"" + vendorId
                + "\",\"price\":50.00,\"quantity\":2,\"discount\":" + discount + ",\"total\":90.00}],"
                + "\"timestamp\":\"" + Instant.now() + "\"}";
    }

    @Test
    void theVendorEarnsOnTheDiscountedAmountAndARefundTakesBackExactlyThat() {
        VendorApi.Seller s = VendorApi.activeVendor("Coupon vendor");
        String productId = new ObjectId().toHexString();
        // an impossible discount (more than the line) is skipped; the channel goes on
        VendorApi.publish("payment.success", "bad", UUID.randomUUID().toString(),
                payload("ord_" + UUID.randomUUID(), productId, s.id(), "100.01"));
        String orderId = "ord_" + UUID.randomUUID();
        VendorApi.publish("payment.success", orderId, UUID.randomUUID().toString(), payload(orderId, productId, s.id(), "10.00"));
        // 2 x 50.00 - 10.00 = 90.00 charged; 20 % commission 18.00; net 72.00
        awaitTotals(s, "discounted sale", t -> same(t.get("lifetime"), new BigDecimal("72.00")));
        VendorApi.publish("order.refunded", orderId, UUID.randomUUID().toString(), payload(orderId, productId, s.id(), "10.00"));
        awaitTotals(s, "refund of the discounted sale", t -> same(t.get("lifetime"), BigDecimal.ZERO));
        Eventually.sleep(1000);
        assertTrue(same(VendorApi.totals(s).get("lifetime"), BigDecimal.ZERO), "the skipped line never counted");
    }
}
