package dev.localcvm.testing.terraform;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks that the fields the provider dereferences (footprint §6) are present and not null. A path is dot-separated;
 * {@code Name[]} requires an array and applies the rest of the path to each of its elements, so
 * {@code "InstanceSet[].Placement"} requires a Placement object on every instance.
 */
public final class Fields {
    private Fields() {
    }

    /** Fails, naming the path, the action and the response, when a field of any path is missing or null. */
    public static void require(String action, JsonNode response, String... paths) {
        for (String path : paths) {
            walk(action, response, path, path.split("\\."), 0, "", response);
        }
    }

    private static void walk(String action, JsonNode whole, String path, String[] segments, int i, String at,
            JsonNode node) {
        if (i == segments.length) {
            return;
        }
        String segment = segments[i];
        boolean each = segment.endsWith("[]");
        String name = each ? segment.substring(0, segment.length() - 2) : segment;
        String here = at.isEmpty() ? name : at + "." + name;
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            throw new AssertionError(action + ": " + here + " is " + (child == null ? "missing" : "null")
                    + " (the provider dereferences " + path + "); response: " + whole);
        }
        if (!each) {
            walk(action, whole, path, segments, i + 1, here, child);
            return;
        }
        if (!child.isArray()) {
            throw new AssertionError(action + ": " + here + " is not an array (" + path + "); response: " + whole);
        }
        for (int k = 0; k < child.size(); k++) {
            walk(action, whole, path, segments, i + 1, here + "[" + k + "]", child.get(k));
        }
    }
}
