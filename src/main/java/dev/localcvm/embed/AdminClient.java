package dev.localcvm.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The admin API of an embedded server, called over its own HTTP port: the embedding API goes through the very
 * endpoints an operator uses, so it has the same validation and effects (a clock advance sweeps its timers).
 */
final class AdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    AdminClient(String host, int port, String token) {
        this.base = "http://" + host + ":" + port + "/_localcvm";
        this.token = token;
    }

    /** The answer of a call that must succeed; otherwise an IllegalStateException with the server's reason. */
    JsonNode call(String method, String path, Map<String, ?> body) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        try {
            String text = body == null ? "" : JSON.writeValueAsString(body);
            req.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text));
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("localcvm admin " + method + " " + path + " answered "
                        + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the localcvm admin API", e);
        }
    }
}
