package dev.localcvm.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The response envelope {@code {"Response":{...,"RequestId":"..."}}} around an action's output or an error. */
final class Envelope {
    private static final byte[] PREFIX = "{\"Response\":".getBytes(StandardCharsets.US_ASCII);

    private Envelope() {
    }

    /**
     * Outputs up to this size are assembled into one array; larger ones (a page of instances) are sent as their
     * parts, which the HTTP layer writes one after the other: assembling a 175 KB page cost an allocation and a
     * copy of it per request.
     */
    static final int ASSEMBLED_UP_TO = 16 * 1024;

    /**
     * {@code {"Response":{<output fields>,"RequestId":"..."}}}, written straight from the record: its
     * serialized object is spliced open before its closing brace instead of going through a JSON tree.
     */
    static byte[] success(ObjectMapper mapper, Record output, String requestId) {
        return ApiResponse.concat(successParts(mapper, output, requestId));
    }

    /** {@link #success} as parts to send one after the other: one array unless the output is large. */
    static List<byte[]> successParts(ObjectMapper mapper, Record output, String requestId) {
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
        if (fields > ASSEMBLED_UP_TO) {
            List<byte[]> out = new ArrayList<>(parts.size() + 2);
            out.add(PREFIX);
            int left = fields - 1; // all but the object's closing brace
            for (byte[] p : parts) {
                if (left == 0) {
                    break;
                }
                if (p.length <= left) {
                    out.add(p);
                    left -= p.length;
                } else {
                    out.add(Arrays.copyOf(p, left));
                    left = 0;
                }
            }
            out.add(tail);
            return out;
        }
        byte[] out = new byte[PREFIX.length + fields - 1 + tail.length];
        System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
        int at = PREFIX.length;
        int left = fields - 1;
        for (byte[] p : parts) {
            int n = Math.min(p.length, left);
            System.arraycopy(p, 0, out, at, n);
            at += n;
            left -= n;
        }
        System.arraycopy(tail, 0, out, at, tail.length);
        return List.of(out);
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
