package com.autopilotmonster.order.api;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.order.domain.Transaction;
import com.autopilotmonster.order.domain.TransactionLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The whole transaction log, newest first, for admins (e.g. every flagged or refused webhook). */
@Path("/orders/admin/transactions")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "orders-admin")
public class TransactionResource {

    @Inject
    TransactionLog log;

    @GET
    @Operation(summary = "Transaction log across orders; filter by orderId, provider, outcome")
    public Page<Transaction> list(@QueryParam("orderId") @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String orderId,
                                  @QueryParam("provider") @Pattern(regexp = "stripe|razorpay") String provider,
                                  @QueryParam("outcome") @Pattern(regexp = "[a-z-]{1,30}") String outcome,
                                  @BeanParam @Valid PageRequest paging) {
        return log.list(orderId, provider, outcome, paging).named("transactions");
    }
}
