package com.autopilotmonster.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Catalog read figures against a running marketplace server over the seeded catalog (run {@code seed}
 * first): a filtered + sorted + paged listing (category, price range, sort, page 1..5 over the 12 seed
 * categories: 60 distinct queries) and a text search (24 different words, sorted by rating). Whether the Redis
 * cache is on is the server's setting ({@code MARKETPLACE_CACHE_ENABLED=false} when starting it switches it
 * off); pass {@code -Dbench.note="cache off"} to label the output.
 */
final class CatalogBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] SORTS = {"price_asc", "price_desc", "rating", "newest", "popular"};

    private CatalogBenchmark() {
    }

    static void run(String base, Duration each) {
        int threads = Integer.getInteger("bench.threads", 8);
        List<URI> listings = new ArrayList<>();
        for (int c = 0; c < CatalogSeed.CATEGORIES.length; c++) {
            for (int page = 1; page <= 5; page++) {
                listings.add(URI.create(base + "/api/marketplace/products?category=" + CatalogSeed.CATEGORIES[c][0]
                        + "&minPrice=10&maxPrice=300&sort=" + SORTS[(c + page) % SORTS.length] + "&page=" + page
                        + "&limit=20"));
            }
        }
        List<URI> searches = new ArrayList<>();
        for (int w = 0; w < 24; w++) {
            String word = CatalogSeed.WORDS[w % CatalogSeed.WORDS.length].toLowerCase();
            searches.add(URI.create(base + "/api/marketplace/products?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)
                    + "&sort=rating&limit=20"));
        }
        String total = body(URI.create(base + "/api/marketplace/products?limit=1")).replaceAll(".*\"total\":(\\d+).*", "$1");
        System.out.println("catalog benchmark against " + base + " (" + System.getProperty("bench.note",
                "cache as configured on the server") + "), " + total + " active products, " + threads + " threads, "
                + each.toSeconds() + " s per figure");
        // warm-up: JIT and, with the cache on, one store read per distinct query
        listings.forEach(CatalogBenchmark::status);
        searches.forEach(CatalogBenchmark::status);
        System.out.println(measure("listing (filter+sort+page)", listings, threads, each));
        System.out.println(measure("search q (name/description/tags)", searches, threads, each));
    }

    private static LoadRun.Result measure(String name, List<URI> uris, int threads, Duration each) {
        AtomicLong next = new AtomicLong();
        return LoadRun.run(name, threads, each, t -> status(uris.get((int) (next.getAndIncrement() % uris.size()))) == 200);
    }

    private static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String body(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException("marketplace not reachable at " + uri, e);
        }
    }
}
