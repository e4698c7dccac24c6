package dev.localcvm.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of a seed's parameter tree, whatever the encoding: fields dropped, renamed, retyped, given
 * hostile strings and numbers, nested deep, grown, or given ids of another account. Each mutation is
 * noted in words so that a failure says what was done to the seed.
 */
public final class Mutator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SplittableRandom random;
    private final List<String> foreignIds;
    private final List<String> notes;

    /** @param foreignIds instances of another account or region, which the caller must not reach */
    public Mutator(SplittableRandom random, List<String> foreignIds, List<String> notes) {
        this.random = random;
        this.foreignIds = foreignIds;
        this.notes = notes;
    }

    /** A position in the tree: a field of an object or an element of an array. */
    private record Slot(JsonNode container, String field, int index, String path) {
        JsonNode get() {
            return field != null ? container.get(field) : container.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) container).set(field, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) container).remove(field);
            } else {
                ((ArrayNode) container).remove(index);
            }
        }
    }

    /** Applies {@code count} random mutations to {@code root} in place. */
    public void mutate(ObjectNode root, int count) {
        for (int i = 0; i < count; i++) {
            mutateOnce(root);
        }
    }

    private void mutateOnce(ObjectNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, "", slots);
        int op = random.nextInt(100);
        if (slots.isEmpty() || op < 8) {
            addUnknown(root, slots);
            return;
        }
        List<Slot> strings = slots.stream().filter(x -> x.get() != null && x.get().isTextual()).toList();
        // Hostile text does most harm where a string belongs: there it passes the binder and reaches the action.
        Slot slot = !strings.isEmpty() && op >= 42 && op < 74 && random.nextInt(4) != 0
                ? strings.get(random.nextInt(strings.size())) : slots.get(random.nextInt(slots.size()));
        if (op < 20) {
            slot.remove();
            notes.add("drop " + slot.path());
        } else if (op < 27 && slot.field() != null) {
            String name = pick(renames(slot.field()));
            ObjectNode parent = (ObjectNode) slot.container();
            JsonNode value = parent.remove(slot.field());
            parent.set(name, value);
            notes.add("rename " + slot.path() + " -> " + Text.shorten(name, 80));
        } else if (op < 42) {
            JsonNode value = retype(slot.get());
            slot.set(value);
            notes.add("retype " + slot.path() + " -> " + Text.shorten(Text.json(value), 80));
        } else if (op < 64) {
            String s = Hostile.string(random, foreignIds);
            slot.set(NODES.textNode(s));
            notes.add("string " + slot.path() + " = " + Text.shorten(Text.json(NODES.textNode(s)), 100));
        } else if (op < 74) {
            String s = Hostile.withHugeNumber(random, slot.get() != null && slot.get().isValueNode()
                    && !Text.isDeep(slot.get().asText()) ? slot.get().asText() : "");
            slot.set(NODES.textNode(s));
            notes.add("string " + slot.path() + " = " + Text.shorten(Text.json(NODES.textNode(s)), 100));
        } else if (op < 82) {
            JsonNode n = number();
            slot.set(n);
            notes.add("number " + slot.path() + " = " + n.asText());
        } else if (op < 86) {
            JsonNode e = pick(List.of(NODES.textNode(""), NODES.arrayNode(), NODES.objectNode(), NODES.nullNode()));
            slot.set(e);
            notes.add("empty " + slot.path() + " = " + e);
        } else if (op < 91) {
            String deep = Hostile.deep(random);
            slot.set(NODES.textNode(deep));
            notes.add("nest " + slot.path() + " " + deep.substring(1));
        } else if (op < 96) {
            grow(slot);
        } else if (!foreignIds.isEmpty()) {
            String id = pick(foreignIds);
            slot.set(slot.get() != null && slot.get().isArray() ? NODES.arrayNode().add(id) : NODES.textNode(id));
            notes.add("foreign id " + slot.path() + " = " + id);
        }
    }

    private void collect(JsonNode node, String path, List<Slot> out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String p = path.isEmpty() ? name : path + "." + name;
                out.add(new Slot(node, name, -1, p));
                collect(node.get(name), p, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i, path + "." + i));
                collect(node.get(i), path + "." + i, out);
            }
        }
    }

    private void addUnknown(ObjectNode root, List<Slot> slots) {
        ObjectNode target = root;
        List<ObjectNode> objects = new ArrayList<>();
        for (Slot s : slots) {
            if (s.get() != null && s.get().isObject()) {
                objects.add((ObjectNode) s.get());
            }
        }
        if (!objects.isEmpty() && random.nextBoolean()) {
            target = pick(objects);
        }
        String name = pick(List.of("DryRun", "Unknown", "instanceIds", "Limit ", "Region", "Action", "Version",
                "Signature", "Offset", "Filters", "X-TC-Action", "\u0000", "\ud800", "\uD83D\uDE00", "a.b", "",
                "Name.0", "Values", "__proto__", "constructor", "Zone", "InstanceIds.0"));
        JsonNode value = pick(List.of(NODES.textNode("x"), NODES.numberNode(1), NODES.booleanNode(true),
                NODES.arrayNode().add("ins-00000000"), NODES.objectNode().put("Zone", "ap-guangzhou-3")));
        target.set(name, value);
        notes.add("unknown field " + Text.shorten(Text.json(NODES.textNode(name)), 40) + " = " + Text.json(value));
    }

    private List<String> renames(String name) {
        return List.of(name.toLowerCase(), name.toUpperCase(), name + "s", name + "\u0000", name + "\ud800",
                "", " " + name, name + ".0", name + ".", "." + name, name.replace('I', '\u0130'),
                name + "\uD83D\uDE00", name.repeat(500), "a".repeat(10_000));
    }

    private JsonNode retype(JsonNode old) {
        JsonNode base = old == null ? NODES.textNode("x") : old;
        return pick(List.of(
                NODES.textNode(base.isValueNode() ? base.asText() : Text.json(base)),
                NODES.numberNode(random.nextInt(-3, 1000)),
                NODES.numberNode(1.5),
                NODES.booleanNode(random.nextBoolean()),
                NODES.textNode(random.nextBoolean() ? "TRUE" : "False"),
                NODES.arrayNode().add(base.deepCopy()),
                NODES.objectNode().set("Value", base.deepCopy()),
                NODES.arrayNode().add(NODES.arrayNode().add(base.deepCopy())),
                NODES.nullNode()));
    }

    private JsonNode number() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.numberNode(new BigDecimal("1e400"));
            case 1 -> NODES.numberNode(BigInteger.TWO.pow(63));
            case 2 -> NODES.numberNode(new BigInteger("99999999999999999999"));
            case 3 -> NODES.numberNode(BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE));
            case 4 -> NODES.numberNode(-1);
            case 5 -> NODES.numberNode(0);
            case 6 -> NODES.numberNode(Long.MAX_VALUE);
            case 7 -> NODES.numberNode(Long.MIN_VALUE);
            case 8 -> NODES.numberNode(new BigDecimal("-1e-400"));
            case 9 -> NODES.numberNode(new BigInteger("1" + "0".repeat(random.nextInt(20, 1200))));
            case 10 -> NODES.numberNode(2_147_483_648L);
            default -> NODES.numberNode(random.nextInt(-1000, 100_000));
        };
    }

    private void grow(Slot slot) {
        JsonNode v = slot.get();
        int n = pick(List.of(2, 6, 21, 101, 1001));
        ArrayNode array = NODES.arrayNode();
        JsonNode element = v != null && v.isArray() && !v.isEmpty() ? v.get(0) : v == null ? NODES.textNode("x") : v;
        String text = Text.json(element);
        if (text.length() > 1000 || text.indexOf(Text.DEEP) >= 0) {
            // Copies of a 100 KB string or a deep placeholder would make bodies of hundreds of MB.
            n = Math.min(n, 3);
        }
        for (int i = 0; i < n; i++) {
            array.add(element.deepCopy());
        }
        slot.set(array);
        notes.add("grow " + slot.path() + " to " + n + " copies");
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** Names of every top-level field, for encoders that duplicate one. */
    static List<String> topFields(ObjectNode root) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
