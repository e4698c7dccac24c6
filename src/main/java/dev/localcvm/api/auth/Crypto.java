package dev.localcvm.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hash and HMAC primitives both signature versions use. */
final class Crypto {
    private static final HexFormat HEX = HexFormat.of();
    /**
     * One Mac per algorithm and thread: {@code Mac.getInstance} looks the provider up (and instantiates
     * reflectively) each time, which cost more than the HMAC itself on every request.
     */
    private static final ThreadLocal<java.util.Map<String, Mac>> MACS = ThreadLocal.withInitial(java.util.HashMap::new);
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

    private Crypto() {
    }

    static byte[] hmac(String algorithm, byte[] key, String message) {
        try {
            Mac mac = MACS.get().get(algorithm);
            if (mac == null) {
                mac = Mac.getInstance(algorithm);
                MACS.get().put(algorithm, mac);
            }
            // init resets whatever state a failed earlier use might have left.
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    static String sha256Hex(byte[] data) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HEX.formatHex(digest.digest(data));
    }

    static String hex(byte[] data) {
        return HEX.formatHex(data);
    }

    /** Constant-time comparison of two ASCII strings. */
    static boolean equalsConstantTime(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The Host value without a trailing {@code :port}, or null when there is nothing to strip. The port
     * is only removed when what remains is a plain name or a bracketed IPv6 literal, so
     * {@code http://host:port} (tccli) is left whole.
     */
    static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || colon == host.length() - 1) {
            return null;
        }
        for (int i = colon + 1; i < host.length(); i++) {
            if (!Character.isDigit(host.charAt(i))) {
                return null;
            }
        }
        String rest = host.substring(0, colon);
        boolean bracketed = rest.startsWith("[") && rest.endsWith("]");
        return rest.isEmpty() || (rest.indexOf(':') >= 0 && !bracketed) ? null : rest;
    }
}
