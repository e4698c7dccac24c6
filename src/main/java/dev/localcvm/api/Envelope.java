package dev.localcvm.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The response envelope {@code {"Response":{...,"RequestId":"..."}}} around an action's output or an error. */
final class Envelope {
    private static final byte[] PREFIX = "{\"Response\":".getBytes(StandardCharsets.US_ASCII);

    private Envelope() {
    }

    /**
     * {@code {"Response":{<output fields>,"RequestId":"..."}}}, written straight from the record: its
     * serialized object is spliced open before its closing brace instead of going through a JSON tree.
     */
    static byte[] success(ObjectMapper mapper, Record output, String requestId) {
        List<byte[]> parts;
        if (output instanceof JsonOutput json) {
            parts = json.parts();
        } else {
            try {
                parts = List.of(output == null ? new byte[] {'{', '}'} : mapper.writeValueAsBytes(output));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialize a response", e);
            }
        }
        int fields = 0;
        for (byte[] p : parts) {
            fields += p.length;
        }
        byte[] tail = ((fields > 2 ? "," : "") + "\"RequestId\":\"" + requestId + "\"}}")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[PREFIX.length + fields - 1 + tail.length];
        System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
        int at = PREFIX.length;
        int left = fields - 1; // all but the object's closing brace
        for (byte[] p : parts) {
            int n = Math.min(p.length, left);
            System.arraycopy(p, 0, out, at, n);
            at += n;
            left -= n;
        }
        System.arraycopy(tail, 0, out, at, tail.length);
        return out;
    }

    static byte[] of(ObjectMapper mapper, ObjectNode response) {
        ObjectNode root = mapper.createObjectNode();
        root.set("Response", response);
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a response", e);
        }
    }
}
