package dev.localcvm.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON text written by hand, and request text made readable. Jackson cannot be used to write the bodies:
 * it either refuses lone surrogates or, through a String, loses them to {@code ?} in UTF-8; here they go
 * out as {@code \ud800} escapes, which is what a hostile client sends.
 */
public final class Text {
    /** A stand-in value for a structure nested {@code depth} deep, expanded when the request is encoded. */
    static final char DEEP = '\uE000';
    private static final Pattern DEEP_VALUE = Pattern.compile(DEEP + "deep:[aom]:[0-9]{1,6}");
    private static final Pattern RUN = Pattern.compile("(.{1,6}?)\\1{7,}", Pattern.DOTALL);

    private Text() {
    }

    /** A placeholder for arrays ({@code a}), objects ({@code o}) or both alternating ({@code m}) nested deep. */
    static String deep(char kind, int depth) {
        return DEEP + "deep:" + kind + ":" + depth;
    }

    static boolean isDeep(String s) {
        return s != null && !s.isEmpty() && s.charAt(0) == DEEP && DEEP_VALUE.matcher(s).matches();
    }

    static char deepKind(String s) {
        return s.charAt(6);
    }

    static int deepDepth(String s) {
        return Integer.parseInt(s.substring(8));
    }

    /** Compact JSON: strings escaped only where JSON requires it, plus lone surrogates. */
    public static String json(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    private static void write(JsonNode node, StringBuilder sb) {
        if (node.isObject()) {
            sb.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(e.getKey(), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(node.get(i), sb);
            }
            sb.append(']');
        } else if (node.isTextual() && isDeep(node.textValue())) {
            nested(deepKind(node.textValue()), deepDepth(node.textValue()), sb);
        } else if (node.isTextual()) {
            string(node.textValue(), sb);
        } else if (node.isNull()) {
            sb.append("null");
        } else {
            sb.append(node.asText());
        }
    }

    private static void nested(char kind, int depth, StringBuilder sb) {
        for (int i = 0; i < depth; i++) {
            sb.append(kind == 'a' || (kind == 'm' && i % 2 == 0) ? "[" : "{\"A\":");
        }
        sb.append('1');
        for (int i = depth - 1; i >= 0; i--) {
            sb.append(kind == 'a' || (kind == 'm' && i % 2 == 0) ? ']' : '}');
        }
    }

    static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || (Character.isSurrogate(c) && !pair && !isSecondOfPair(s, i))) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    private static boolean isSecondOfPair(String s, int i) {
        return Character.isLowSurrogate(s.charAt(i)) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** Bytes as text: printable ASCII as is, everything else as {@code \xNN}, so that nothing is ambiguous. */
    public static String printable(byte[] bytes) {
        int n = Math.min(bytes.length, 400_000);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        if (bytes.length > n) {
            sb.append("...");
        }
        return sb.toString();
    }

    /** Escapes what is not printable ASCII, folds long repetitions ({@code <.0>x5000}), then cuts the middle. */
    public static String shorten(String s, int max) {
        if (s == null) {
            return "null";
        }
        String text = s.length() > 400_000 ? s.substring(0, 200_000) + "..." + s.substring(s.length() - 200_000) : s;
        StringBuilder escaped = new StringBuilder(Math.min(text.length(), 1 << 20));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                escaped.append(c);
            } else {
                escaped.append(String.format("\\u%04x", (int) c));
            }
        }
        Matcher m = RUN.matcher(escaped);
        StringBuilder folded = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(folded, Matcher.quoteReplacement(
                    "<" + m.group(1) + ">x" + (m.group().length() / m.group(1).length())));
        }
        m.appendTail(folded);
        String out = folded.toString();
        if (out.length() <= max) {
            return out;
        }
        int head = max * 2 / 3;
        int tail = max - head;
        return out.substring(0, head) + " ...[" + (out.length() - max) + " chars cut]... "
                + out.substring(out.length() - tail);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
