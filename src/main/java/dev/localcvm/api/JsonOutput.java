package dev.localcvm.api;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * An action's output fields already serialised: the parts, one after the other, are the JSON object
 * {@code {...}} that serialising the output record would have written. An action returns one when it holds
 * its answer as bytes (a constant catalogue, a page of instances rendered earlier): the envelope copies the
 * parts once, instead of serialising into a buffer and copying that again.
 *
 * @param prepared when not null, the envelope's bytes up to this object's closing brace (excluded), in direct
 *                 memory; see {@link #prepared}
 */
public record JsonOutput(List<byte[]> parts, ByteBuffer prepared) {
    public JsonOutput {
        parts = List.copyOf(parts);
    }

    public JsonOutput(List<byte[]> parts) {
        this(parts, null);
    }

    public static JsonOutput of(byte[] object) {
        return new JsonOutput(List.of(object));
    }

    /** The object's length in bytes: the parts' lengths summed. */
    public int length() {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        return n;
    }

    /**
     * The same output, enveloped once ahead of time in direct memory, for an action that returns it again and
     * again (a page of instances polled while nothing changes, a catalogue). Every answer that returns it sends
     * that memory as it is: no copy into a response array, and none from the heap into the socket's buffer. Only
     * the RequestId and the closing braces are written per answer.
     */
    public static JsonOutput prepared(List<byte[]> parts) {
        JsonOutput plain = new JsonOutput(parts);
        return new JsonOutput(plain.parts, Envelope.prepare(plain));
    }
}
