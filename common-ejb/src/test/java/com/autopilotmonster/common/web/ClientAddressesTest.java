package com.autopilotmonster.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final TrustedNetworks PROXIES = TrustedNetworks.of(List.of("127.0.0.0/8", "::1", "10.0.0.0/8"));

    @Test
    void networksMatchByPrefix() {
        assertTrue(PROXIES.contains("127.8.9.10"));
        assertTrue(PROXIES.contains("10.255.0.1"));
        assertTrue(PROXIES.contains("0:0:0:0:0:0:0:1"));
        assertFalse(PROXIES.contains("11.0.0.1"));
        assertFalse(PROXIES.contains("localhost"));
        TrustedNetworks odd = TrustedNetworks.of(List.of("192.168.4.0/22", "2001:db8::/32"));
        assertTrue(odd.contains("192.168.7.255"));
        assertFalse(odd.contains("192.168.8.0"));
        assertTrue(odd.contains("2001:db8:ffff::1"));
        assertFalse(odd.contains("2001:db9::1"));
        assertThrows(IllegalArgumentException.class, () -> TrustedNetworks.of(List.of("gateway.internal")));
        assertThrows(IllegalArgumentException.class, () -> TrustedNetworks.of(List.of("10.0.0.0/33")));
    }

    @Test
    void literalsNeverResolveNames() {
        assertNull(TrustedNetworks.literal("example.com"));
        assertNull(TrustedNetworks.literal("999.1.1.1"));
        assertNull(TrustedNetworks.literal("unknown"));
        assertEquals("203.0.113.9", TrustedNetworks.canonical(" 203.0.113.9:4711 "));
        assertEquals("2001:db8:0:0:0:0:0:1", TrustedNetworks.canonical("[2001:db8::1]:80"));
        assertEquals("1.2.3.4", TrustedNetworks.canonical("::ffff:1.2.3.4"));
    }

    @Test
    void forwardedForIsWalkedFromTheRightSkippingOnlyTrustedHops() {
        // client -> load balancer 10.0.0.5 -> gateway; the client forged "6.6.6.6" in front
        assertEquals("203.0.113.9",
                ClientAddresses.forwarded("10.0.0.5", List.of("6.6.6.6, 203.0.113.9, 10.0.0.7"), PROXIES));
        // several header lines count as one list, in order
        assertEquals("203.0.113.9",
                ClientAddresses.forwarded("127.0.0.1", List.of("6.6.6.6", "203.0.113.9, 10.1.1.1"), PROXIES));
        // an untrusted peer's header is ignored
        assertEquals("198.51.100.1", ClientAddresses.forwarded("198.51.100.1", List.of("6.6.6.6"), PROXIES));
        // garbage stops the walk at the last trusted hop; an obfuscated identifier a trusted proxy wrote is the client
        assertEquals("10.0.0.7", ClientAddresses.forwarded("127.0.0.1", List.of("a b, 10.0.0.7"), PROXIES));
        assertEquals("10.0.0.7", ClientAddresses.forwarded("127.0.0.1", List.of("<x>, 10.0.0.7"), PROXIES));
        assertEquals("_hidden-1", ClientAddresses.forwarded("127.0.0.1", List.of("6.6.6.6, _hidden-1"), PROXIES));
        // only trusted hops: the leftmost one
        assertEquals("10.0.0.1", ClientAddresses.forwarded("127.0.0.1", List.of("10.0.0.1, 10.0.0.2"), PROXIES));
        assertEquals("127.0.0.1", ClientAddresses.forwarded("127.0.0.1", List.of(), PROXIES));
    }

    @Test
    void servicesBelieveTheClientAddressHeaderOnlyFromTheGateway() {
        List<String> gateway = List.of("127.0.0.1", "10.20.0.0/16");
        assertEquals("203.0.113.9", ClientAddresses.of(request("10.20.3.4",
                Map.of(ClientAddresses.HEADER, "203.0.113.9", "X-Forwarded-For", "6.6.6.6")), gateway));
        // from anyone else the header is a forgery: the socket peer counts
        assertEquals("198.51.100.7", ClientAddresses.of(request("198.51.100.7",
                Map.of(ClientAddresses.HEADER, "6.6.6.6", "X-Forwarded-For", "6.6.6.7")), gateway));
        // a trusted peer without the header (a plain proxy): X-Forwarded-For from the right
        assertEquals("203.0.113.10", ClientAddresses.of(request("127.0.0.1",
                Map.of("X-Forwarded-For", "6.6.6.6, 203.0.113.10")), gateway));
        // a malformed header value is not taken
        assertEquals("127.0.0.1", ClientAddresses.of(request("127.0.0.1",
                Map.of(ClientAddresses.HEADER, "not an address")), gateway));
    }

    private static HttpServletRequest request(String peer, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getHeaders" -> Collections.enumeration(headers.containsKey((String) args[0])
                            ? List.of(headers.get((String) args[0])) : List.of());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
