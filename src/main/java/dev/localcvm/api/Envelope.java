package dev.localcvm.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The response envelope {@code {"Response":{...,"RequestId":"..."}}} around an action's output or an error. */
final class Envelope {
    private static final byte[] PREFIX = "{\"Response\":".getBytes(StandardCharsets.US_ASCII);

    private Envelope() {
    }

    /**
     * {@code {"Response":{<output fields>,"RequestId":"..."}}}, written straight from the record: its
     * serialized object is spliced open before its closing brace instead of going through a JSON tree.
     */
    static ResponseBody success(ObjectMapper mapper, Record output, String requestId) {
        JsonOutput object = output instanceof JsonOutput json ? json : serialized(mapper, output);
        int fields = object.length();
        byte[] tail = tail(fields <= 2, requestId);
        if (object.prepared() != null) {
            return new ResponseBody(new byte[0], object.prepared().duplicate(), tail);
        }
        byte[] out = new byte[PREFIX.length + fields - 1 + tail.length];
        int at = spliced(object, out);
        System.arraycopy(tail, 0, out, at, tail.length);
        return ResponseBody.of(out);
    }

    /** What {@link #success} writes before the RequestId, in direct memory, for {@link JsonOutput#prepared}. */
    static ByteBuffer prepare(JsonOutput output) {
        byte[] head = new byte[PREFIX.length + output.length() - 1];
        spliced(output, head);
        return ByteBuffer.allocateDirect(head.length).put(head).flip();
    }

    private static JsonOutput serialized(ObjectMapper mapper, Record output) {
        try {
            return JsonOutput.of(output == null ? new byte[] {'{', '}'} : mapper.writeValueAsBytes(output));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a response", e);
        }
    }

    /** Writes the prefix and the object but its closing brace into {@code out}; returns where that ends. */
    private static int spliced(JsonOutput object, byte[] out) {
        System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
        int at = PREFIX.length;
        int left = object.length() - 1;
        for (byte[] p : object.parts()) {
            int n = Math.min(p.length, left);
            System.arraycopy(p, 0, out, at, n);
            at += n;
            left -= n;
        }
        return at;
    }

    private static byte[] tail(boolean emptyObject, String requestId) {
        return ((emptyObject ? "" : ",") + "\"RequestId\":\"" + requestId + "\"}}").getBytes(StandardCharsets.US_ASCII);
    }

    static ResponseBody of(ObjectMapper mapper, ObjectNode response) {
        ObjectNode root = mapper.createObjectNode();
        root.set("Response", response);
        try {
            return ResponseBody.of(mapper.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a response", e);
        }
    }
}
