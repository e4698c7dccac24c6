package dev.localcvm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localcvm.api.auth.Tc3Signer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * TC3-signed API calls as the Java SDK makes them (POST JSON, {@code content-type;host} signed). A
 * signature depends only on the body and the second, so a constant body is signed once a second.
 */
final class SignedCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RESIGN_SECONDS = 10;
    private final HttpClientAgent client;
    private final String host;
    private final int port;
    private final String secretId;
    private final String secretKey;
    private final String region;
    private final ConcurrentHashMap<String, String> signatures = new ConcurrentHashMap<>();

    SignedCalls(HttpClientAgent client, String host, int port, String secretId, String secretKey, String region) {
        this.client = client;
        this.host = host;
        this.port = port;
        this.secretId = secretId;
        this.secretKey = secretKey;
        this.region = region;
    }

    /** The response's {@code Response} object; fails on an API error. */
    Future<JsonNode> call(String action, byte[] body, boolean constantBody) {
        return send(action, body, constantBody).map(buffer -> {
            JsonNode response = parse(buffer).path("Response");
            if (response.has("Error")) {
                throw new IllegalStateException(action + ": " + response.get("Error").path("Code").asText());
            }
            return response;
        });
    }

    /** The raw response bytes, checked for an API error only by looking for {@code "Error"}. */
    Future<Buffer> send(String action, byte[] body, boolean constantBody) {
        long timestamp = System.currentTimeMillis() / 1000;
        String authorization = constantBody
                ? signatures.computeIfAbsent(action + '|' + timestamp, k -> authorization(action, body, timestamp))
                : authorization(action, body, timestamp);
        if (constantBody && signatures.size() > 64) {
            signatures.keySet().removeIf(k -> !k.endsWith("|" + timestamp));
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port).setURI("/")
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("X-TC-Action", action).putHeader("X-TC-Version", "2017-03-12")
                .putHeader("X-TC-Timestamp", Long.toString(timestamp)).putHeader("X-TC-Region", region)
                .putHeader("Authorization", authorization);
        return client.request(options).compose(req -> req.send(Buffer.buffer(body))).compose(resp -> resp.body());
    }

    /**
     * The whole HTTP request for the raw generator, re-signed every {@link #RESIGN_SECONDS}: a TC3 signature
     * holds for 300 s either side of its timestamp, so signing once a request (or once a second) would
     * only add the generator's own work to what is measured.
     */
    Supplier<byte[]> preSigned(String action, byte[] body) {
        return new Supplier<>() {
            private volatile byte[] bytes;
            private volatile long signedAt;

            @Override
            public byte[] get() {
                long now = System.currentTimeMillis() / 1000;
                byte[] b = bytes;
                if (b == null || now - signedAt >= RESIGN_SECONDS) {
                    synchronized (this) {
                        if (bytes == null || now - signedAt >= RESIGN_SECONDS) {
                            bytes = raw(action, body, now);
                            signedAt = now;
                        }
                        b = bytes;
                    }
                }
                return b;
            }
        };
    }

    private byte[] raw(String action, byte[] body, long timestamp) {
        String head = "POST / HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "X-TC-Action: " + action + "\r\nX-TC-Version: 2017-03-12\r\n"
                + "X-TC-Timestamp: " + timestamp + "\r\nX-TC-Region: " + region + "\r\n"
                + "Authorization: " + authorization(action, body, timestamp) + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private String authorization(String action, byte[] body, long timestamp) {
        String date = Tc3Signer.dateOf(timestamp);
        String hostHeader = host + ":" + port;
        String canonical = Tc3Signer.canonicalRequest("POST", "", "content-type:application/json; charset=utf-8\nhost:"
                + hostHeader + "\n", "content-type;host", Tc3Signer.hashedPayload(body));
        String service = "cvm";
        String signature = Tc3Signer.signature(Tc3Signer.signingKey(secretKey, date, service),
                Tc3Signer.stringToSign(Long.toString(timestamp), date, service, canonical));
        return "TC3-HMAC-SHA256 Credential=" + secretId + "/" + date + "/" + service
                + "/tc3_request, SignedHeaders=content-type;host, Signature=" + signature;
    }

    static JsonNode parse(Buffer buffer) {
        try {
            return JSON.readTree(buffer.getBytes());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + buffer.toString(StandardCharsets.UTF_8), e);
        }
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
