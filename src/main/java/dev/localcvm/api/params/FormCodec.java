package dev.localcvm.api.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The flattened form of v1 bodies and GET queries (api3-protocol.md §3.2): decoding into ordered
 * pairs, and un-flattening {@code Name.N} / {@code Name.Field} keys into one JSON tree.
 */
public final class FormCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final int MAX_DEPTH = 32;

    private FormCodec() {
    }

    /** Decoded name/value pairs in wire order; a repeated name is refused. */
    public static Map<String, String> decode(String raw) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return pairs;
        }
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = percentDecode(eq < 0 ? part : part.substring(0, eq), null);
            String value = eq < 0 ? "" : percentDecode(part.substring(eq + 1), name);
            if (pairs.putIfAbsent(name, value) != null) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER,
                        "The parameter `" + Checks.quote(name) + "` is given more than once.");
            }
        }
        return pairs;
    }

    private static String percentDecode(String s, String name) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            String what = name == null ? "name `" + s + "`" : "`" + name + "`";
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "Parameter " + what + " is not correctly percent-encoded.");
        }
    }

    /** Builds the canonical tree; array elements are ordered by index and gaps are closed. */
    public static ObjectNode unflatten(Map<String, String> pairs) {
        Node root = new Node();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String name = e.getKey();
            String[] segments = name.split("\\.", -1);
            if (segments.length > MAX_DEPTH) {
                // Building and binding the tree recurses once per level; no real parameter nests this deep.
                throw new ApiException(ErrorCode.INVALID_PARAMETER, "The parameter name `" + Checks.quote(name)
                        + "` nests more than " + MAX_DEPTH + " levels deep.");
            }
            Node node = root;
            for (String segment : segments) {
                if (segment.isEmpty()) {
                    throw new ApiException(ErrorCode.INVALID_PARAMETER, "The parameter name `" + Checks.quote(name) + "` is malformed.");
                }
                node = node.child(segment, name);
            }
            if (node.value != null || node.hasChildren()) {
                throw conflict(name);
            }
            node.value = e.getValue();
        }
        return (ObjectNode) root.toJson();
    }

    private static ApiException conflict(String name) {
        return new ApiException(ErrorCode.INVALID_PARAMETER,
                "The parameter `" + Checks.quote(name) + "` is given both as a value and as a structure.");
    }

    /** One position of the key tree: a leaf value, object fields or array elements, never two of them. */
    private static final class Node {
        String value;
        Map<String, Node> fields;
        TreeMap<Long, Node> elements;

        boolean hasChildren() {
            return fields != null || elements != null;
        }

        Node child(String segment, String fullName) {
            if (value != null) {
                throw conflict(fullName);
            }
            if (isIndex(segment)) {
                if (fields != null) {
                    throw conflict(fullName);
                }
                if (elements == null) {
                    elements = new TreeMap<>();
                }
                long index;
                try {
                    index = Long.parseLong(segment);
                } catch (NumberFormatException e) {
                    throw new ApiException(ErrorCode.INVALID_PARAMETER, "The index in `" + Checks.quote(fullName) + "` is too large.");
                }
                return elements.computeIfAbsent(index, k -> new Node());
            }
            if (elements != null) {
                throw conflict(fullName);
            }
            if (fields == null) {
                fields = new LinkedHashMap<>();
            }
            return fields.computeIfAbsent(segment, k -> new Node());
        }

        JsonNode toJson() {
            if (value != null) {
                return NODES.textNode(value);
            }
            if (elements != null) {
                ArrayNode array = NODES.arrayNode(elements.size());
                for (Node n : elements.values()) {
                    array.add(n.toJson());
                }
                return array;
            }
            ObjectNode object = NODES.objectNode();
            if (fields != null) {
                fields.forEach((k, v) -> object.set(k, v.toJson()));
            }
            return object;
        }

        private static boolean isIndex(String segment) {
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }
    }
}
