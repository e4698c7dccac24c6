package dev.localcvm.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.testing.Envelope;
import dev.localcvm.testing.RawHttp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every answer must be (api3-protocol.md §8): HTTP 200, {@code Content-Type: application/json},
 * {@code {"Response":{...,"RequestId"}}} with the same id in {@code X-TC-RequestId}; an error holds only
 * Error and RequestId, with a code of the ErrorCode enum that is not an internal error.
 *
 * @param problem what is wrong, short enough to group failures by (null when the answer is fine)
 * @param code the error code, null for a success or an answer that is not an envelope
 * @param requestId the X-TC-RequestId header, null when absent
 */
public record Verdict(String problem, String detail, String code, String requestId) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(ErrorCode::code)
            .collect(Collectors.toUnmodifiableSet());

    public boolean success() {
        return problem == null && code == null;
    }

    public static Verdict of(RawHttp.Response r) {
        String id = r.header("X-TC-RequestId");
        String answer = "HTTP " + r.status() + ", Content-Type " + r.header("Content-Type") + ", X-TC-RequestId "
                + r.header("X-TC-RequestId") + ", body " + Text.shorten(r.body(), 800);
        if (r.status() != 200) {
            return new Verdict("HTTP status " + r.status(), answer, null, id);
        }
        if (!"application/json".equals(r.header("Content-Type"))) {
            return new Verdict("Content-Type " + r.header("Content-Type"), answer, null, id);
        }
        JsonNode response;
        try {
            response = MAPPER.readTree(r.body()).path("Response");
        } catch (Exception e) {
            return new Verdict("body is not JSON", answer, null, id);
        }
        if (!response.isObject()) {
            return new Verdict("no Response object", answer, null, id);
        }
        String requestId = response.path("RequestId").asText("");
        if (!requestId.matches(Envelope.UUID)) {
            return new Verdict("RequestId missing or not a UUID", answer, null, id);
        }
        if (!requestId.equals(r.header("X-TC-RequestId"))) {
            return new Verdict("X-TC-RequestId differs from Response.RequestId", answer, null, id);
        }
        if (!response.has("Error")) {
            return new Verdict(null, answer, null, id);
        }
        String code = response.path("Error").path("Code").asText("");
        List<String> fields = new ArrayList<>();
        response.fieldNames().forEachRemaining(fields::add);
        if (fields.size() != 2) {
            return new Verdict("an error Response with fields " + fields, answer, code, id);
        }
        if (response.path("Error").path("Message").asText("").isBlank()) {
            return new Verdict("an error without a Message", answer, code, id);
        }
        if (!CODES.contains(code)) {
            return new Verdict("error code " + code + " is not in ErrorCode", answer, code, id);
        }
        if (code.startsWith("Internal")) {
            // Internal codes come only from unexpected exceptions or fault injection, and no fault is configured.
            return new Verdict("error code " + code, answer, code, id);
        }
        return new Verdict(null, answer, code, id);
    }
}
