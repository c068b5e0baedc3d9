package com.autopilotmonster.bench.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * The order service's, cart service's and marketplace's own view after the load, read through their APIs as
 * each customer: every order a customer has (also those whose 201 the client never saw), the customer's cart,
 * and each load product's sales counter.
 */
final class PlacedOrders {

    /** An order as the order service keeps it. */
    record Order(String orderId, Instant createdAt, boolean paid, Map<String, Integer> quantities) {
    }

    private static final Pattern DOWNLOADS = Pattern.compile("\"downloadCount\"\\s*:\\s*(\\d+)");

    private final ChaosSettings settings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    PlacedOrders(ChaosSettings settings) {
        this.settings = settings;
    }

    /** All orders of the customer, every page. */
    List<Order> ordersOf(CheckoutLoad.Customer customer) throws Exception {
        List<Order> orders = new ArrayList<>();
        for (int page = 1; ; page++) {
            Document body = get(settings.order() + "/api/orders?limit=100&page=" + page, customer.token);
            List<Document> items = list(body, "orders");
            for (Document o : items) {
                Map<String, Integer> quantities = new HashMap<>();
                for (Document line : o.getList("items", Document.class, List.of())) {
                    quantities.merge(line.getString("productId"), ((Number) line.get("quantity")).intValue(), Integer::sum);
                }
                orders.add(new Order(o.getString("orderId"), Instant.parse(o.getString("createdAt")),
                        "paid".equals(o.getString("paymentStatus")), quantities));
            }
            if (items.size() < 100) {
                return orders;
            }
        }
    }

    /** The number of lines in the customer's cart. */
    int cartLines(CheckoutLoad.Customer customer) throws Exception {
        return list(get(settings.cart() + "/api/cart", customer.token), "items").size();
    }

    /** The marketplace's sales counter ({@code downloadCount}) of a product. */
    long salesOf(String productId, String token) throws Exception {
        HttpResponse<String> response = http.send(request(settings.marketplace() + "/api/marketplace/products/"
                + productId, token), HttpResponse.BodyHandlers.ofString());
        Matcher m = DOWNLOADS.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("product " + productId + ": " + response.statusCode() + " " + response.body());
        }
        return Long.parseLong(m.group(1));
    }

    private Document get(String url, String token) throws Exception {
        HttpResponse<String> response = http.send(request(url, token), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return Document.parse(response.body());
    }

    private HttpRequest request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + token).GET().build();
    }

    /** The list under {@code key}, at the top or inside the envelope's {@code data}. */
    @SuppressWarnings("unchecked")
    private static List<Document> list(Document body, String key) {
        Object data = body.get("data");
        Document holder = data instanceof Document d && d.containsKey(key) ? d : body;
        Object value = holder.get(key);
        if (!(value instanceof List<?>)) {
            throw new IllegalStateException("no '" + key + "' list in " + body.toJson());
        }
        return (List<Document>) value;
    }
}
