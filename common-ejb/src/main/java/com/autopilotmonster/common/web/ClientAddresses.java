package com.autopilotmonster.common.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client's address, resolved once at the edge and believed by the services only from the gateway.
 *
 * <p>Gateway side ({@link #forwarded}): the socket peer; when that is a trusted proxy (a load balancer in front
 * of the gateway), X-Forwarded-For is walked from the right, skipping only trusted hops - the first untrusted
 * hop is the client (everything left of it the client could have written itself). The gateway passes the result
 * to the services in {@value #HEADER}, always overwriting whatever came from outside.
 *
 * <p>Service side ({@link #of}): {@value #HEADER} is believed only when the socket peer is one of the service's
 * trusted peers (the gateway's addresses or networks, e.g. {@code auth.trusted-proxies}). A peer check rather
 * than a shared secret: services are reachable only through the gateway (or its network), the check needs no
 * secret to distribute and rotate, and a header arriving from any other address is ignored, so a client talking
 * to a service directly is counted by its own socket address. A trusted peer that sends no {@value #HEADER}
 * (a plain reverse proxy) is read like the gateway reads X-Forwarded-For.
 *
 * <p>A hop may also be an obfuscated identifier (RFC 7239 allows them: letters, digits, {@code . _ : -}, at
 * most 64 characters); it can only be reached by walking past trusted hops, i.e. a trusted proxy wrote it, and it
 * is taken as the client as written. Anything else ends the walk at the last trusted hop.
 */
public final class ClientAddresses {

    /** The header in which the gateway passes the resolved client address to the services. */
    public static final String HEADER = "X-Client-Address";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Bounds the work on a long X-Forwarded-For chain. */
    private static final int MAX_HOPS = 32;

    private ClientAddresses() {
    }

    /** Service side, see the class comment; {@code trustedPeers} lists addresses and CIDR networks. */
    public static String of(HttpServletRequest request, Collection<String> trustedPeers) {
        return of(request, TrustedNetworks.of(trustedPeers));
    }

    public static String of(HttpServletRequest request, TrustedNetworks trustedPeers) {
        String peer = request.getRemoteAddr();
        if (!trustedPeers.contains(peer)) {
            return canonicalOr(peer);
        }
        String stated = hop(request.getHeader(HEADER));
        if (stated != null) {
            return stated;
        }
        return forwarded(peer, Collections.list(request.getHeaders("X-Forwarded-For")), trustedPeers);
    }

    /**
     * Gateway side: the client behind {@code peer}, from the X-Forwarded-For header values (in arrival order),
     * walked from the right while the hop is a trusted proxy. A hop that is no IP literal ends the walk at the
     * last trusted hop.
     */
    public static String forwarded(String peer, List<String> forwardedFor, TrustedNetworks trustedProxies) {
        String current = canonicalOr(peer);
        if (!trustedProxies.contains(current) || forwardedFor == null || forwardedFor.isEmpty()) {
            return current;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            if (value != null) {
                for (String hop : value.split(",")) {
                    hops.add(hop);
                }
            }
        }
        for (int i = hops.size() - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            String hop = hop(hops.get(i));
            if (hop == null) {
                return current;
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
            current = hop;
        }
        return current;
    }

    /** An IP literal in canonical form, an obfuscated identifier as written, or null. */
    private static String hop(String value) {
        if (value == null) {
            return null;
        }
        String canonical = TrustedNetworks.canonical(value);
        if (canonical != null) {
            return canonical;
        }
        String trimmed = value.trim();
        return IDENTIFIER.matcher(trimmed).matches() ? trimmed : null;
    }

    private static String canonicalOr(String address) {
        String canonical = TrustedNetworks.canonical(address);
        return canonical == null ? address : canonical;
    }
}
