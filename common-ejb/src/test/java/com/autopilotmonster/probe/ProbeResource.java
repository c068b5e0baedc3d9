package com.autopilotmonster.probe;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.events.EventPublisher;
import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.OutboxRelay;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.security.CurrentUser;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;

/** Exercises the shared plumbing the way a service's resource would. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public static final String TOPIC = "platform.probe";

    @Inject
    MongoDatabase database;

    @Inject
    EventPublisher events;

    @Inject
    OutboxRelay relay;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    CurrentUser currentUser;

    /** A state change plus its event, the way every service records them. */
    @POST
    @Path("/items")
    @ResponseMessage("Item created")
    public Response create(@Valid @NotNull ProbeItem item) {
        Document doc = new Document("name", item.name()).append("email", item.email()).append("kind",
                item.kind().name()).append("createdAt", new java.util.Date());
        database.getCollection("probe_items").insertOne(doc);
        String id = doc.getObjectId("_id").toHexString();
        String eventId = events.publish(TOPIC, id, Map.of("itemId", id, "name", item.name(),
                "timestamp", Instant.now().toString()));
        return Response.status(201).entity(Map.of("itemId", id, "eventId", eventId)).build();
    }

    @GET
    @Path("/applied/{eventId}")
    public Map<String, Object> applied(@PathParam("eventId") String eventId) {
        Document counter = database.getCollection("probe_applied").find(Filters.eq("_id", eventId)).first();
        return Map.of("eventId", eventId, "times", counter == null ? 0 : counter.getInteger("times", 0),
                "markerPresent", consumer.isProcessed(ProbeEventConsumer.NAME, eventId));
    }

    @GET
    @Path("/outbox")
    public Map<String, Object> outbox() {
        return Map.of("pending", relay.pending());
    }

    @GET
    @Path("/numbers")
    public Page<Integer> numbers(@BeanParam @Valid PageRequest paging) {
        List<Integer> all = IntStream.rangeClosed(1, 45).boxed().toList();
        int from = (int) Math.min(paging.offset(), all.size());
        int to = Math.min(from + paging.limit(), all.size());
        return new Page<>(all.subList(from, to), paging.page(), paging.limit(), all.size()).named("numbers");
    }

    @GET
    @Path("/me")
    @RolesAllowed({"user", "vendor", "admin"})
    public Map<String, Object> me() {
        return Map.of("userId", currentUser.id(), "role", currentUser.role());
    }

    @GET
    @Path("/admin-only")
    @RolesAllowed("admin")
    public Map<String, Object> adminOnly() {
        return Map.of("ok", true);
    }

    @GET
    @Path("/conflict")
    public Object conflict() {
        throw ApiException.conflict("That name is taken");
    }

    @GET
    @Path("/boom")
    public Object boom() {
        throw new IllegalStateException("secret internal detail in com.autopilotmonster.probe.Secret");
    }
}
