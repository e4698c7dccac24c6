package dev.localcvm.testing.fuzz;

import dev.localcvm.api.auth.Tc3Signer;
import dev.localcvm.api.auth.V1Verifier;
import dev.localcvm.testing.RawHttp;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One fuzz request exactly as it goes on the wire, and the four ways to sign one. Kept as bytes and
 * strings rather than a builder so that a failure can print precisely what was sent.
 */
public record Wire(Mode mode, String action, String method, String target, Map<String, String> headers,
                   byte[] body, String notes) {

    /** The four request modes of api3-protocol.md §2, plus requests broken below the API level. */
    public enum Mode { TC3_POST, TC3_GET, V1_POST, V1_GET, MALFORMED_HTTP }

    /** Who signs: an account's key pair. */
    public record Key(String name, String uin, String secretId, String secretKey) {
    }

    /** The version of cvm, vpc and cbs, whose actions the harness keys by their names alone. */
    public static final String VERSION = "2017-03-12";
    /**
     * Products of other versions, whose actions the harness keys {@code service:Action} ({@link #key}): the request
     * then carries the action's name and its product's version, which routes it (DescribeZones is both cvm's and
     * api's). A product of a version not listed here fails the fuzz test.
     */
    public static final Map<String, String> OTHER_VERSIONS = Map.of("tag", "2018-08-13", "api", "2020-11-06",
            "cam", "2019-01-16", "sts", "2018-08-13");

    /** The harness's key of an action: its name, prefixed with its product for a product of another version. */
    public static String key(String service, String version, String action) {
        return version.equals(VERSION) ? action : service + ":" + action;
    }

    /** The action a key names, as the request carries it. */
    static String actionOf(String key) {
        int colon = key.indexOf(':');
        return colon > 0 && OTHER_VERSIONS.containsKey(key.substring(0, colon)) ? key.substring(colon + 1) : key;
    }

    /** The version a request for this key carries. */
    static String versionOf(String key) {
        int colon = key.indexOf(':');
        return colon > 0 ? OTHER_VERSIONS.getOrDefault(key.substring(0, colon), VERSION) : VERSION;
    }
    /**
     * The scope service the SDKs send for an address like 127.0.0.1: it names no product, so the action
     * chooses it, and every served action is reached through one host (as v1's Host 127.0.0.1 does).
     */
    static final String SCOPE_SERVICE = "127";

    public RawHttp.Response send(int port) throws IOException {
        return RawHttp.send(port, method, target, headers, body);
    }

    /** A TC3 POST with this JSON body; extra headers are sent (and may replace the defaults) but not signed. */
    public static Wire tc3Post(int port, Key key, long timestamp, String action, String region, byte[] json,
                               String notes) {
        return tc3(port, key, timestamp, "POST", action, region, "", json, "application/json", notes);
    }

    /** A TC3 GET with this raw (already encoded) query, signed as is. */
    public static Wire tc3Get(int port, Key key, long timestamp, String action, String region, String query,
                              String notes) {
        return tc3(port, key, timestamp, "GET", action, region, query, null,
                "application/x-www-form-urlencoded", notes);
    }

    static Wire tc3(int port, Key key, long timestamp, String method, String action, String region, String query,
                    byte[] body, String contentType, String notes) {
        String host = "127.0.0.1:" + port;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        headers.put("Content-Type", contentType);
        headers.put("X-TC-Action", actionOf(action));
        headers.put("X-TC-Version", versionOf(action));
        headers.put("X-TC-Timestamp", Long.toString(timestamp));
        if (region != null) {
            headers.put("X-TC-Region", region);
        }
        headers.put("Authorization", tc3Authorization(key, timestamp, method, query, host, contentType,
                body == null ? new byte[0] : body));
        Mode mode = method.equals("GET") ? Mode.TC3_GET : Mode.TC3_POST;
        return new Wire(mode, action, method, query.isEmpty() ? "/" : "/?" + query, headers, body, notes);
    }

    static String tc3Authorization(Key key, long timestamp, String method, String query, String host,
                                   String contentType, byte[] body) {
        String date = Tc3Signer.dateOf(timestamp);
        String canonicalHeaders = "content-type:" + contentType.trim().toLowerCase(Locale.ROOT) + "\nhost:"
                + host.toLowerCase(Locale.ROOT) + "\n";
        String canonical = Tc3Signer.canonicalRequest(method, query, canonicalHeaders, "content-type;host",
                Tc3Signer.hashedPayload(body));
        String signature = Tc3Signer.signature(Tc3Signer.signingKey(key.secretKey(), date, SCOPE_SERVICE),
                Tc3Signer.stringToSign(Long.toString(timestamp), date, SCOPE_SERVICE, canonical));
        return Tc3Signer.ALGORITHM + " Credential=" + key.secretId() + "/" + date
                + "/" + SCOPE_SERVICE + "/tc3_request, SignedHeaders=content-type;host, Signature=" + signature;
    }

    /**
     * A signature-v1 request: the common parameters, then {@code apiPairs} (already percent-encoded, possibly
     * malformed), signed over what the server will decode. When the pairs cannot be decoded (malformed
     * escapes, repeated names) the server refuses them before the signature, so any signature will do.
     */
    public static Wire v1(int port, Key key, long timestamp, boolean post, String action, String region,
                          String signatureMethod, List<String> apiPairs, String notes) {
        String host = "127.0.0.1:" + port;
        StringBuilder form = new StringBuilder();
        form.append("Action=").append(Form.encode(actionOf(action))).append("&Version=").append(versionOf(action))
                .append("&Timestamp=").append(timestamp).append("&Nonce=").append(4242 + timestamp % 1000)
                .append("&SecretId=").append(Form.encode(key.secretId()));
        if (region != null) {
            form.append("&Region=").append(Form.encode(region));
        }
        if (signatureMethod != null) {
            form.append("&SignatureMethod=").append(signatureMethod);
        }
        for (String pair : apiPairs) {
            form.append('&').append(pair);
        }
        String method = post ? "POST" : "GET";
        Map<String, String> decoded = decodeOrNull(form.toString());
        String signature = decoded == null ? "bm90IHNpZ25lZA=="
                : V1Verifier.sign(V1Verifier.plainText(method, host, decoded, false), key.secretKey(), signatureMethod);
        form.append("&Signature=").append(Form.encode(signature));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        if (post) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            return new Wire(Mode.V1_POST, action, method, "/", headers, form.toString().getBytes(StandardCharsets.UTF_8),
                    notes);
        }
        return new Wire(Mode.V1_GET, action, method, "/?" + form, headers, null, notes);
    }

    /** The server's decoding (FormCodec.decode), without its errors: null where it would refuse. */
    private static Map<String, String> decodeOrNull(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
                if (out.putIfAbsent(name, value) != null) {
                    return null;
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return out;
    }

    /** What was sent, long strings shortened in the middle, for a failure message. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("mode ").append(mode).append(", action ").append(Text.shorten(action, 200));
        if (notes != null && !notes.isEmpty()) {
            sb.append(", mutations [").append(Text.shorten(notes, 600)).append(']');
        }
        sb.append("\n    ").append(Text.shorten(method, 100)).append(' ').append(Text.shorten(target, 1500));
        headers.forEach((k, v) -> sb.append("\n    ").append(Text.shorten(k, 200)).append(": ")
                .append(Text.shorten(v, 400)));
        if (body != null) {
            sb.append("\n    body (").append(body.length).append(" bytes): ")
                    .append(Text.shorten(Text.printable(body), 1500));
        }
        return sb.toString();
    }
}
