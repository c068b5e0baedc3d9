package com.autopilotmonster.gateway.domain;

import com.autopilotmonster.common.mail.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The status page's mails: the opt-in confirmation, and an incident's start and end to every confirmed
 * subscriber. Links point at {@code gateway.status.link-base} (else {@code gateway.public-url}, else the local
 * gateway). Sent off the request and probe threads by the shared {@link Mailer}.
 */
@ApplicationScoped
public class StatusNotifier {

    @Inject
    Mailer mailer;

    @Inject
    jakarta.enterprise.inject.Instance<Subscribers> subscribers;

    @Inject
    @ConfigProperty(name = "gateway.status.link-base")
    Optional<String> linkBase;

    @Inject
    @ConfigProperty(name = "gateway.public-url")
    Optional<String> publicUrl;

    void confirmation(String email, String confirmToken, String unsubscribeToken) {
        mailer.sendLater(email, "Confirm your Autopilot Monster status updates",
                "Someone (hopefully you) asked for mail about Autopilot Monster incidents at this address.\n\n"
                        + "Confirm with this link:\n" + base() + "/api/system/subscribe/confirm/" + confirmToken
                        + "\n\nIf it was not you, ignore this mail: nothing will be sent without confirmation.\n"
                        + footer(unsubscribeToken));
    }

    void incidentStarted(Incidents.Incident incident) {
        String subject = "[Autopilot Monster status] " + incident.service() + " is down";
        String text = "The " + incident.service() + " service stopped answering its readiness check at "
                + DateTimeFormatter.ISO_INSTANT.format(incident.startedAt()) + " (UTC).\n"
                + "We will mail you again when it is back.\n\nIncident: " + incident.incidentId() + "\n";
        toConfirmed(subject, text);
    }

    void incidentEnded(Incidents.Incident incident) {
        String subject = "[Autopilot Monster status] " + incident.service() + " is back up";
        String text = "The " + incident.service() + " service is ready again since "
                + DateTimeFormatter.ISO_INSTANT.format(incident.endedAt()) + " (UTC), after "
                + incident.durationSeconds() + " seconds.\n\nIncident: " + incident.incidentId() + "\n";
        toConfirmed(subject, text);
    }

    private void toConfirmed(String subject, String text) {
        for (Document subscriber : subscribers.get().confirmed()) {
            mailer.sendLater(subscriber.getString("email"), subject,
                    text + footer(subscriber.getString("unsubscribeToken")));
        }
    }

    private String footer(String unsubscribeToken) {
        return "\n--\nStop these mails: " + base() + "/api/system/subscribe/unsubscribe/" + unsubscribeToken + "\n";
    }

    private String base() {
        String base = linkBase.filter(s -> !s.isBlank()).or(() -> publicUrl.filter(s -> !s.isBlank()))
                .orElse("http://localhost:4000").strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
