package com.autopilotmonster.admin.api;

import com.autopilotmonster.admin.domain.AuditLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

/** Writes the calling admin's action to the append-only audit log. */
@RequestScoped
public class Audit {

    @Inject
    AuditLog log;

    @Inject
    AdminCaller caller;

    public void record(String action, String targetType, String targetId, JsonValue before, JsonValue after) {
        log.append(new AuditLog.Entry(caller.id(), caller.email(), action, targetType, targetId, before, after,
                caller.requestId()));
    }
}
