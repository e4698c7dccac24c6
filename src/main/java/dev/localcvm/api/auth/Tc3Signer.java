package dev.localcvm.api.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The TC3-HMAC-SHA256 computation of the "Signature v3" doc page, step by step. */
public final class Tc3Signer {
    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Tc3Signer() {
    }

    /** The UTC calendar date of a Unix timestamp, as the credential scope carries it. */
    public static String dateOf(long timestamp) {
        return DATE.format(Instant.ofEpochSecond(timestamp));
    }

    public static String hashedPayload(byte[] body) {
        return Crypto.sha256Hex(body);
    }

    public static String canonicalRequest(String method, String canonicalQuery, String canonicalHeaders,
                                          String signedHeaders, String hashedPayload) {
        return method + "\n/\n" + canonicalQuery + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + hashedPayload;
    }

    public static String stringToSign(String timestamp, String date, String service, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + date + "/" + service + "/tc3_request\n"
                + Crypto.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] signingKey(String secretKey, String date, String service) {
        byte[] kDate = Crypto.hmac("HmacSHA256", ("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] kService = Crypto.hmac("HmacSHA256", kDate, service);
        return Crypto.hmac("HmacSHA256", kService, "tc3_request");
    }

    public static String signature(byte[] signingKey, String stringToSign) {
        return Crypto.hex(Crypto.hmac("HmacSHA256", signingKey, stringToSign));
    }
}
