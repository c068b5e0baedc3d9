package com.autopilotmonster.user.api;

/** Path ids: product ids are the catalog's ObjectIds (24 hex), written lower case as its events write them. */
final class Ids {

    static final String OBJECT_ID = "[0-9a-fA-F]{24}";
    static final String OBJECT_ID_MESSAGE = "must be an id (24 hex characters)";

    private Ids() {
    }

    static String id(String id) {
        return id.toLowerCase(java.util.Locale.ROOT);
    }
}
