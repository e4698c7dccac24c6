package dev.localcvm.api;

import java.util.List;

/**
 * An action's output fields already serialised: the parts, one after the other, are the JSON object
 * {@code {...}} that serialising the output record would have written. An action returns one when it holds
 * its answer as bytes (a constant catalogue, a page of instances rendered earlier): the envelope copies the
 * parts once, instead of serialising into a buffer and copying that again.
 */
public record JsonOutput(List<byte[]> parts) {
    public JsonOutput {
        parts = List.copyOf(parts);
    }

    public static JsonOutput of(byte[] object) {
        return new JsonOutput(List.of(object));
    }
}
