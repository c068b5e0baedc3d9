package com.autopilotmonster.common.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A set of addresses and networks ("10.0.0.0/8", "127.0.0.1", "::1", "fd00::/8"), and the parsing of IP
 * literals without ever asking DNS (a header value like "evil.example" must never trigger a lookup).
 */
public final class TrustedNetworks {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private record Network(byte[] address, int prefix) {
        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (candidate[full] & mask) == (address[full] & mask);
        }
    }

    private final List<Network> networks;

    private TrustedNetworks(List<Network> networks) {
        this.networks = networks;
    }

    /** @throws IllegalArgumentException for an entry that is no address or network (a configuration error) */
    public static TrustedNetworks of(Collection<String> entries) {
        List<Network> parsed = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw == null ? "" : raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR network: " + entry);
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("bad network prefix: " + entry);
                }
            }
            parsed.add(new Network(address.getAddress(), prefix));
        }
        return new TrustedNetworks(List.copyOf(parsed));
    }

    public boolean contains(String address) {
        InetAddress parsed = literal(address);
        if (parsed == null) {
            return false;
        }
        byte[] bytes = parsed.getAddress();
        for (Network network : networks) {
            if (network.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An IP literal ("203.0.113.9", "2001:db8::1", "[2001:db8::1]", "203.0.113.9:1234", "[::1]:80"), or null
     * for anything else; never a DNS lookup. IPv4-mapped IPv6 addresses come back as IPv4.
     */
    public static InetAddress literal(String value) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return null;
            }
            text = text.substring(1, close);
        } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':') && text.indexOf('.') > 0) {
            text = text.substring(0, text.indexOf(':')); // IPv4 with a port
        }
        try {
            if (IPV4.matcher(text).matches()) {
                for (String part : text.split("\\.")) {
                    if (Integer.parseInt(part) > 255) {
                        return null;
                    }
                }
                return InetAddress.getByName(text);
            }
            // with a colon InetAddress parses an IPv6 literal and never resolves a name
            if (text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches()) {
                return InetAddress.getByName(text);
            }
        } catch (UnknownHostException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** The canonical text of an IP literal ("::1" for "0:0:0:0:0:0:0:1"), or null when it is none. */
    public static String canonical(String value) {
        InetAddress address = literal(value);
        return address == null ? null : address.getHostAddress().toLowerCase(Locale.ROOT);
    }
}
