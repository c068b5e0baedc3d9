package com.autopilotmonster.admin.api;

import com.autopilotmonster.admin.client.Downstream;
import com.autopilotmonster.admin.client.MarketplaceClient;
import com.autopilotmonster.admin.domain.ProductSales;
import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Product moderation through the marketplace's own admin moderation ({@code PUT /api/marketplace/products/:id}
 * with {@code status}, and its admin listing by status). Approving makes the product {@code active}: it is in the
 * public listing on the next read (the marketplace invalidates its cache on every write).
 */
@Path("/admin/products")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "admin-products")
public class ProductsResource {

    /** The moderation queue's order when no status is asked for: pending first. */
    static final List<String> ORDER = List.of("pending", "active", "rejected", "draft");

    @Inject
    @RestClient
    MarketplaceClient marketplace;

    @Inject
    Downstream downstream;

    @Inject
    AdminCaller caller;

    @Inject
    Audit audit;

    @Inject
    ProductSales sales;

    @GET
    @Operation(summary = "Products of one status, or of all statuses with pending first (then active, rejected, draft)")
    public Page<JsonObject> list(@QueryParam("status") @Pattern(regexp = "active|pending|rejected|draft",
                                         message = "must be active, pending, rejected or draft") String status,
                                 @QueryParam("search") @Size(max = 100) String search,
                                 @QueryParam("q") @Size(max = 100) String q,
                                 @QueryParam("vendorId") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String vendorId,
                                 @BeanParam @Valid PageRequest paging) {
        String text = search != null ? search : q;
        if (status != null) {
            return views(Bodies.page(fetch(status, text, vendorId, paging.page(), paging.limit()), "products", paging.page(),
                    paging.limit())).named("products");
        }
        // one list over the statuses in queue order: the totals say which status pages hold the requested slice
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String s : ORDER) {
            totals.put(s, Bodies.total(Downstream.data(fetch(s, text, vendorId, 1, 1)), 0));
        }
        long total = totals.values().stream().mapToLong(Long::longValue).sum();
        long skip = paging.offset();
        int wanted = paging.limit();
        List<JsonObject> items = new ArrayList<>();
        for (String s : ORDER) {
            long inStatus = totals.get(s);
            if (wanted == 0) {
                break;
            }
            if (skip >= inStatus) {
                skip -= inStatus;
                continue;
            }
            items.addAll(slice(s, text, vendorId, skip, (int) Math.min(wanted, inStatus - skip)));
            wanted = paging.limit() - items.size();
            skip = 0;
        }
        return views(new Page<>(items, paging.page(), paging.limit(), total)).named("products");
    }

    @POST
    @Path("/{id}/approve")
    @ResponseMessage("Product approved")
    public JsonObject approve(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id) {
        return moderate(id, "approve", Json.createObjectBuilder().add("status", "active"));
    }

    @POST
    @Path("/{id}/reject")
    @ResponseMessage("Product rejected")
    @Operation(summary = "Reject a product; {reason} is required and kept as its rejectionReason")
    public JsonObject reject(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id,
                             String body) {
        String reason = Bodies.reason(Bodies.object(body), true);
        return moderate(id, "reject", Json.createObjectBuilder().add("status", "rejected").add("reason", reason));
    }

    @DELETE
    @Path("/{id}")
    @ResponseMessage("Product deleted")
    public JsonObject delete(@PathParam("id") @Pattern(regexp = Bodies.ID, message = Bodies.ID_MESSAGE) String id) {
        AdminCaller.Headers h = caller.headers();
        JsonObject before = get(id);
        JsonObject after = Downstream.data(downstream.marketplace(() -> marketplace.delete(h.bearer(), h.requestId(), id)));
        audit.record("product.delete", "product", id, before, null);
        return after;
    }

    private JsonObject moderate(String id, String action, JsonObjectBuilder change) {
        AdminCaller.Headers h = caller.headers();
        JsonObject before = get(id);
        String body = change.build().toString();
        JsonObject after = Downstream.data(downstream.marketplace(() -> marketplace.update(h.bearer(), h.requestId(), id, body)));
        audit.record("product." + action, "product", id, before, after);
        String productId = idOf(after);
        return view(after, productId == null ? BigDecimal.ZERO.setScale(2) : sales.revenue(List.of(productId)).get(productId));
    }

    private Page<JsonObject> views(Page<JsonObject> page) {
        Map<String, BigDecimal> revenue = sales.revenue(page.items().stream().map(ProductsResource::idOf)
                .filter(java.util.Objects::nonNull).toList());
        return page.map(p -> view(p, revenue.getOrDefault(idOf(p), BigDecimal.ZERO.setScale(2))));
    }

    private static String idOf(JsonObject product) {
        return product.getString("productId", product.getString("_id", null));
    }

    /**
     * The marketplace's product plus the original client's AdminProduct members: {@code downloads} (its
     * downloadCount) and {@code revenue} (its paid sales in the main currency, from the read model).
     */
    static JsonObject view(JsonObject product, BigDecimal revenue) {
        JsonValue downloads = product.get("downloadCount");
        return Json.createObjectBuilder(product)
                .add("downloads", downloads instanceof JsonNumber n ? n : Json.createValue(0))
                .add("revenue", revenue).build();
    }

    private JsonObject get(String id) {
        AdminCaller.Headers h = caller.headers();
        return Downstream.data(downstream.marketplace(() -> marketplace.get(h.bearer(), h.requestId(), id)));
    }

    private JsonObject fetch(String status, String q, String vendorId, int page, int limit) {
        AdminCaller.Headers h = caller.headers();
        return downstream.marketplace(() -> marketplace.list(h.bearer(), h.requestId(), status, q, vendorId,
                "newest", page, limit));
    }

    /** {@code count} products of one status from position {@code skip} (0-based), over the owner's pages. */
    private List<JsonObject> slice(String status, String q, String vendorId, long skip, int count) {
        int size = Math.max(count, 1) <= PageRequest.MAX_LIMIT ? PageRequest.MAX_LIMIT : count;
        List<JsonObject> out = new ArrayList<>();
        long position = skip;
        while (out.size() < count) {
            int page = (int) (position / size) + 1;
            List<JsonObject> items = Bodies.page(fetch(status, q, vendorId, page, size), "products", page, size).items();
            int from = (int) (position % size);
            if (from >= items.size()) {
                break;
            }
            for (int i = from; i < items.size() && out.size() < count; i++) {
                out.add(items.get(i));
            }
            position = (long) page * size;
        }
        return out;
    }
}
