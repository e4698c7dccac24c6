package dev.localcvm.testing.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localcvm.testing.fuzz.Wire.Mode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds one fuzz case: a seed of the action, mutated as a tree, encoded for the mode, and sometimes
 * broken further in its encoding (JSON text, form pairs) or its common parameters.
 */
public final class Cases {
    private final int port;
    private final World world;

    public Cases(int port, World world) {
        this.port = port;
        this.world = world;
    }

    /** A request in one of the four API modes; {@code mutations} 0 sends the seed as it is. */
    public Wire api(SplittableRandom random, Mode mode, String action, World.Scope scope, int mutations) {
        List<String> notes = new ArrayList<>();
        ObjectNode tree = Seeds.pick(action, new Seeds.Context(scope.region(), scope.zone(), world.ids(scope), world.diskIds(scope),
                    world.addressIds(scope), world.vpcId(scope), random));
        notes.add("seed " + Text.json(tree));
        new Mutator(random, world.foreignIds(scope), notes).mutate(tree, mutations);
        String region = scope.region();
        String actionName = action;
        if (mutations > 0 && random.nextInt(20) == 0) {
            region = pick(random, List.of("", "AP-GUANGZHOU", "ap-nowhere", "ap-guangzhou-3", "x".repeat(3000),
                    "\u00e9", "ap-guangzhou ", header(mode) ? "\u4e2d" : "ap-guangzhou\u0000"));
            notes.add("Region " + Text.shorten(region, 40));
        } else if (mutations > 0 && random.nextInt(30) == 0) {
            actionName = pick(random, List.of(action.toLowerCase(), action + "X", "", " " + action,
                    header(mode) ? action + "\u00e9" : action + "\u0000"));
            notes.add("Action " + Text.shorten(actionName, 60));
        }
        boolean breakEncoding = mutations > 0 && random.nextInt(5) == 0;
        String notesText = String.join("; ", notes);
        long now = world.now();
        if (mode == Mode.TC3_POST) {
            byte[] body = Text.utf8(Text.json(tree));
            if (breakEncoding) {
                body = breakJson(random, tree, body, notes);
                notesText = String.join("; ", notes);
            }
            return Wire.tc3Post(port, scope.key(), now, actionName, region, body, notesText);
        }
        List<String> pairs = new ArrayList<>();
        for (Form.Pair p : Form.flatten(tree)) {
            pairs.add(p.encoded());
        }
        if (breakEncoding) {
            breakForm(random, pairs, notes);
            notesText = String.join("; ", notes);
        }
        if (mode == Mode.TC3_GET) {
            return Wire.tc3Get(port, scope.key(), now, actionName, region, String.join("&", pairs), notesText);
        }
        String method = random.nextInt(3) == 0 ? null : random.nextBoolean() ? "HmacSHA256" : "HmacSHA1";
        return Wire.v1(port, scope.key(), now, mode == Mode.V1_POST, actionName, region, method, pairs, notesText);
    }

    private static boolean header(Mode mode) {
        // TC3 carries Action and Region in headers, where control characters would break HTTP itself.
        return mode == Mode.TC3_POST || mode == Mode.TC3_GET;
    }

