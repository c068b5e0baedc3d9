package com.autopilotmonster.user.api;

import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.problem.FieldViolation;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.user.domain.BillingWebhooks;
import com.autopilotmonster.user.domain.Plans;
import com.autopilotmonster.user.domain.Subscriptions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's subscriptions: plans from configuration, paid ones through Stripe Billing. */
@Path("/users/subscriptions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({CurrentUser.USER, CurrentUser.VENDOR, CurrentUser.ADMIN})
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "subscriptions")
public class SubscriptionResource {

    public record Subscribe(@NotNull @Size(max = 40) String plan) {
    }

    @Inject
    Subscriptions subscriptions;

    @Inject
    Plans plans;

    @Inject
    BillingWebhooks webhooks;

    @Inject
    CurrentUser currentUser;

    @GET
    @ResponseMessage("Subscriptions retrieved successfully")
    @Operation(summary = "The caller's subscriptions, newest first")
    public List<Map<String, Object>> list() {
        return subscriptions.list(currentUser.id()).stream().map(SubscriptionResource::view).toList();
    }

    @GET
    @Path("/plans")
    @ResponseMessage("Plans retrieved successfully")
    @Operation(summary = "The plans on offer with their monthly prices")
    public List<Map<String, Object>> plans() {
        return plans.all().stream().map(p -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("plan", p.name());
            v.put("monthlyPrice", p.monthlyPrice());
            v.put("billingCycle", "monthly");
            return v;
        }).toList();
    }

    @GET
    @Path("/active")
    @ResponseMessage("Active subscription retrieved")
    @Operation(summary = "The subscription giving access now, or null")
    public Response active() {
        Document active = subscriptions.active(currentUser.id());
        if (active != null) {
            return Response.ok(view(active)).build();
        }
        // the original client reads {success, data: null} when there is none (a null entity would be a bare 204)
        String none = jakarta.json.Json.createObjectBuilder().add("success", true).addNull("data")
                .add("message", "No active subscription").add("timestamp", java.time.Instant.now().toString())
                .build().toString();
        return Response.ok(none, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Subscription created")
    @Operation(summary = "Subscribe to a plan (one live subscription per user; paid plans through Stripe Billing)")
    public Response subscribe(@Valid @NotNull Subscribe body) {
        Plans.Plan plan = plans.find(body.plan()).orElseThrow(() -> ApiException.validation("Unknown plan",
                List.of(new FieldViolation("plan", "must be one of " + plans.all().stream().map(Plans.Plan::name).toList()))));
        Document created = subscriptions.subscribe(currentUser.id(), currentUser.email(), plan);
        if ("sandbox".equals(created.getString("provider"))) {
            webhooks.sandboxActivate(created);
            created = subscriptions.owned(currentUser.id(), created.getString("subscriptionId"));
        }
        return Response.status(Response.Status.CREATED).entity(view(created)).build();
    }

    @POST
    @Path("/{id}/cancel")
    @ResponseMessage("Subscription cancelled")
    @Operation(summary = "Cancel at the end of the paid period (the free plan ends now)")
    public Map<String, Object> cancel(@PathParam("id") @Pattern(regexp = Ids.OBJECT_ID, message = Ids.OBJECT_ID_MESSAGE)
                                      String id) {
        Document cancelled = subscriptions.cancel(currentUser.id(), id);
        if ("sandbox".equals(cancelled.getString("provider"))) {
            webhooks.sandboxCancelAtPeriodEnd(cancelled);
            cancelled = subscriptions.owned(currentUser.id(), id);
        }
        return view(cancelled);
    }

    static Map<String, Object> view(Document d) {
        Map<String, Object> v = Docs.view(d);
        v.remove("stripeCustomerId");
        return v;
    }
}
