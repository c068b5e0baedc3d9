package com.autopilotmonster.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Loads a realistic demo catalog into {@code marketplace_db} straight through the MongoDB driver (bulk
 * inserts, seconds rather than minutes through the API): 12 categories, 60 vendors and, by default, 10,000
 * products (90 % active, the rest pending/draft/rejected) with prices, tags, ratings consistent with their
 * review totals, downloads and a few featured/popular flags. Re-running replaces the previous seed (the seed
 * vendors' products) and leaves everything else alone. Afterwards it bumps the marketplace's cache generation
 * in Redis so a running server does not serve pre-seed pages.
 * <p>{@code mvn -q -pl benchmarks exec:java -Dexec.args="seed"}; options {@code -Dseed.products=10000},
 * {@code -Dseed.mongo=mongodb://127.0.0.1:27017}, {@code -Dseed.database=marketplace_db},
 * {@code -Dseed.redis=127.0.0.1:6379}.
 */
final class CatalogSeed {

    static final String[][] CATEGORIES = {
            {"ai-agents", "AI Agents"}, {"automation-workflows", "Automation Workflows"}, {"chatbots", "Chatbots"},
            {"data-scraping", "Data Scraping"}, {"email-marketing", "Email Marketing"},
            {"crm-integrations", "CRM Integrations"}, {"document-processing", "Document Processing"},
            {"social-media", "Social Media"}, {"devops", "DevOps"}, {"analytics", "Analytics"},
            {"customer-support", "Customer Support"}, {"finance-ops", "Finance Ops"}};
    static final String[] WORDS = {"Invoice", "Lead", "Support", "Sales", "Content", "Report", "Email", "Slack",
            "Notion", "Sheets", "Shopify", "Stripe", "Ticket", "Meeting", "Calendar", "Resume", "Contract", "Social",
            "Newsletter", "Inventory", "Pipeline", "Onboarding", "Survey", "Review", "Translation", "Summary"};
    static final String[] KINDS = {"Agent", "Bot", "Workflow", "Assistant", "Pipeline", "Sync", "Autopilot",
            "Scraper", "Parser", "Generator", "Router", "Monitor"};
    static final String[] TAGS = {"gpt", "openai", "claude", "zapier", "make", "n8n", "python", "no-code", "crm",
            "email", "pdf", "ocr", "slack", "notion", "google-sheets", "shopify", "stripe", "hubspot", "salesforce",
            "discord", "telegram", "whatsapp", "seo", "marketing", "finance", "hr", "support", "analytics"};
    static final int VENDORS = 60;

    private CatalogSeed() {
    }

    static String vendorId(int i) {
        return String.format("5eed00000000000000%06x", i);
    }

    static void run() {
        int count = Integer.getInteger("seed.products", 10_000);
        String uri = System.getProperty("seed.mongo", "mongodb://127.0.0.1:27017");
        String dbName = System.getProperty("seed.database", "marketplace_db");
        long start = System.nanoTime();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase(dbName);
            Instant now = Instant.now();
            MongoCollection<Document> categories = db.getCollection("categories");
            for (String[] c : CATEGORIES) {
                Document existing = categories.find(Filters.eq("slug", c[0])).first();
                Document doc = new Document("_id", existing == null ? new ObjectId() : existing.get("_id"))
                        .append("name", c[1]).append("slug", c[0]).append("description", c[1] + " for every team")
                        .append("createdAt", Date.from(now)).append("updatedAt", Date.from(now));
                categories.replaceOne(Filters.eq("slug", c[0]), doc, new ReplaceOptions().upsert(true));
            }
            MongoCollection<Document> products = db.getCollection("products");
            List<String> vendors = new ArrayList<>();
            for (int v = 0; v < VENDORS; v++) {
                vendors.add(vendorId(v));
            }
            long removed = products.deleteMany(Filters.in("vendorId", vendors)).getDeletedCount();
            Random random = new Random(42);
            List<Document> batch = new ArrayList<>();
            int active = 0;
            for (int i = 0; i < count; i++) {
                Document p = product(random, i, vendors.get(random.nextInt(VENDORS)), now);
                if ("active".equals(p.getString("status"))) {
                    active++;
                }
                batch.add(p);
                if (batch.size() == 1000) {
                    products.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                products.insertMany(batch, new InsertManyOptions().ordered(false));
            }
            bumpCacheGeneration();
            System.out.printf("seeded %s.products: %d products (%d active) of %d vendors in %d categories; "
                            + "replaced %d earlier seed products; %.1f s%n", dbName, count, active, VENDORS,
                    CATEGORIES.length, removed, (System.nanoTime() - start) / 1e9);
        }
    }

    static Document product(Random r, int i, String vendorId, Instant now) {
        String word = WORDS[r.nextInt(WORDS.length)];
        String kind = KINDS[r.nextInt(KINDS.length)];
        String[] category = CATEGORIES[r.nextInt(CATEGORIES.length)];
        String name = word + " " + kind + " " + (i + 1);
        int cents = r.nextInt(10) == 0 ? 0 : 99 + r.nextInt(49_900);
        List<String> tags = new ArrayList<>();
        for (int t = 0, n = 1 + r.nextInt(4); t < n; t++) {
            String tag = TAGS[r.nextInt(TAGS.length)];
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        int reviews = r.nextInt(4) == 0 ? 0 : r.nextInt(300);
        long ratingSum = reviews == 0 ? 0 : reviews + (long) (r.nextDouble() * 4 * reviews);
        double roll = r.nextDouble();
        String status = roll < 0.90 ? "active" : roll < 0.95 ? "pending" : roll < 0.98 ? "draft" : "rejected";
        Instant created = now.minus(Duration.ofMinutes(r.nextInt(365 * 24 * 60)));
        Document d = new Document("_id", new ObjectId(Date.from(created), r.nextInt(0xffffff)))
                .append("vendorId", vendorId)
                .append("name", name)
                .append("description", "A " + kind.toLowerCase() + " for " + category[1].toLowerCase() + ": "
                        + word.toLowerCase() + " handling with " + String.join(", ", tags)
                        + ". Set up in minutes, runs on your own keys.")
                .append("price", cents / 100.0);
        if (cents > 0 && r.nextInt(4) == 0) {
            d.append("originalPrice", (cents + 100 + r.nextInt(5_000)) / 100.0);
        }
        d.append("category", category[0]).append("tags", tags)
                .append("images", List.of("https://cdn.autopilot.example/p/" + i + "/1.png"))
                .append("thumbnail", "https://cdn.autopilot.example/p/" + i + "/thumb.png")
                .append("rating", reviews == 0 ? 0.0 : (double) ratingSum / reviews)
                .append("ratingSum", ratingSum).append("reviewCount", reviews)
                .append("downloadCount", (long) Math.floor(Math.pow(r.nextDouble(), 3) * 5_000))
                .append("isFeatured", r.nextInt(100) == 0).append("isPopular", r.nextInt(50) == 0)
                .append("status", status);
        if ("rejected".equals(status)) {
            d.append("rejectionReason", "Demo: missing screenshots");
        }
        return d.append("createdAt", Date.from(created)).append("updatedAt", Date.from(created));
    }

    /** INCR of the marketplace's cache generation over plain RESP (no Redis client needed for one command). */
    private static void bumpCacheGeneration() {
        String[] address = System.getProperty("seed.redis", "127.0.0.1:6379").split(":");
        try (Socket socket = new Socket(address[0], Integer.parseInt(address[1]))) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("INCR marketplace:cache:generation\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.getInputStream().read(new byte[64]);
        } catch (Exception e) {
            System.out.println("note: Redis not reachable (" + e.getMessage() + "); restart the marketplace server "
                    + "or wait for the cache TTL before reading the seed");
        }
    }
}
