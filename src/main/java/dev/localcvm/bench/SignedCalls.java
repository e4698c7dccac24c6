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

/**
 * TC3-signed API calls as the Java SDK makes them (POST JSON, {@code content-type;host} signed). A
 * signature depends only on the body and the second, so a constant body is signed once a second.
 */
final class SignedCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
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
