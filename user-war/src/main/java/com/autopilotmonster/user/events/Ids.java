package com.autopilotmonster.user.events;

/** Checks on ids and strings coming from events: anything else is skipped, never written. */
final class Ids {

    private Ids() {
    }

    static boolean valid(String id) {
        return id != null && !id.isBlank() && id.length() <= 64 && id.matches("[A-Za-z0-9_-]+");
    }

    static String bounded(String value, int max) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        return v.isEmpty() ? null : v.length() > max ? v.substring(0, max) : v;
    }
}
