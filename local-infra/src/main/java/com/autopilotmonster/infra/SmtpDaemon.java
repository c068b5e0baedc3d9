package com.autopilotmonster.infra;

import com.icegreen.greenmail.standalone.GreenMailStandaloneRunner;

/** GreenMail: accepts any mail over SMTP and shows it through its REST API (and IMAP) to tests and people. */
public final class SmtpDaemon {

    private SmtpDaemon() {
    }

    public static void main(String[] args) {
        long owner = Long.parseLong(OwnerWatchdog.required(args, "owner-pid"));
        String host = OwnerWatchdog.required(args, "host");
        System.setProperty("greenmail.smtp.hostname", host);
        System.setProperty("greenmail.smtp.port", OwnerWatchdog.required(args, "port"));
        System.setProperty("greenmail.imap.hostname", host);
        System.setProperty("greenmail.imap.port", OwnerWatchdog.arg(args, "imap-port").orElse("3143"));
        System.setProperty("greenmail.api.hostname", host);
        System.setProperty("greenmail.api.port", OwnerWatchdog.required(args, "api-port"));
        System.setProperty("greenmail.auth.disabled", "true");
        System.setProperty("greenmail.hostname", host);
        OwnerWatchdog.watch(owner, () -> { });
        GreenMailStandaloneRunner.main(new String[0]);
    }
}
