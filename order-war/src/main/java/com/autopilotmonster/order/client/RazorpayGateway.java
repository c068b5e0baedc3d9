package com.autopilotmonster.order.client;

import com.autopilotmonster.order.domain.PaymentSettings;
import com.razorpay.RazorpayClient;
import com.razorpay.RazorpayException;
import java.lang.reflect.Field;
import java.net.URI;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.json.JSONObject;

/**
 * Razorpay through {@code razorpay-java}. That SDK hard-wires {@code https://api.razorpay.com} (compile-time
 * constants) and keeps one static OkHttp client; when {@code razorpay.api-base} points elsewhere (the
 * tests' HTTP stub) that client gets an interceptor rewriting scheme, host and port, so request building,
 * authentication and response parsing stay the SDK's own.
 */
@ApplicationScoped
public class RazorpayGateway {

    private static final Logger LOG = Logger.getLogger(RazorpayGateway.class.getName());
    private static final String DEFAULT_BASE = "https://api.razorpay.com";

    @Inject
    PaymentSettings settings;

    private volatile RazorpayClient client;

    /** A created Razorpay order: its id (stored on the order) and the public key id the checkout form needs. */
    public record RazorpayOrder(String id, String keyId) {
    }

    public RazorpayOrder createOrder(String orderId, String userId, long amountMinor, String currency)
            throws ProviderException {
        String keyId = settings.razorpayKeyId().orElseThrow(() -> new ProviderException(
                "Razorpay is not configured on this server (razorpay.key-id)", true, null));
        JSONObject request = new JSONObject().put("amount", amountMinor).put("currency", currency.toUpperCase(Locale.ROOT))
                .put("receipt", orderId).put("notes", new JSONObject().put("orderId", orderId).put("userId", userId));
        com.razorpay.Order order = call("create the order", keyId, c -> c.orders.create(request));
        return new RazorpayOrder(order.get("id"), keyId);
    }

    /**
     * The statuses of the payments made against a Razorpay order ({@code created}, {@code authorized},
     * {@code captured}, {@code failed}, ...). Razorpay has no API to cancel an order: this is how the service
     * learns whether one was paid or is being paid.
     */
    public java.util.List<String> paymentStatuses(String razorpayOrderId) throws ProviderException {
        String keyId = settings.razorpayKeyId().orElseThrow(() -> new ProviderException(
                "Razorpay is not configured on this server (razorpay.key-id)", true, null));
        return call("read the order's payments", keyId, c -> c.orders.fetchPayments(razorpayOrderId)).stream()
                .map(p -> String.valueOf((Object) p.get("status"))).toList();
    }

    /** Refunds a captured payment in full; answers the refund's id. */
    public String refund(String paymentId, long amountMinor) throws ProviderException {
        String keyId = settings.razorpayKeyId().orElseThrow(() -> new ProviderException(
                "Razorpay is not configured on this server (razorpay.key-id)", true, null));
        com.razorpay.Refund refund = call("refund the payment", keyId, c -> c.payments.refund(paymentId,
                new JSONObject().put("amount", amountMinor)));
        return refund.get("id");
    }

    private interface RazorpayCall<T> {
        T run(RazorpayClient client) throws RazorpayException;
    }

    private <T> T call(String what, String keyId, RazorpayCall<T> call) throws ProviderException {
        try {
            return call.run(client(keyId));
        } catch (RazorpayException e) {
            // the SDK wraps connection failures and 5xx alike; a 4xx carries the provider's error description
            String message = String.valueOf(e.getMessage());
            boolean refused = message.contains("BAD_REQUEST_ERROR");
            throw new ProviderException("Razorpay " + (refused ? "refused to " + what + ": " : "is not available ("
                    + what + "): ") + message, !refused, e);
        } catch (RuntimeException e) {
            throw new ProviderException("Razorpay is not available (" + what + "): " + e.getMessage(), true, e);
        }
    }

    private RazorpayClient client(String keyId) throws ProviderException {
        RazorpayClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    String secret = settings.razorpayKeySecret().orElseThrow(() -> new ProviderException(
                            "Razorpay is not configured on this server (razorpay.key-secret)", true, null));
                    try {
                        RazorpayClient created = new RazorpayClient(keyId, secret);
                        redirect(settings.razorpayApiBase());
                        client = created;
                    } catch (RazorpayException | ReflectiveOperationException e) {
                        throw new ProviderException("Razorpay client could not be created: " + e.getMessage(), true, e);
                    }
                }
                current = client;
            }
        }
        return current;
    }

    private void redirect(String base) throws ReflectiveOperationException {
        Class<?> apiUtils = Class.forName("com.razorpay.ApiUtils");
        Field field = apiUtils.getDeclaredField("client");
        field.setAccessible(true);
        OkHttpClient sdkClient = (OkHttpClient) field.get(null);
        OkHttpClient.Builder builder = sdkClient.newBuilder()
                .connectTimeout(settings.providerTimeoutMs(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .readTimeout(settings.providerTimeoutMs(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false);
        if (!DEFAULT_BASE.equals(base)) {
            URI target = URI.create(base);
            LOG.warning(() -> "Razorpay API calls go to " + base + " instead of " + DEFAULT_BASE);
            builder.addInterceptor(chain -> {
                HttpUrl original = chain.request().url();
                HttpUrl rewritten = original.newBuilder().scheme(target.getScheme()).host(target.getHost())
                        .port(target.getPort() > 0 ? target.getPort() : HttpUrl.defaultPort(target.getScheme())).build();
                return chain.proceed(chain.request().newBuilder().url(rewritten).build());
            });
        }
        field.set(null, builder.build());
    }
}
