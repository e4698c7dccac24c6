package dev.localcvm.api;

import java.nio.ByteBuffer;

/**
 * An answer's bytes: {@code head}, then {@code shared} when there is one, then {@code tail}.
 *
 * <p>{@code shared} is the start of a prepared output's envelope ({@link JsonOutput#prepared}) in direct memory: the
 * same memory for every answer that returns that output, so the server hands it to the socket without copying it.
 * Each body holds its own view of it (its position and limit), and nothing writes to it.
 */
public record ResponseBody(byte[] head, ByteBuffer shared, byte[] tail) {
    private static final byte[] NONE = new byte[0];

    static ResponseBody of(byte[] bytes) {
        return new ResponseBody(bytes, null, NONE);
    }

    public int length() {
        return head.length + (shared == null ? 0 : shared.remaining()) + tail.length;
    }

    /** The whole answer in one array, for callers that read it (tests); the server sends the parts. */
    public byte[] bytes() {
        if (shared == null && tail.length == 0) {
            return head;
        }
        byte[] out = new byte[length()];
        System.arraycopy(head, 0, out, 0, head.length);
        int at = head.length;
        if (shared != null) {
            shared.duplicate().get(out, at, shared.remaining());
            at += shared.remaining();
        }
        System.arraycopy(tail, 0, out, at, tail.length);
        return out;
    }
}
