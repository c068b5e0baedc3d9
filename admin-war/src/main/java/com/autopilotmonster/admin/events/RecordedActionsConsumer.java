package com.autopilotmonster.admin.events;

import com.autopilotmonster.admin.domain.AuditLog;
import com.autopilotmonster.common.events.IdempotentConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Admin actions taken directly at the other services (common-ejb {@code AdminActionAudit} publishes them as
 * {@code admin.audit} through each service's outbox) go into the same append-only audit log as this service's own.
 * Applied once per event id; a payload that is not a JSON object is logged and skipped.
 */
@ApplicationScoped
public class RecordedActionsConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    AuditLog log;

    @Incoming("admin-audit")
    public CompletionStage<Void> onRecordedAction(Message<String> message) {
        return consumer.handle("admin-admin-audit", message,
                e -> ReadModelConsumers.apply(e, p -> log.appendRecorded(e.id(), p)));
    }
}
