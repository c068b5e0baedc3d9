package com.autopilotmonster.platform;

import static com.autopilotmonster.platform.Platform.api;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.MailCatcher;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A contract test per module of the original web client ({@code frontend/src/lib/api/*.api.ts}): every call its
 * module makes, with the request body it sends, through the gateway, and the answer checked against the types the
 * module reads (src/test/resources/client-contract). A module's test lists all its disagreements at once.
 * The calls the client only mocks (vendor getProfile, getProducts, getAnalytics) are checked against the types
 * the mocks return, since the pages render them.
 */
class ClientContractIT {

    private static final String PASSWORD = "client contract passphrase " + UUID.randomUUID();
    private static final String ADDRESS = "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"address1\":\"12 St James's Square\","
            + "\"city\":\"London\",\"state\":\"LDN\",\"country\":\"GB\",\"postalCode\":\"SW1Y 4JH\",\"phone\":\"+44 20 7946 0000\"}";

    private static String admin;
    private static String vendorToken;
    private static String vendorId;
    private static String productId;

    @BeforeAll
    static void platform() {
        Platform.ready();
        Platform.readyAlso(Map.of("admin", 4007, "content", 4008));
        admin = Platform.adminToken();
        JsonPath vendor = Platform.approvedVendor(PASSWORD);
        vendorToken = vendor.getString("data.accessToken");
        vendorId = vendor.getString("data.user.userId");
        productId = liveProduct("Contract inbox agent", "40.00");
    }

    private static String liveProduct(String name, String price) {
        String id = Platform.post(vendorToken, "/api/marketplace/products", "{\"name\":\"" + name + " " + UUID.randomUUID()
                + "\",\"description\":\"Sorts the inbox\",\"price\":" + price + ",\"currency\":\"USD\",\"category\":\"automation\","
                + "\"tags\":[\"email\",\"ai\"],\"images\":[\"https://cdn.example.test/a.png\"]}")
                .statusCode(201).extract().path("data.productId");
        Eventually.await("product " + id + " published", Duration.ofSeconds(60), () -> api(admin)
                .body("{\"status\":\"active\"}").put("/api/marketplace/products/{id}", id).statusCode() == 200);
        return id;
    }

    private static JsonPath buyer() {
        return Platform.register("user", PASSWORD);
    }

    private static RequestSpecification as(String token) {
        return token == null ? api() : api(token);
    }

    private static Response get(String token, String path) {
        return as(token).get(path);
    }

    private static Response post(String token, String path, String json) {
        return as(token).body(json).post(path);
    }

    private static Response put(String token, String path, String json) {
        return as(token).body(json).put(path);
    }

    private static Response delete(String token, String path) {
        return as(token).delete(path);
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? "missing-" + field : node.get(field).asText();
    }

    @Test
    void authApi() {
        ClientContract auth = ClientContract.of("auth");
        String email = "contract-" + UUID.randomUUID() + "@example.test";
        auth.data("register", post(null, "/api/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}"), "AuthData");
        JsonNode session = auth.data("login", post(null, "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\"}"), "AuthData");
        String token = text(session, "accessToken");
        auth.data("getProfile", get(token, "/api/auth/profile"), "UserProfile");
        auth.data("updateProfile", put(token, "/api/auth/profile", "{\"firstName\":\"Augusta\"}"), "UserProfile");
        auth.data("refreshToken", post(null, "/api/auth/refresh", "{\"refreshToken\":\"" + text(session, "refreshToken") + "\"}"),
                "AuthData");
        auth.message("forgotPassword", post(null, "/api/auth/forgot-password", "{\"email\":\"" + email + "\"}"));
        String link = Eventually.await("the reset mail", Duration.ofSeconds(60), () -> MailCatcher.inbox(email).stream()
                .filter(mail -> mail.subject().toLowerCase(Locale.ROOT).contains("reset")).map(MailCatcher.Mail::firstLink)
                .findFirst().orElse(null));
        String resetToken = URI.create(link.replace("=\r\n", "").trim()).getQuery().replaceFirst(".*token=([^&]+).*", "$1");
        auth.refusal("resetPassword (bad token)", post(null, "/api/auth/reset-password",
                "{\"token\":\"not-a-token\",\"newPassword\":\"another long passphrase 1\"}"), 400);
        auth.message("resetPassword", post(null, "/api/auth/reset-password", "{\"token\":\"" + resetToken
                + "\",\"newPassword\":\"another long passphrase 2\"}"));
        auth.refusal("login (old password)", post(null, "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\"}"), 401);
        auth.assertNone();
    }

    @Test
    void marketplaceApi() {
        ClientContract market = ClientContract.of("marketplace");
        market.data("searchProducts", get(null, "/api/marketplace/products?search=Contract&category=automation&minPrice=1"
                + "&maxPrice=500&tags=email&sortBy=price_asc&page=1&limit=5"), "ProductPage");
        market.data("getFeaturedProducts", get(null, "/api/marketplace/products/featured?limit=10"), "ProductList");
        market.data("getPopularProducts", get(null, "/api/marketplace/products/popular?limit=10"), "ProductList");
        market.data("getProduct", get(null, "/api/marketplace/products/" + productId), "Product");
        market.data("getCategories", get(null, "/api/marketplace/categories"), "CategoryList");
        String reviewer = buyer().getString("data.accessToken");
        market.data("createReview", post(reviewer, "/api/marketplace/products/" + productId + "/reviews",
                "{\"rating\":5,\"title\":\"Works\",\"comment\":\"Sorted my inbox in a minute\"}"), "Review");
        market.data("getProductReviews", get(null, "/api/marketplace/products/" + productId + "/reviews?page=1&limit=10"),
                "ReviewPage");
        JsonNode created = market.data("createProduct", post(vendorToken, "/api/marketplace/products", "{\"name\":\"Contract draft "
                + UUID.randomUUID() + "\",\"description\":\"A draft\",\"price\":12.5,\"currency\":\"USD\",\"category\":\"automation\","
                + "\"tags\":[\"draft\"],\"images\":[]}"), "Product");
        String draft = text(created, "productId");
        market.data("updateProduct", put(vendorToken, "/api/marketplace/products/" + draft, "{\"price\":14.5}"), "Product");
        market.message("deleteProduct", delete(vendorToken, "/api/marketplace/products/" + draft));
        market.refusal("createReview (no token)", post(null, "/api/marketplace/products/" + productId + "/reviews",
                "{\"rating\":5,\"comment\":\"anonymous\"}"), 401);
        market.assertNone();
    }

    @Test
    void cartApi() {
        ClientContract cart = ClientContract.of("cart");
        String token = buyer().getString("data.accessToken");
        String code = coupon(10, 5);
        cart.data("getCart", get(token, "/api/cart"), "Cart");
        cart.data("addItem", post(token, "/api/cart/items", "{\"productId\":\"" + productId + "\",\"productName\":\"whatever the page shows\","
                + "\"price\":0.01,\"quantity\":1,\"vendorId\":\"" + vendorId + "\"}"), "Cart");
        cart.data("updateItem", put(token, "/api/cart/items/" + productId, "{\"quantity\":3}"), "Cart");
        cart.data("applyCoupon", post(token, "/api/cart/coupon", "{\"couponCode\":\"" + code + "\"}"), "Cart");
        cart.data("removeCoupon", delete(token, "/api/cart/coupon"), "Cart");
        cart.refusal("applyCoupon (unknown code)", post(token, "/api/cart/coupon", "{\"couponCode\":\"NO-SUCH-CODE\"}"), 404);
        cart.data("removeItem", delete(token, "/api/cart/items/" + productId), "Cart");
        cart.message("clearCart", delete(token, "/api/cart"));
        cart.assertNone();
    }

    private static String coupon(int percent, int uses) {
        String code = "CONTRACT" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
        Platform.post(admin, "/api/marketplace/coupons", "{\"code\":\"" + code + "\",\"type\":\"percentage\",\"value\":" + percent
                + ",\"maxUses\":" + uses + "}").statusCode(201);
        return code;
    }

    @Test
    void checkoutApi() {
        ClientContract checkout = ClientContract.of("checkout");
        String token = buyer().getString("data.accessToken");
        String cartId = post(token, "/api/cart/items", "{\"productId\":\"" + productId + "\",\"quantity\":1}").then()
                .statusCode(200).extract().path("data.cartId");
        JsonNode session = checkout.data("createSession", post(token, "/api/checkout/session", "{\"cartId\":\"" + cartId + "\"}"),
                "CheckoutSession");
        String sessionId = text(session, "sessionId");
        checkout.data("getSession", get(token, "/api/checkout/session/" + sessionId), "CheckoutSession");
        checkout.data("applyCoupon", post(token, "/api/checkout/session/" + sessionId + "/coupon",
                "{\"couponCode\":\"" + coupon(25, 3) + "\"}"), "CouponResult");
        checkout.data("getPaymentMethods", get(token, "/api/checkout/payment-methods"), "PaymentMethodList");
        JsonNode first = checkout.data("addPaymentMethod", post(token, "/api/checkout/payment-methods", "{\"type\":\"credit_card\","
                + "\"last4\":\"4242\",\"brand\":\"visa\",\"expiryMonth\":12,\"expiryYear\":2031,\"isDefault\":true}"), "PaymentMethod");
        JsonNode second = checkout.data("addPaymentMethod (second)", post(token, "/api/checkout/payment-methods",
                "{\"type\":\"debit_card\",\"last4\":\"4444\",\"brand\":\"mastercard\",\"expiryMonth\":1,\"expiryYear\":2030,"
                        + "\"isDefault\":false}"), "PaymentMethod");
        checkout.data("setDefaultPaymentMethod", post(token, "/api/checkout/payment-methods/" + text(second, "id")
                + "/set-default", "{}"), "PaymentMethod");
        checkout.message("deletePaymentMethod", delete(token, "/api/checkout/payment-methods/" + text(second, "id")));
        JsonNode paid = checkout.data("processPayment", post(token, "/api/checkout/session/" + sessionId + "/payment",
                "{\"paymentMethodId\":\"" + text(first, "id") + "\",\"billingAddress\":" + ADDRESS + ",\"savePaymentMethod\":true}"),
                "PaymentResult");
        // a double click: the same order, answered as the client reads it, never a second one
        JsonNode again = checkout.data("processPayment (again)", post(token, "/api/checkout/session/" + sessionId + "/payment",
                "{\"paymentMethodId\":\"" + text(first, "id") + "\",\"billingAddress\":" + ADDRESS + "}"), "PaymentResult");
        checkout.same("processPayment (again): orderId", text(paid, "orderId"), text(again, "orderId"));
        checkout.assertNone();
    }

    @Test
    void orderApi() {
        ClientContract order = ClientContract.of("order");
        JsonPath buyer = buyer();
        String token = buyer.getString("data.accessToken");
        String body = "{\"items\":[{\"productId\":\"" + productId + "\",\"productName\":\"Contract inbox agent\",\"price\":40,"
                + "\"quantity\":1}],\"subtotal\":40,\"discount\":0,\"tax\":4,\"total\":44,\"paymentMethod\":\"card\","
                + "\"billingAddress\":" + ADDRESS + "}";
        JsonNode created = order.data("createOrder", post(token, "/api/orders", body), "Order");
        String orderId = text(created, "orderId");
        order.data("getUserOrders", get(token, "/api/orders?page=1&limit=20"), "OrderPage");
        order.data("getOrder", get(token, "/api/orders/" + orderId), "Order");
        double total = created == null ? 0 : created.path("total").asDouble();
        order.refusal("processPayment (wrong amount)", post(token, "/api/orders/" + orderId + "/payment",
                "{\"amount\":" + (total + 1) + ",\"method\":\"card\"}"), 422);
        order.data("processPayment", post(token, "/api/orders/" + orderId + "/payment", "{\"amount\":" + total
                + ",\"method\":\"card\"}"), "Payment");
        order.data("getPaymentStatus", get(token, "/api/orders/" + orderId + "/payment"), "Payment");
        order.refusal("getPaymentStatus (another buyer)", get(buyer().getString("data.accessToken"),
                "/api/orders/" + orderId + "/payment"), 404);
        JsonNode second = order.data("createOrder (second)", post(token, "/api/orders", body), "Order");
        order.data("cancelOrder", post(token, "/api/orders/" + text(second, "orderId") + "/cancel", "{}"), "Order");
        order.data("getOrderStats", get(token, "/api/stats"), "Stats");
        order.assertNone();
    }

    @Test
    void userApi() {
        ClientContract user = ClientContract.of("user");
        String token = buyer().getString("data.accessToken");
        user.data("getProfile", get(token, "/api/users/profile"), "UserProfile");
        user.data("updateProfile", put(token, "/api/users/profile", "{\"phone\":\"+44 20 7946 0001\",\"preferences\":"
                + "{\"newsletter\":true,\"notifications\":false,\"language\":\"en\",\"timezone\":\"Europe/London\",\"theme\":\"dark\"}}"),
                "UserProfile");
        user.data("getDashboard", get(token, "/api/users/dashboard"), "Dashboard");
        user.data("getWishlist", get(token, "/api/users/wishlist"), "Wishlist");
        user.data("addToWishlist", post(token, "/api/users/wishlist", "{\"productId\":\"" + productId
                + "\",\"productName\":\"Contract inbox agent\",\"productPrice\":40}"), "Wishlist");
        user.data("removeFromWishlist", delete(token, "/api/users/wishlist/" + productId), "Wishlist");
        user.data("getActiveSubscription (none)", get(token, "/api/users/subscriptions/active"), "ActiveSubscription");
        String subscriptionId = post(token, "/api/users/subscriptions", "{\"plan\":\"pro\"}").then().statusCode(201)
                .extract().path("data.subscriptionId");
        user.data("getSubscriptions", get(token, "/api/users/subscriptions"), "SubscriptionList");
        user.data("getActiveSubscription", get(token, "/api/users/subscriptions/active"), "ActiveSubscription");
        user.data("cancelSubscription", post(token, "/api/users/subscriptions/" + subscriptionId + "/cancel", "{}"), "Subscription");
        user.refusal("cancelSubscription (another user's)", post(buyer().getString("data.accessToken"),
                "/api/users/subscriptions/" + subscriptionId + "/cancel", "{}"), 404);
        user.assertNone();
    }

    @Test
    void vendorApi() {
        ClientContract vendor = ClientContract.of("vendor");
        JsonPath account = Platform.register("vendor", PASSWORD);
        String token = account.getString("data.accessToken");
        vendor.data("updateProfile (first: creates the record)", put(token, "/api/vendors/profile",
                "{\"name\":\"Contract Vendor\",\"description\":\"Agents for inboxes\",\"email\":\"sales@contract.example.test\","
                        + "\"website\":\"https://contract.example.test\"}"), "VendorProfile");
        vendor.data("updateProfile", put(token, "/api/vendors/profile", "{\"phone\":\"+44 20 7946 0002\"}"), "VendorProfile");
        vendor.data("getProfile (mocked by the client)", get(token, "/api/vendors/profile"), "VendorProfile");
        vendor.data("getEarnings", get(vendorToken, "/api/vendors/earnings"), "VendorEarnings");
        JsonNode created = vendor.data("createProduct", post(vendorToken, "/api/vendors/products", "{\"name\":\"Contract vendor product "
                + UUID.randomUUID() + "\",\"type\":\"workflow\",\"price\":19.99,\"description\":\"An n8n workflow\","
                + "\"image\":\"https://cdn.example.test/w.png\"}"), "VendorProduct");
        String id = text(created, "id");
        vendor.data("updateProduct", put(vendorToken, "/api/vendors/products/" + id, "{\"price\":24.99}"), "VendorProduct");
        vendor.data("getProducts (mocked by the client)", get(vendorToken, "/api/vendors/products"), "VendorProductPage");
        vendor.data("getAnalytics (mocked by the client)", get(vendorToken, "/api/vendors/analytics"), "VendorAnalytics");
        vendor.message("deleteProduct", delete(vendorToken, "/api/vendors/products/" + id));
        vendor.refusal("requestPayout (nothing available)", post(vendorToken, "/api/vendors/payouts", "{\"amount\":50}"), 422);
        vendor.refusal("getEarnings (a buyer)", get(buyer().getString("data.accessToken"), "/api/vendors/earnings"), 403);
        vendor.assertNone();
    }

    @Test
    void adminApi() {
        ClientContract console = ClientContract.of("admin");
        console.data("getDashboardStats", get(admin, "/api/admin/dashboard"), "AdminDashboardStats");
        JsonPath someone = buyer();
        String userId = someone.getString("data.user.userId");
        console.data("getUsers", get(admin, "/api/admin/users?page=1&limit=10&search=" + someone.getString("data.user.email")),
                "AdminUserPage");
        console.data("getUser", get(admin, "/api/admin/users/" + userId), "AdminUser");
        console.data("updateUser", put(admin, "/api/admin/users/" + userId, "{\"firstName\":\"Renamed\"}"), "AdminUser");
        console.message("deleteUser", delete(admin, "/api/admin/users/" + userId));
        console.data("getVendors", get(admin, "/api/admin/vendors?page=1&limit=10&status=active"), "AdminVendorPage");
        console.data("getVendor", get(admin, "/api/admin/vendors/" + vendorId), "AdminVendor");
        console.data("updateVendor", put(admin, "/api/admin/vendors/" + vendorId, "{\"verified\":true}"), "AdminVendor");
        JsonPath pending = Platform.register("vendor", PASSWORD);
        String pendingId = pending.getString("data.user.userId");
        put(pending.getString("data.accessToken"), "/api/vendors/profile", "{\"name\":\"Contract pending vendor\"}").then().statusCode(201);
        console.data("approveVendor", post(admin, "/api/admin/vendors/" + pendingId + "/approve", "{}"), "AdminVendor");
        JsonPath rejected = Platform.register("vendor", PASSWORD);
        String rejectedId = rejected.getString("data.user.userId");
        put(rejected.getString("data.accessToken"), "/api/vendors/profile", "{\"name\":\"Contract rejected vendor\"}").then().statusCode(201);
        console.message("rejectVendor", post(admin, "/api/admin/vendors/" + rejectedId + "/reject", "{\"reason\":\"Incomplete details\"}"));
        console.data("getProducts", get(admin, "/api/admin/products?page=1&limit=10&status=active"), "AdminProductPage");
        String toApprove = post(vendorToken, "/api/marketplace/products", "{\"name\":\"Contract moderation " + UUID.randomUUID()
                + "\",\"description\":\"to approve\",\"price\":9.99,\"category\":\"automation\"}").then().statusCode(201)
                .extract().path("data.productId");
        console.data("approveProduct", post(admin, "/api/admin/products/" + toApprove + "/approve", "{}"), "AdminProduct");
        String toReject = post(vendorToken, "/api/marketplace/products", "{\"name\":\"Contract moderation " + UUID.randomUUID()
                + "\",\"description\":\"to reject\",\"price\":9.99,\"category\":\"automation\"}").then().statusCode(201)
                .extract().path("data.productId");
        console.message("rejectProduct", post(admin, "/api/admin/products/" + toReject + "/reject", "{\"reason\":\"Misleading\"}"));
        console.message("deleteProduct", delete(admin, "/api/admin/products/" + toReject));
        console.refusal("getUsers (a vendor)", get(vendorToken, "/api/admin/users"), 403);
        console.assertNone();
    }

    @Test
    void contentApi() {
        ClientContract content = ClientContract.of("content");
        String slugWord = UUID.randomUUID().toString().substring(0, 8);
        Platform.post(admin, "/api/content/blog", "{\"title\":\"Contract post " + slugWord + "\",\"content\":\"# Agents\\n\\nThey sort "
                + "inboxes.\",\"category\":\"guides\",\"tags\":[\"agents\"],\"status\":\"published\",\"featured\":true}").statusCode(201);
        JsonNode page = content.data("getBlogPosts", get(null, "/api/content/blog?page=1&limit=5&search=" + slugWord), "BlogPage");
        String slug = page == null || page.path("posts").isEmpty() ? "missing" : page.path("posts").get(0).path("slug").asText();
        content.data("getBlogPost", get(null, "/api/content/blog/" + slug), "BlogPost");
        content.data("getFeaturedPosts", get(null, "/api/content/blog/featured?limit=5"), "BlogPostList");
        JsonPath help = Platform.post(admin, "/api/content/help", "{\"title\":\"Contract help " + slugWord + "\",\"content\":\"Do this.\","
                + "\"category\":\"billing\",\"tags\":[\"refunds\"],\"status\":\"published\"}").statusCode(201).extract().jsonPath();
        String articleId = help.getString("data.articleId");
        content.data("getHelpArticles", get(null, "/api/content/help?category=billing&search=" + slugWord), "HelpArticleList");
        content.data("getHelpArticle", get(null, "/api/content/help/" + help.getString("data.slug")), "HelpArticle");
        content.message("markHelpful", post(null, "/api/content/help/" + articleId + "/feedback", "{\"helpful\":true}"));
        String jobId = Platform.post(admin, "/api/content/jobs", "{\"title\":\"Contract engineer " + slugWord + "\",\"department\":\"Engineering\","
                + "\"location\":\"Remote\",\"type\":\"full-time\",\"description\":\"Build agents.\",\"requirements\":[\"Java\"],"
                + "\"responsibilities\":[\"Ship\"],\"benefits\":[\"Books\"],\"salary\":{\"min\":1,\"max\":2,\"currency\":\"EUR\"}}")
                .statusCode(201).extract().path("data.jobId");
        content.data("getJobs", get(null, "/api/content/jobs?department=Engineering&location=Remote&type=full-time"), "JobListingList");
        content.data("getJob", get(null, "/api/content/jobs/" + jobId), "JobListing");
        content.message("applyForJob", post(null, "/api/content/jobs/" + jobId + "/apply", "{\"name\":\"Ada\",\"email\":\"ada-"
                + slugWord + "@example.test\",\"phone\":\"+44 20 7946 0003\",\"resume\":\"https://cv.example.test/ada.pdf\"}"));
        content.assertNone();
    }

    @Test
    void systemApi() {
        ClientContract system = ClientContract.of("system");
        system.data("getStatus", get(null, "/api/system/status"), "SystemStatus");
        system.data("getHealth", get(null, "/api/system/health"), "SystemHealth");
        system.data("getServiceStatus", get(null, "/api/system/services/marketplace"), "ServiceStatus");
        system.data("getMetrics", get(admin, "/api/system/metrics?range=1h"), "SystemMetricsList");
        system.message("subscribeToUpdates", post(null, "/api/system/subscribe", "{\"email\":\"status-" + UUID.randomUUID()
                + "@example.test\"}"));
        system.data("getIncidentHistory", get(null, "/api/system/incidents?page=1&limit=10&severity=major"), "IncidentPage");
        system.refusal("getServiceStatus (unknown)", get(null, "/api/system/services/no-such-service"), 404);
        system.assertNone();
    }
}