    /** JSON that is not what the tree says: duplicate keys, truncation, stray bytes, invalid UTF-8, other roots. */
    private static byte[] breakJson(SplittableRandom random, ObjectNode tree, byte[] body, List<String> notes) {
        String text = new String(body, StandardCharsets.UTF_8);
        List<String> fields = Mutator.topFields(tree);
        int kind = random.nextInt(12);
        String out;
        switch (kind) {
            case 0, 1 -> {
                String name = fields.isEmpty() ? "Limit" : pick(random, fields);
                String dup = pick(random, List.of("1", "\"x\"", "[]", "null", "{\"A\":1}", "\"\\ud800\""));
                out = "{" + Text.json(tree.textNode(name)) + ":" + dup + (text.length() > 2 ? "," : "") + text.substring(1);
                notes.add("duplicate key " + name + " = " + dup);
            }
            case 2 -> {
                int cut = random.nextInt(Math.max(1, text.length()));
                out = text.substring(0, cut);
                notes.add("truncated at " + cut);
            }
            case 3 -> {
                out = text + pick(random, List.of("{}", " x", ",", "]", "\u0000", "/* */"));
                notes.add("trailing text");
            }
            case 4 -> {
                out = pick(random, List.of("", "[]", "null", "\"x\"", "1", "true", "{", "}", "{\"A\":}", "{'A':1}",
                        "{A:1}", "{\"Limit\":NaN}", "{\"Limit\":007}", "{\"Limit\":1e999999999}", "{\"Limit\":-}",
                        "{\"Limit\":" + "9".repeat(5000) + "}", "{\"\\ud800\":1}", "{\"Limit\":\"\\u12\"}",
                        "{\"Limit\":\"\\x41\"}", "\ufeff{}", "{\"A\":1,}", "[" + "[".repeat(5000)));
                notes.add("body replaced");
            }
            case 5 -> {
                int at = random.nextInt(text.length() + 1);
                out = text.substring(0, at) + (char) random.nextInt(0x20, 0x7f) + text.substring(at);
                notes.add("stray character at " + at);
            }
            default -> {
                // Bytes that are not UTF-8 at all, where a string or a key starts.
                byte[] bad = pick(random, List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc0, (byte) 0x80},
                        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xe2, (byte) 0x82},
                        new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}));
                int quote = text.indexOf('"', random.nextInt(Math.max(1, text.length())));
                int at = quote < 0 ? text.length() : quote + 1;
                byte[] head = Text.utf8(text.substring(0, at));
                byte[] tail = Text.utf8(text.substring(at));
                byte[] all = new byte[head.length + bad.length + tail.length];
                System.arraycopy(head, 0, all, 0, head.length);
                System.arraycopy(bad, 0, all, head.length, bad.length);
                System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
                notes.add("invalid UTF-8 at byte " + head.length);
                return all;
            }
        }
        return Text.utf8(out);
    }

    /** Form pairs that cannot be un-flattened as they stand: repeats, bad escapes, odd keys, conflicts. */
    private static void breakForm(SplittableRandom random, List<String> pairs, List<String> notes) {
        String some = pairs.isEmpty() ? "Limit=1" : pick(random, pairs);
        String name = some.substring(0, Math.max(0, some.indexOf('=')));
        switch (random.nextInt(9)) {
            case 0, 1 -> {
                pairs.add(random.nextBoolean() ? some : name + "=other");
                notes.add("duplicate pair " + Text.shorten(some, 60));
            }
            case 2 -> {
                String bad = pick(random, List.of("%", "%G1", "%e", "%E0%A4", "%ED%A0%80", "%00", "%FF%FE", "%%",
                        "%C0%80", "%F4%90%80%80", "+%2"));
                pairs.add(random.nextBoolean() ? name + "=" + bad : bad + "=1");
                notes.add("escape " + bad);
            }
            case 3 -> {
                pairs.add(name + ".0=1");
                notes.add("scalar and prefix " + name);
            }
            case 4 -> {
                String key = pick(random, List.of("", ".", "..", "Filters..0", ".Limit", "Limit.", "InstanceIds.-1",
                        "InstanceIds.99999999999999999999", "InstanceIds.1.5", "InstanceIds.0x1", "Filters.0.",
                        "InstanceIds.007", "InstanceIds.9223372036854775807"));
                pairs.add(Form.encode(key) + "=ins-00000000");
                notes.add("key " + key);
            }
            case 5 -> {
                pairs.add(pick(random, List.of("", "=", "==", "&", "a", "=x", "Limit")));
                notes.add("empty or bare pair");
            }
            case 6 -> {
                int depth = pick(random, List.of(1000, 3000, 20_000, 100_000));
                pairs.add(name + ".0".repeat(depth) + "=1");
                notes.add("key " + name + " with " + depth + " more segments");
            }
            default -> {
                int gap = pick(random, List.of(1, 5, 100, 1_000_000_000));
                pairs.add("InstanceIds." + gap + "=ins-00000000");
                notes.add("index gap " + gap);
            }
        }
        if (random.nextInt(4) == 0) {
            java.util.Collections.shuffle(pairs, new java.util.Random(random.nextLong()));
            notes.add("pairs shuffled");
        }
    }

    private static <T> T pick(SplittableRandom random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
