package dev.localcvm.api.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Verifies a signature-v1 request, HmacSHA1 or HmacSHA256 (api3-protocol.md §6). */
public final class V1Verifier {
    private V1Verifier() {
    }

    /** The plain text that is signed: METHOD + host + "/?" + the sorted, decoded parameters. */
    public static String plainText(String method, String host, Map<String, String> params, boolean underscoreAsDot) {
        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((name, value) -> {
            if (!name.equals("Signature")) {
                sorted.put(underscoreAsDot ? name.replace('_', '.') : name, value);
            }
        });
        StringBuilder sb = new StringBuilder(256).append(method).append(host).append("/?");
        boolean first = true;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!first) {
                sb.append('&');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        return sb.toString();
    }

    /** The Base64 signature of a plain text; HmacSHA256 when asked for exactly, HmacSHA1 otherwise. */
    public static String sign(String plainText, String secretKey, String signatureMethod) {
        String algorithm = "HmacSHA256".equals(signatureMethod) ? "HmacSHA256" : "HmacSHA1";
        return Base64.getEncoder().encodeToString(
                Crypto.hmac(algorithm, secretKey.getBytes(StandardCharsets.UTF_8), plainText));
    }

    /** @param params every decoded parameter of the request, {@code Signature} included */
    public static boolean verify(Map<String, String> params, String secretKey, String method, String hostHeader) {
        String given = params.get("Signature");
        if (given == null) {
            return false;
        }
        List<String> hosts = new ArrayList<>(2);
        String host = hostHeader == null ? "" : hostHeader.trim();
        hosts.add(host);
        String withoutPort = Crypto.withoutPort(host);
        if (withoutPort != null) {
            hosts.add(withoutPort);
        }
        boolean underscores = params.keySet().stream().anyMatch(n -> n.indexOf('_') >= 0);
        String signatureMethod = params.get("SignatureMethod");
        for (String h : hosts) {
            if (Crypto.equalsConstantTime(sign(plainText(method, h, params, false), secretKey, signatureMethod), given)) {
                return true;
            }
            if (underscores && Crypto.equalsConstantTime(
                    sign(plainText(method, h, params, true), secretKey, signatureMethod), given)) {
                return true;
            }
        }
        return false;
    }
}
