package com.autopilotmonster.user.domain;

import com.autopilotmonster.common.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Digital delivery. Asking for a download ({@code /purchases/:productId/download}, bearer token) checks that
 * the caller owns the product and has downloads left, and answers a signed link valid for a few minutes;
 * following the link ({@code /downloads/:token}, no token needed) verifies signature and expiry and counts
 * the download atomically, then delivers: a redirect to the product's private {@code deliveryUrl} from the
 * catalog's events when the vendor gave one, else a generated licence document.
 */
@ApplicationScoped
public class Delivery {

    @Inject
    Purchases purchases;

    @Inject
    DownloadLinks links;

    @Inject
    ProductModel products;

    @Inject
    UserSettings settings;

    public record Offer(String productId, String purchaseId, String orderId, String licenseKey, String downloadUrl,
                        Instant expiresAt, int downloadsUsed, int downloadLimit, int downloadsRemaining) {
    }

    /** What was delivered: a redirect target, or a document to send as the file. */
    public record Delivered(String redirectTo, String fileName, String content) {
    }

    public Offer offer(String userId, String productId) {
        List<Document> lines = purchases.ofProduct(userId, productId);
        if (lines.isEmpty()) {
            throw ApiException.notFound("You have not purchased this product");
        }
        List<Document> owned = lines.stream().filter(d -> Purchases.OWNED.equals(d.getString("status"))).toList();
        if (owned.isEmpty()) {
            boolean revoked = lines.stream().anyMatch(d -> Purchases.REFUNDED.equals(d.getString("status"))
                    || Purchases.CANCELLED.equals(d.getString("status")));
            throw revoked ? ApiException.forbidden("This purchase was refunded or cancelled; it can no longer be downloaded")
                    : ApiException.forbidden("The payment for this product has not completed yet");
        }
        int limit = settings.downloadLimit();
        // the owned line with the most downloads left (a product bought twice has two allowances)
        Document line = owned.stream().min(Comparator.comparingInt(d -> count(d))).orElseThrow();
        int used = count(line);
        if (used >= limit) {
            throw ApiException.forbidden("Download limit reached (" + limit + " downloads per purchase)");
        }
        DownloadLinks.Link link = links.sign(line.getObjectId("_id").toHexString(), userId, Instant.now());
        return new Offer(productId, line.getObjectId("_id").toHexString(), line.getString("orderId"),
                line.getString("licenseKey"), settings.linkBase() + "/api/users/downloads/" + link.token(),
                link.expiresAt(), used, limit, limit - used);
    }

    public Delivered deliver(String token) {
        DownloadLinks.Claim claim = links.verify(token, Instant.now())
                .orElseThrow(() -> ApiException.forbidden("This download link is invalid or has expired"));
        if (!ObjectId.isValid(claim.purchaseId())) {
            throw ApiException.forbidden("This download link is invalid or has expired");
        }
        ObjectId purchaseId = new ObjectId(claim.purchaseId());
        Document line = purchases.countDownload(purchaseId, claim.userId());
        if (line == null) {
            Document current = purchases.byId(purchaseId);
            if (current == null || !claim.userId().equals(current.getString("userId"))) {
                throw ApiException.notFound("Purchase not found");
            }
            if (!Purchases.OWNED.equals(current.getString("status"))) {
                throw ApiException.forbidden("This purchase was refunded or cancelled; it can no longer be downloaded");
            }
            throw ApiException.forbidden("Download limit reached (" + settings.downloadLimit() + " downloads per purchase)");
        }
        ProductModel.Product product = products.find(line.getString("productId"));
        if (product != null && product.deliveryUrl() != null && !product.deliveryUrl().isBlank()) {
            return new Delivered(product.deliveryUrl(), null, null);
        }
        return new Delivered(null, fileName(line.getString("productName")), licenceDocument(line));
    }

    static String licenceDocument(Document line) {
        return "Autopilot Monster - licence certificate\n"
                + "=======================================\n"
                + "Product:      " + line.getString("productName") + "\n"
                + "Product id:   " + line.getString("productId") + "\n"
                + "Licence key:  " + line.getString("licenseKey") + "\n"
                + "Order id:     " + line.getString("orderId") + "\n"
                + "Licensed to:  user " + line.getString("userId") + "\n"
                + "Quantity:     " + line.get("quantity") + "\n"
                + "Purchased at: " + (line.getDate("paidAt") == null ? "" : line.getDate("paidAt").toInstant()) + "\n";
    }

    static String fileName(String productName) {
        String slug = productName == null ? "product" : productName.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            slug = "product";
        }
        return (slug.length() > 60 ? slug.substring(0, 60) : slug) + "-licence.txt";
    }

    private static int count(Document d) {
        Object n = d.get("downloadCount");
        return n instanceof Number number ? number.intValue() : 0;
    }
}
