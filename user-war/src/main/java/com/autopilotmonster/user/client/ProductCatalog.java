package com.autopilotmonster.user.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Product lookups (adding to the wishlist) with MicroProfile Fault Tolerance, as the cart service does, so a
 * slow or dead marketplace costs a wishlist request
 * at most about two seconds and, once the breaker is open, nothing at all:
 * <ul>
 * <li>timeout 2 s per attempt (the client's own read timeout, 1.5 s, normally fires first);</li>
 * <li>one retry after 200 ms, only for refused connections and 5xx answers - a timeout (the client's or
 * this one) is not retried, an overloaded marketplace should not get twice the load;</li>
 * <li>circuit breaker: opens when half of the last 4 calls failed, tries again after 5 s. A 404 is an
 * answer, not a failure, and never opens it.</li>
 * </ul>
 * Every value can be tuned with MP Fault Tolerance's config keys, e.g.
 * {@code com.autopilotmonster.user.client.ProductCatalog/product/Timeout/value}.
 */
@ApplicationScoped
public class ProductCatalog {

    @Inject
    @RestClient
    MarketplaceClient marketplace;

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 200, jitter = 50, retryOn = CatalogUnavailableException.class,
            abortOn = {ProductNotFoundException.class, CatalogTimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = ProductNotFoundException.class)
    public CatalogProduct product(String productId) {
        ProductResponse response;
        try {
            response = marketplace.product(productId);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404 || status == 400 || status == 410) {
                throw new ProductNotFoundException(productId);
            }
            throw new CatalogUnavailableException("marketplace answered " + status, e);
        } catch (ProcessingException e) {
            if (timedOut(e)) {
                throw new CatalogTimeoutException("marketplace did not answer in time", e);
            }
            throw new CatalogUnavailableException("marketplace unreachable: " + e.getMessage(), e);
        }
        ProductResponse.Product p = response == null ? null : response.data;
        if (p == null || p.price == null || p.name == null) {
            throw new CatalogUnavailableException("marketplace answered without a product", null);
        }
        // the public read answers active products only; checked here too so a change there cannot let
        // a draft or rejected product into a wishlist
        if (p.status != null && !"active".equals(p.status)) {
            throw new ProductNotFoundException(productId);
        }
        return new CatalogProduct(productId, p.name, p.price, thumbnail(p), p.vendorId);
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String thumbnail(ProductResponse.Product p) {
        if (p.thumbnail != null && !p.thumbnail.isBlank()) {
            return p.thumbnail;
        }
        List<String> images = p.images;
        return images == null || images.isEmpty() ? null : images.get(0);
    }
}
