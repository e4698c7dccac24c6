package dev.localcvm.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The flattened form of api3-protocol.md §3.2, written by hand so that any key and value can be sent. */
public final class Form {
    private Form() {
    }

    /** A decoded name and value. */
    public record Pair(String name, String value) {
        public String encoded() {
            return encode(name) + "=" + encode(value);
        }
    }

    /**
     * Percent-encodes as Java's URLEncoder does, except that a lone surrogate, which URLEncoder turns into
     * {@code ?}, goes out as the three bytes a careless encoder would write ({@code %ED%A0%80}).
     */
    public static String encode(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == '*') {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('+');
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes(s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8), sb);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes(new byte[] {(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))}, sb);
            } else {
                bytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8), sb);
            }
        }
        return sb.toString();
    }

    private static void bytes(byte[] bytes, StringBuilder sb) {
        for (byte b : bytes) {
            sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
    }

    /** {@code {"A":[{"B":"x"}]}} gives {@code A.0.B=x}; null and empty structures give nothing, as absent. */
    public static List<Pair> flatten(JsonNode tree) {
        List<Pair> out = new ArrayList<>();
        flatten("", tree, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, List<Pair> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + i, node.get(i), out);
            }
        } else if (node.isTextual() && Text.isDeep(node.textValue())) {
            char kind = Text.deepKind(node.textValue());
            int depth = Text.deepDepth(node.textValue());
            StringBuilder key = new StringBuilder(prefix.length() + depth * 2).append(prefix);
            for (int i = 0; i < depth; i++) {
                key.append(kind == 'a' || (kind == 'm' && i % 2 == 0) ? ".0" : ".A");
            }
            out.add(new Pair(key.toString(), "1"));
        } else if (!node.isNull()) {
            out.add(new Pair(prefix, node.asText()));
        }
    }
}
