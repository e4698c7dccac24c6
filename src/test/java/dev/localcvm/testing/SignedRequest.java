package dev.localcvm.testing;

import dev.localcvm.api.auth.Tc3Signer;
import dev.localcvm.api.auth.V1Verifier;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Builds raw API requests, signs them the way a client would (TC3 or v1) and sends them with
 * {@link RawHttp}. Every header and parameter can be changed or removed (a null value removes), and the
 * signature can be computed over something other than what is sent, so each protocol error is reachable.
 * Defaults: CVM DescribeRegions, version 2017-03-12, the server clock's current second, the default key.
 */
public final class SignedRequest {
    private SignedRequest() {
    }

    public static Tc3 tc3(TestServer server) {
        return new Tc3(server.port(), server.secretId(), server.secretKey(), server.server().clock().millis() / 1000);
    }

    public static V1 v1(TestServer server) {
        return new V1(server.port(), server.secretId(), server.secretKey(), server.server().clock().millis() / 1000);
    }

    /** A TC3-HMAC-SHA256 request: POST with a JSON body by default, or GET with a query. */
    public static final class Tc3 {
        private final int port;
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private String secretId;
        private String secretKey;
        private long timestamp;
        private String method = "POST";
        private String query = "";
        private byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        private byte[] sentBody;
        private String service = "cvm";
        private String scopeDate;
        private String signedHeaders = "content-type;host";
        private String signedHost;
        private boolean lowerCaseValues = true;
        private String authorization;
        private boolean literalAuthorization;

        private Tc3(int port, String secretId, String secretKey, long timestamp) {
            this.port = port;
            this.secretId = secretId;
            this.secretKey = secretKey;
            this.timestamp = timestamp;
            headers.put("Host", "127.0.0.1:" + port);
            headers.put("Content-Type", "application/json");
            headers.put("X-TC-Action", "DescribeRegions");
            headers.put("X-TC-Version", "2017-03-12");
            headers.put("X-TC-Timestamp", Long.toString(timestamp));
        }

        /** Sets a header, or removes it when the value is null (names are case-insensitive). */
        public Tc3 header(String name, String value) {
            headers.compute(name, (k, old) -> value);
            return this;
        }

        public Tc3 action(String v) { return header("X-TC-Action", v); }
        public Tc3 version(String v) { return header("X-TC-Version", v); }
        public Tc3 region(String v) { return header("X-TC-Region", v); }
        public Tc3 language(String v) { return header("X-TC-Language", v); }
        public Tc3 contentType(String v) { return header("Content-Type", v); }
        public Tc3 host(String v) { return header("Host", v); }
        public Tc3 token(String v) { return header("X-TC-Token", v); }
        public Tc3 unsignedPayload() { return header("X-TC-Content-SHA256", Tc3Signer.UNSIGNED_PAYLOAD); }

        /** Also moves the X-TC-Timestamp header; the scope date follows unless set with {@link #scopeDate}. */
        public Tc3 timestamp(long seconds) {
            timestamp = seconds;
            return header("X-TC-Timestamp", Long.toString(seconds));
        }

        public Tc3 key(String id, String key) { secretId = id; secretKey = key; return this; }
        public Tc3 service(String v) { service = v; return this; }
        public Tc3 scopeDate(String v) { scopeDate = v; return this; }
        public Tc3 signedHeaders(String v) { signedHeaders = v; return this; }
        /** The host value signed, when it differs from the Host header (Node signs it without the port). */
        public Tc3 signedHost(String v) { signedHost = v; return this; }
        /** Sign the header values as sent instead of lower-cased (hand-written clients). */
        public Tc3 keepCase() { lowerCaseValues = false; return this; }

        public Tc3 body(String json) { return body(json.getBytes(StandardCharsets.UTF_8)); }
        public Tc3 body(byte[] bytes) { body = bytes; return this; }
        /** Bytes sent in place of the signed body (tampering after signing). */
        public Tc3 sentBody(String v) { sentBody = v.getBytes(StandardCharsets.UTF_8); return this; }
        /** The raw query string, signed as is; for a POST it carries no parameters. */
        public Tc3 query(String raw) { query = raw; return this; }

        /** A v3 GET: parameters in the query, the form Content-Type every SDK sends, no body. */
        public Tc3 get(String rawQuery) {
            method = "GET";
            query = rawQuery;
            body = null;
            return contentType("application/x-www-form-urlencoded");
        }

        /** Sends this Authorization header instead of signing; null sends none. */
        public Tc3 authorization(String literal) { authorization = literal; literalAuthorization = true; return this; }

