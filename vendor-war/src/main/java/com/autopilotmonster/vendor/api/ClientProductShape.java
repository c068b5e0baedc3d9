package com.autopilotmonster.vendor.api;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.problem.FieldViolation;
import com.autopilotmonster.vendor.domain.Ledger;
import com.autopilotmonster.vendor.domain.Money;
import com.autopilotmonster.vendor.domain.VendorSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The original web client's {@code VendorProduct} on top of the marketplace's product (this service is the client's
 * facade for its products). Requests: the client's {@code type} (agent | workflow | tool) becomes the marketplace's
 * {@code category} (configured slugs) unless a category is given, its {@code image} becomes {@code images[0]} and
 * the {@code thumbnail} unless those are given, and the client's read-only fields are dropped. Answers keep every
 * marketplace field and add {@code id}, {@code type}, {@code downloads}, {@code revenue} (the vendor's gross sales
 * of the product in its main currency, from its own ledger, refunds subtracted), {@code reviews},
 * {@code uploadDate} and {@code image} ("" without one).
 */
@ApplicationScoped
public class ClientProductShape {

    static final Set<String> TYPES = Set.of("agent", "workflow", "tool");
    /** What the client reads but never writes: not the marketplace's to see. */
    static final Set<String> CLIENT_READ_ONLY = Set.of("type", "image", "id", "downloads", "revenue", "reviews", "uploadDate");

    @Inject
    Ledger ledger;

    @Inject
    VendorSettings settings;

    @Inject
    @ConfigProperty(name = "vendor.product-type.agent", defaultValue = "ai-agents")
    String agentCategory;

    @Inject
    @ConfigProperty(name = "vendor.product-type.workflow", defaultValue = "automation-workflows")
    String workflowCategory;

    @Inject
    @ConfigProperty(name = "vendor.product-type.tool", defaultValue = "tools")
    String toolCategory;

    /** The client's body as the marketplace's product request. */
    public JsonObject request(JsonObject body) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        body.forEach((k, v) -> {
            if (!CLIENT_READ_ONLY.contains(k)) {
                out.add(k, v);
            }
        });
        JsonValue type = body.get("type");
        if (type != null && type != JsonValue.NULL) {
            if (!(type instanceof JsonString s) || !TYPES.contains(s.getString())) {
                throw ApiException.validation("type: must be agent, workflow or tool",
                        List.of(new FieldViolation("type", "must be agent, workflow or tool")));
            }
            if (!body.containsKey("category")) {
                out.add("category", category(s.getString()));
            }
        }
        if (body.get("image") instanceof JsonString image && !image.getString().isBlank()) {
            if (!body.containsKey("images")) {
                out.add("images", Json.createArrayBuilder().add(image.getString().strip()));
            }
            if (!body.containsKey("thumbnail")) {
                out.add("thumbnail", image.getString().strip());
            }
        }
        return out.build();
    }

    /** One product with the client's fields. */
    public JsonValue answer(String vendorId, JsonValue product) {
        if (!(product instanceof JsonObject p)) {
            return product;
        }
        String id = p.getString("productId", p.getString("_id", ""));
        return answer(p, ledger.grossByProduct(vendorId, settings.currency(), List.of(id)));
    }

    /** A page of products: the revenue of all of them read from the ledger at once. */
    public List<JsonValue> answers(String vendorId, List<JsonValue> products) {
        List<String> ids = products.stream().filter(JsonObject.class::isInstance).map(v -> (JsonObject) v)
                .map(p -> p.getString("productId", p.getString("_id", ""))).toList();
        Map<String, Long> revenue = ledger.grossByProduct(vendorId, settings.currency(), ids);
        return products.stream().map(v -> v instanceof JsonObject p ? answer(p, revenue) : v).toList();
    }

    private JsonValue answer(JsonObject p, Map<String, Long> revenue) {
        String id = p.getString("productId", p.getString("_id", ""));
        JsonObjectBuilder out = Json.createObjectBuilder(p)
                .add("id", id)
                .add("type", type(p.getString("category", "")))
                .add("downloads", number(p, "downloadCount"))
                .add("revenue", Money.amount(revenue.getOrDefault(id, 0L)))
                .add("reviews", number(p, "reviewCount"))
                .add("image", image(p));
        JsonValue created = p.get("createdAt");
        out.add("uploadDate", created == null ? JsonValue.NULL : created);
        if (!p.containsKey("rating")) {
            out.add("rating", 0);
        }
        return out.build();
    }

    String category(String type) {
        return switch (type) {
            case "agent" -> agentCategory;
            case "workflow" -> workflowCategory;
            default -> toolCategory;
        };
    }

    /** The configured category's type; for any other category a guess from its slug, else {@code tool}. */
    String type(String category) {
        if (category.equals(agentCategory)) {
            return "agent";
        }
        if (category.equals(workflowCategory)) {
            return "workflow";
        }
        if (category.equals(toolCategory)) {
            return "tool";
        }
        String slug = category.toLowerCase(Locale.ROOT);
        return slug.contains("agent") ? "agent" : slug.contains("workflow") ? "workflow" : "tool";
    }

    private static JsonValue number(JsonObject p, String field) {
        JsonValue v = p.get(field);
        return v instanceof jakarta.json.JsonNumber ? v : Json.createValue(0);
    }

    private static String image(JsonObject p) {
        if (p.get("images") instanceof JsonArray images && !images.isEmpty() && images.get(0) instanceof JsonString first) {
            return first.getString();
        }
        return p.get("thumbnail") instanceof JsonString t ? t.getString() : "";
    }
}
