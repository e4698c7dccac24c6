package dev.localcvm.api.auth;

import java.util.Locale;
import java.util.Map;

/**
 * Verifies a TC3-HMAC-SHA256 request the way every official client signs it
 * (api3-protocol.md §5.3 steps 5-9): the scope's service as sent, the raw query and body, and up to
 * four header canonicalisations (lower-cased or not; Host with or without its port, for Node).
 */
public final class Tc3Verifier {
    /** The hash of the literal payload {@code UNSIGNED-PAYLOAD}, a constant. */
    private static final String UNSIGNED_PAYLOAD_HASH = Crypto.sha256Hex(
            Tc3Signer.UNSIGNED_PAYLOAD.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    /**
     * Derived signing keys by (date, service, secret key). A key signs every request of its day: deriving it
     * anew is three HMACs per request. Cleared when it grows past a bound, so keys of past days do not pile up.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, byte[]> SIGNING_KEYS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_SIGNING_KEYS = 4096;
    /** The last timestamp's UTC day and its text: formatting a date per request showed in profiles. */
    private static volatile DayText lastDay = new DayText(Long.MIN_VALUE, "");

    private record DayText(long epochDay, String text) {
    }

    private Tc3Verifier() {
    }

    /**
     * @param headers request headers keyed by lower-case name
     * @return whether any candidate canonicalisation reproduces the signature
     */
    public static boolean verify(Tc3Authorization auth, String secretKey, String method, String rawQuery,
                                 Map<String, String> headers, byte[] body, long timestamp) {
        if (!auth.date().equals(dateOf(timestamp))) {
            return false;
        }
        String[] rawValues = new String[auth.signedHeaderNames().size()];
        for (int i = 0; i < rawValues.length; i++) {
            String value = headers.get(auth.signedHeaderNames().get(i));
            if (value == null) {
                return false;
            }
            rawValues[i] = value.trim();
        }
        String host = headers.getOrDefault("host", "").trim();
        String hostWithoutPort = Crypto.withoutPort(host);
        String payload = Tc3Signer.UNSIGNED_PAYLOAD.equalsIgnoreCase(headers.getOrDefault("x-tc-content-sha256", "").trim())
                ? UNSIGNED_PAYLOAD_HASH
                : Tc3Signer.hashedPayload(body);
        byte[] key = signingKey(secretKey, auth.date(), auth.service());
        String query = rawQuery == null ? "" : rawQuery;
        String ts = Long.toString(timestamp);

        String lowered = canonicalHeaders(auth, rawValues, true, null);
        if (matches(auth, key, method, query, lowered, payload, ts)) {
            return true;
        }
        if (hostWithoutPort != null
                && matches(auth, key, method, query, canonicalHeaders(auth, rawValues, true, hostWithoutPort), payload, ts)) {
            return true;
        }
        String asSent = canonicalHeaders(auth, rawValues, false, null);
        if (!asSent.equals(lowered) && matches(auth, key, method, query, asSent, payload, ts)) {
            return true;
        }
        return hostWithoutPort != null && !asSent.equals(lowered)
                && matches(auth, key, method, query, canonicalHeaders(auth, rawValues, false, hostWithoutPort), payload, ts);
    }

    private static String dateOf(long timestamp) {
        long day = Math.floorDiv(timestamp, 86_400L);
        DayText last = lastDay;
        if (last.epochDay() != day) {
            last = new DayText(day, Tc3Signer.dateOf(timestamp));
            lastDay = last;
        }
        return last.text();
    }

    private static byte[] signingKey(String secretKey, String date, String service) {
        String cacheKey = date + '\n' + service + '\n' + secretKey;
        byte[] key = SIGNING_KEYS.get(cacheKey);
        if (key == null) {
            if (SIGNING_KEYS.size() >= MAX_SIGNING_KEYS) {
                SIGNING_KEYS.clear();
            }
            key = Tc3Signer.signingKey(secretKey, date, service);
            SIGNING_KEYS.put(cacheKey, key);
        }
        return key;
    }

    private static boolean matches(Tc3Authorization auth, byte[] key, String method, String query,
                                   String canonicalHeaders, String payload, String timestamp) {
        String request = Tc3Signer.canonicalRequest(method, query, canonicalHeaders, auth.signedHeaders(), payload);
        String expected = Tc3Signer.signature(key, Tc3Signer.stringToSign(timestamp, auth.date(), auth.service(), request));
        return Crypto.equalsConstantTime(expected, auth.signature());
    }

    private static String canonicalHeaders(Tc3Authorization auth, String[] values, boolean lowerCase, String hostOverride) {
        StringBuilder sb = new StringBuilder(128);
        for (int i = 0; i < values.length; i++) {
            String name = auth.signedHeaderNames().get(i);
            String value = hostOverride != null && name.equals("host") ? hostOverride : values[i];
            sb.append(name).append(':').append(lowerCase ? value.toLowerCase(Locale.ROOT) : value).append('\n');
        }
        return sb.toString();
    }
}