        public String authorizationHeader() {
            if (literalAuthorization) {
                return authorization;
            }
            String date = scopeDate != null ? scopeDate : Tc3Signer.dateOf(timestamp);
            // CanonicalHeaders in the order of SignedHeaders; values trimmed and, as the doc says, lower-cased.
            StringBuilder canonicalHeaders = new StringBuilder();
            for (String name : signedHeaders.split(";")) {
                String value = name.equals("host") && signedHost != null ? signedHost : headers.get(name);
                value = value == null ? "" : value.trim();
                canonicalHeaders.append(name).append(':')
                        .append(lowerCaseValues ? value.toLowerCase(Locale.ROOT) : value).append('\n');
            }
            byte[] payload = Tc3Signer.UNSIGNED_PAYLOAD.equals(headers.get("X-TC-Content-SHA256"))
                    ? Tc3Signer.UNSIGNED_PAYLOAD.getBytes(StandardCharsets.US_ASCII)
                    : body == null ? new byte[0] : body;
            String canonical = Tc3Signer.canonicalRequest(method, query, canonicalHeaders.toString(), signedHeaders,
                    Tc3Signer.hashedPayload(payload));
            String stamp = headers.getOrDefault("X-TC-Timestamp", Long.toString(timestamp));
            String signature = Tc3Signer.signature(Tc3Signer.signingKey(secretKey, date, service),
                    Tc3Signer.stringToSign(stamp, date, service, canonical));
            return Tc3Signer.ALGORITHM + " Credential=" + secretId + "/" + date + "/" + service
                    + "/tc3_request, SignedHeaders=" + signedHeaders + ", Signature=" + signature;
        }

        private Map<String, String> allHeaders() {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.compute("Authorization", (k, old) -> authorizationHeader());
            return all;
        }

        private String target() {
            return query.isEmpty() ? "/" : "/?" + query;
        }

        /** Bytes of the request line and headers as RawHttp sends them (no body, no final blank line). */
        public int headBytes() {
            int n = (method + " " + target() + " HTTP/1.1\r\n").length() + "Connection: close\r\n".length();
            for (Map.Entry<String, String> h : allHeaders().entrySet()) {
                n += h.getKey().length() + 2 + h.getValue().getBytes(StandardCharsets.UTF_8).length + 2;
            }
            return n;
        }

        public RawHttp.Response send() throws IOException {
            return RawHttp.send(port, method, target(), allHeaders(), sentBody != null ? sentBody : body);
        }
    }

    /** A signature-v1 request: GET with a query by default, or POST with a form body. */
    public static final class V1 {
        private final int port;
        private final Map<String, String> params = new LinkedHashMap<>();
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private String secretKey;
        private String method = "GET";
        private String signedHost;
        private String signature;
        private boolean withoutSignature;
        private String rawSuffix = "";
        private String postQuery = "";

        private V1(int port, String secretId, String secretKey, long timestamp) {
            this.port = port;
            this.secretKey = secretKey;
            headers.put("Host", "127.0.0.1:" + port);
            params.put("Action", "DescribeRegions");
            params.put("Version", "2017-03-12");
            params.put("Timestamp", Long.toString(timestamp));
            params.put("Nonce", "11886");
            params.put("SecretId", secretId);
        }

        /** Sets a parameter, or removes it when the value is null. */
        public V1 param(String name, String value) {
            params.compute(name, (k, old) -> value);
            return this;
        }

        public V1 action(String v) { return param("Action", v); }
        public V1 version(String v) { return param("Version", v); }
        public V1 region(String v) { return param("Region", v); }
        public V1 timestamp(long seconds) { return param("Timestamp", Long.toString(seconds)); }
        public V1 secretId(String v) { return param("SecretId", v); }
        /** {@code HmacSHA256} selects SHA-256; anything else (or nothing) HmacSHA1. */
        public V1 signatureMethod(String v) { return param("SignatureMethod", v); }
        public V1 key(String v) { secretKey = v; return this; }
        public V1 header(String name, String value) { headers.compute(name, (k, old) -> value); return this; }
        public V1 host(String v) { return header("Host", v); }
        /** The host value signed, when it differs from the Host header. */
        public V1 signedHost(String v) { signedHost = v; return this; }
        /** Sends this Signature value (still URL-encoded on the wire) instead of the computed one. */
        public V1 signature(String v) { signature = v; return this; }
        /** Leaves the Signature parameter out. */
        public V1 withoutSignature() { withoutSignature = true; return this; }
        /** Raw text appended to the encoded form after signing, e.g. {@code &Action=X} for a duplicate key. */
        public V1 appendRaw(String v) { rawSuffix = v; return this; }
        /** A query string sent on a POST (ignored by the server). */
        public V1 postQuery(String v) { postQuery = v; return this; }

        /** A form POST; the Content-Type is the form type unless set with {@link #header}. */
        public V1 post() {
            method = "POST";
            headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
            return this;
        }

        /** METHOD + signed host + "/?" + the sorted, decoded parameters (api3-protocol.md §6). */
        public String plainText() {
            return V1Verifier.plainText(method, signedHost != null ? signedHost : headers.get("Host"), params, false);
        }

        private String computedSignature() {
            return V1Verifier.sign(plainText(), secretKey, params.get("SignatureMethod"));
        }

        /** The encoded parameters with the Signature last, as they go on the wire. */
        public String form() {
            StringJoiner form = new StringJoiner("&");
            params.forEach((k, v) -> form.add(encode(k) + "=" + encode(v)));
            if (!withoutSignature) {
                form.add("Signature=" + encode(signature != null ? signature : computedSignature()));
            }
            return form + rawSuffix;
        }

        public RawHttp.Response send() throws IOException {
            boolean get = method.equals("GET");
            String target = get ? "/?" + form() : postQuery.isEmpty() ? "/" : "/?" + postQuery;
            return RawHttp.send(port, method, target, headers, get ? null : form().getBytes(StandardCharsets.UTF_8));
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
