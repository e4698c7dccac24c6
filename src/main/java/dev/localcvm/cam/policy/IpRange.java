package dev.localcvm.cam.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address or CIDR block of {@code qcs:ip} (IPv4 or IPv6). Only literals are read: text that could name a host is
 * refused before {@link InetAddress} sees it, so parsing never resolves a name.
 */
final class IpRange {
    private final byte[] network;
    private final int prefix;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** @throws IllegalArgumentException when the text is not an address or CIDR block */
    static IpRange parse(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        byte[] address = literal(host);
        if (address == null) {
            throw new IllegalArgumentException("is not an IPv4 or IPv6 address or CIDR block");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(p) > bits) {
                throw new IllegalArgumentException("has a prefix length outside 0-" + bits);
            }
            prefix = Integer.parseInt(p);
        }
        return new IpRange(address, prefix);
    }

    /** The address's bytes (4 or 16), or null when the text is not an IP literal. */
    static byte[] literal(String host) {
        if (host == null || host.isEmpty() || host.length() > 45) {
            return null;
        }
        if (host.indexOf(':') < 0) {
            return dottedQuad(host);
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == ':' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return null;
            }
        }
        try {
            // In brackets the JDK reads an IPv6 literal or fails; it never looks a name up.
            return InetAddress.getByName("[" + host + "]").getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Four decimal parts of 0-255 without leading zeros (which some readers take for octal). */
    private static byte[] dottedQuad(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0'
                    || !p.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) > 255) {
                return null;
            }
            out[i] = (byte) Integer.parseInt(p);
        }
        return out;
    }

    /** Whether the address (bytes from {@link #literal}) lies in this block; IPv4 and IPv6 never meet. */
    boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }
}
