package com.autopilotmonster.common.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the service's mail over SMTP ({@code smtp.host}, {@code smtp.port}, optional {@code smtp.username}
 * / {@code smtp.password}, {@code smtp.starttls}), off the request thread with a few retries, so a slow
 * mail server neither delays answers nor reveals by timing whether an account exists.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
    private static final int ATTEMPTS = 3;

    @Inject
    @ConfigProperty(name = "smtp.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "smtp.port", defaultValue = "3025")
    int port;

    @Inject
    @ConfigProperty(name = "smtp.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "smtp.starttls", defaultValue = "false")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "smtp.from", defaultValue = "Autopilot Monster <no-reply@autopilot.monster>")
    String from;

    @Resource
    ManagedExecutorService executor;

    public void sendLater(String to, String subject, String text) {
        executor.execute(() -> {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    send(to, subject, text);
                    return;
                } catch (MessagingException e) {
                    LOG.log(Level.WARNING, "mail \"{0}\" not sent (attempt {1}): {2}",
                            new Object[] {subject, attempt, e.getMessage()});
                    sleep(attempt * 1000L);
                }
            }
        });
    }

    void send(String to, String subject, String text) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        props.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        boolean auth = username.filter(u -> !u.isBlank()).isPresent();
        props.put("mail.smtp.auth", Boolean.toString(auth));
        Session session = auth ? Session.getInstance(props, new jakarta.mail.Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username.get(), password.orElse(""));
            }
        }) : Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
