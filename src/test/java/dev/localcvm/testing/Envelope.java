package dev.localcvm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Assertions every API answer must pass (api3-protocol.md §8): HTTP 200, {@code Content-Type} exactly
 * {@code application/json}, {@code Response.RequestId} a lowercase UUID equal to the
 * {@code X-TC-RequestId} header; an error carries {@code Error.Code} and nothing but Error and RequestId.
 */
public final class Envelope {
    public static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Envelope() {
    }

    /** Checks the envelope and returns {@code Response}. */
    public static JsonNode valid(RawHttp.Response r) {
        assertThat(r.status()).as("HTTP status of %s", r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).as("Content-Type").isEqualTo("application/json");
        JsonNode root;
        try {
            root = MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("the body is not JSON: " + r.body(), e);
        }
        JsonNode response = root.path("Response");
        assertThat(response.isObject()).as("Response object in %s", r.body()).isTrue();
        String requestId = response.path("RequestId").asText("");
        assertThat(requestId).as("Response.RequestId").matches(UUID);
        assertThat(r.header("X-TC-RequestId")).as("X-TC-RequestId header").isEqualTo(requestId);
        return response;
    }

    /** Checks the envelope of a success and returns {@code Response}. */
    public static JsonNode success(RawHttp.Response r) {
        JsonNode response = valid(r);
        assertThat(response.has("Error")).as("an error in %s", r.body()).isFalse();
        return response;
    }

    /** Checks the envelope of an error with exactly this code and returns {@code Response.Error}. */
    public static JsonNode error(RawHttp.Response r, String code) {
        JsonNode response = valid(r);
        assertThat(response.path("Error").path("Code").asText(null)).as("Error.Code in %s", r.body()).isEqualTo(code);
        assertThat(response.path("Error").path("Message").asText("")).as("Error.Message").isNotBlank();
        List<String> fields = new ArrayList<>();
        response.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("fields of an error Response").containsExactlyInAnyOrder("Error", "RequestId");
        return response.get("Error");
    }

    /** Checks the envelope of an error with exactly this code and returns its Message. */
    public static String errorMessage(RawHttp.Response r, String code) {
        return error(r, code).path("Message").asText();
    }
}
