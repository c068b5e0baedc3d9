package com.autopilotmonster.common.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;

/**
 * The client's address: the socket peer, or the nearest X-Forwarded-For hop when the peer is a trusted proxy
 * (the hop a trusted proxy appended itself; anything further left could be forged by the client).
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    public static String of(HttpServletRequest request, Collection<String> trustedProxies) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String nearest = hops[hops.length - 1].trim();
        return nearest.isEmpty() || nearest.length() > 64 ? peer : nearest;
    }
}
