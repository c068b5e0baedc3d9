package com.autopilotmonster.order.api;

import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.order.domain.OrderSettings;
import com.autopilotmonster.order.domain.OrderStats;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/stats}: the caller's own order statistics, at the path the original web client calls. The
 * original answered its aggregation rows ({@code _id} = status, {@code count}, {@code totalAmount}); they are kept
 * under {@code stats}, next to the counts by status and the total spent the rows alone cannot say.
 */
@Path("/stats")
@RequestScoped
@RolesAllowed({"user", "vendor", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "orders")
public class StatsResource {

    @Inject
    OrderStats stats;

    @Inject
    CurrentUser caller;

    @Inject
    OrderSettings settings;

    @GET
    @ResponseMessage("Order stats retrieved successfully")
    @Operation(summary = "The caller's orders by status and what they spent (completed orders, refunds excluded)")
    public JsonObject mine() {
        OrderStats.Summary summary = stats.of(caller.id());
        JsonArrayBuilder rows = Json.createArrayBuilder();
        summary.rows().forEach(row -> rows.add(Json.createObjectBuilder().add("_id", row.status())
                .add("status", row.status()).add("currency", row.currency()).add("count", row.count())
                .add("totalAmount", row.totalAmount())));
        JsonObjectBuilder byStatus = Json.createObjectBuilder();
        summary.byStatus().forEach(byStatus::add);
        JsonObjectBuilder spentByCurrency = Json.createObjectBuilder();
        summary.spent().forEach(spentByCurrency::add);
        String currency = settings.currency();
        return Json.createObjectBuilder()
                .add("stats", rows)
                .add("byStatus", byStatus)
                .add("totalOrders", summary.totalOrders())
                .add("totalSpent", summary.spent().getOrDefault(currency, BigDecimal.ZERO.setScale(2)))
                .add("currency", currency)
                .add("spentByCurrency", spentByCurrency)
                .build();
    }
}
