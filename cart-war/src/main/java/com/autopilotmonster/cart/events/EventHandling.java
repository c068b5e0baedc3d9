package com.autopilotmonster.cart.events;

import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The cart's way of consuming an event: once per event id ({@link IdempotentConsumer#apply}), retried in
 * place while it fails (see {@link Persistently}) for up to {@code cart.events.retry-max-ms}, acknowledged
 * only when applied. Only after that limit is the message nacked.
 */
@ApplicationScoped
public class EventHandling {

    private static final Logger LOG = Logger.getLogger(EventHandling.class.getName());

    @Inject
    IdempotentConsumer consumer;

    @Inject
    @ConfigProperty(name = "cart.events.retry-max-ms", defaultValue = "600000")
    long retryMaxMs;

    public CompletionStage<Void> handle(String consumerName, Message<String> message, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unreadable record skipped: {0}", e.getMessage());
            return message.ack();
        }
        RuntimeException failure = Persistently.run(event.topic() + " event " + event.id(),
                () -> consumer.apply(consumerName, event, handler), retryMaxMs, Thread::sleep);
        return failure == null ? message.ack() : message.nack(failure);
    }
}
