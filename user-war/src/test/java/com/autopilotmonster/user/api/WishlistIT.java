package com.autopilotmonster.user.api;

import static com.autopilotmonster.user.api.Users.get;
import static com.autopilotmonster.user.api.Users.problem;
import static com.autopilotmonster.user.api.Users.send;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.user.api.Users.User;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wishlists against the REAL marketplace server: products created by a vendor and approved by an admin through
 * its API; only active products can be added (asked live); adding twice is one entry; entries follow the
 * catalog (its product.* events) and a deleted or unpublished product stays listed as unavailable.
 */
class WishlistIT {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @BeforeAll
    static void setUp() {
        Users.target();
        Marketplace.awaitReady();
    }

    private static ValidatableResponse add(User user, String productId) {
        return send("POST", user.token(), "/api/users/wishlist", "{\"productId\":\"" + productId + "\"}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(User user, String productId) {
        List<Map<String, Object>> items = get(user.token(), "/api/users/wishlist").statusCode(200).extract().path("data.items");
        return items.stream().filter(i -> productId.equals(i.get("productId"))).findFirst().orElse(null);
    }

    @Test
    void activeProductsAreAddedOnceWithTheCatalogsNameAndPrice() {
        String product = Marketplace.createActive("Wish " + UUID.randomUUID(), "24.00");
        User user = User.fresh();
        get(user.token(), "/api/users/wishlist").statusCode(200).body("data.items", hasSize(0)).body("data.userId", equalTo(user.id()));
        // name and price sent by the client are ignored
        send("POST", user.token(), "/api/users/wishlist", "{\"productId\":\"" + product + "\",\"productName\":\"Cheap\",\"productPrice\":0.01}")
                .statusCode(200).body("data.items", hasSize(1)).body("data.items[0].productId", equalTo(product))
                .body("data.items[0].productPrice", comparesEqualTo(new BigDecimal("24.00")))
                .body("data.items[0].available", equalTo(true)).body("data.count", equalTo(1));
        add(user, product).statusCode(200).body("data.items", hasSize(1));
        add(user, product.toUpperCase()).statusCode(200).body("data.items", hasSize(1));
        get(user.token(), "/api/users/dashboard").body("data.counts.wishlist", equalTo(1));

        // another user's wishlist is theirs alone; removing what is not there is 404
        User other = User.fresh();
        get(other.token(), "/api/users/wishlist").body("data.items", hasSize(0));
        problem(send("DELETE", other.token(), "/api/users/wishlist/" + product, null), 404);
        send("DELETE", user.token(), "/api/users/wishlist/" + product, null).statusCode(200).body("data.items", hasSize(0));
        problem(send("DELETE", user.token(), "/api/users/wishlist/" + product, null), 404);
    }

    @Test
    void onlyExistingActiveProductsCanBeAdded() {
        User user = User.fresh();
        String pending = Marketplace.createPending("Pending " + UUID.randomUUID(), "5.00");
        problem(add(user, pending), 404);
        problem(add(user, Users.productId()), 404);
        problem(add(user, "not-an-id"), 400);
        problem(send("POST", user.token(), "/api/users/wishlist", "{\"productId\":{\"$gt\":\"\"}}"), 400);
        problem(send("POST", user.token(), "/api/users/wishlist", "{}"), 400);
        problem(send("POST", user.token(), "/api/users/wishlist", "{\"productId\":"), 400);
        problem(send("DELETE", user.token(), "/api/users/wishlist/%7B%22%24ne%22%3Anull%7D", null), 400);
        get(user.token(), "/api/users/wishlist").body("data.items", hasSize(0));
    }

    @Test
    void deletedAndUnpublishedProductsStayListedAsUnavailableAndPriceChangesShow() {
        String deleted = Marketplace.createActive("Deleted " + UUID.randomUUID(), "7.00");
        String unpublished = Marketplace.createActive("Unpublished " + UUID.randomUUID(), "8.00");
        String repriced = Marketplace.createActive("Repriced " + UUID.randomUUID(), "9.00");
        User user = User.fresh();
        add(user, deleted).statusCode(200);
        add(user, unpublished).statusCode(200);
        add(user, repriced).statusCode(200);

        Marketplace.delete(deleted);
        Marketplace.setStatus(unpublished, "rejected");
        Marketplace.setPrice(repriced, "11.50");

        Eventually.await("deleted product flagged", WAIT, () -> Boolean.FALSE.equals(entry(user, deleted).get("available")));
        assertEquals("deleted", entry(user, deleted).get("status"));
        Eventually.await("unpublished product flagged", WAIT, () -> Boolean.FALSE.equals(entry(user, unpublished).get("available")));
        Eventually.await("new price shown", WAIT, () -> new BigDecimal("11.50")
                .compareTo((BigDecimal) entry(user, repriced).get("productPrice")) == 0);
        assertEquals(true, entry(user, repriced).get("available"));
        get(user.token(), "/api/users/wishlist").body("data.items", hasSize(3));
        // and an unavailable product cannot be added by someone else
        problem(add(User.fresh(), deleted), 404);
    }
}
