package com.autopilotmonster.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.infra.Infra;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Mail sent over real SMTP to the local catcher is what MailCatcher reads back. */
class MailCatcherIT {

    @Test
    void readsWhatWasSentOverSmtp() throws Exception {
        String to = "mc-" + UUID.randomUUID() + "@example.test";
        String[] hostPort = Infra.address("smtp").split(":");
        try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            expect(in, "220");
            send(out, in, "HELO test", "250");
            send(out, in, "MAIL FROM:<noreply@autopilot.test>", "250");
            send(out, in, "RCPT TO:<" + to + ">", "250");
            send(out, in, "DATA", "354");
            out.print("Subject: Verify your email\r\nTo: " + to + "\r\n\r\nOpen https://app.test/verify/abc123 now\r\n.\r\n");
            out.flush();
            expect(in, "250");
            send(out, in, "QUIT", "221");
        }
        MailCatcher.Mail mail = MailCatcher.awaitMail(to, Duration.ofSeconds(10));
        assertEquals("Verify your email", mail.subject());
        assertEquals("https://app.test/verify/abc123", mail.firstLink());
        assertTrue(MailCatcher.inbox("nobody-" + UUID.randomUUID() + "@example.test").isEmpty());
    }

    private static void send(PrintWriter out, BufferedReader in, String line, String expected) throws Exception {
        out.print(line + "\r\n");
        out.flush();
        expect(in, expected);
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        assertTrue(line != null && line.startsWith(code), "expected " + code + " but got " + line);
    }
}
