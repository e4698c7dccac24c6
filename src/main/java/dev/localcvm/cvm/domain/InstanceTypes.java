package dev.localcvm.cvm.domain;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CPU and memory from an instance type name such as {@code S5.MEDIUM4} (cvm-terminate.md §9). */
public final class InstanceTypes {
    public static final String DEFAULT = "S5.MEDIUM4";
    // Memory in GiB has at most five digits (the largest real types have four), so it always fits an int.
    private static final Pattern SHAPE = Pattern.compile("([A-Z][A-Z0-9]{0,15})\\.([0-9]{0,3}X?[A-Z]+)([1-9][0-9]{0,4})");
    private static final Map<String, Integer> CPUS = Map.ofEntries(Map.entry("SMALL", 1), Map.entry("MEDIUM", 2),
            Map.entry("LARGE", 4), Map.entry("2XLARGE", 8), Map.entry("3XLARGE", 12), Map.entry("4XLARGE", 16),
            Map.entry("6XLARGE", 24), Map.entry("8XLARGE", 32), Map.entry("12XLARGE", 48), Map.entry("16XLARGE", 64));

    public record Shape(String family, int cpu, int memory) {
    }

    private InstanceTypes() {
    }

    public static Optional<Shape> parse(String type) {
        Matcher m = SHAPE.matcher(type);
        if (!m.matches() || !CPUS.containsKey(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new Shape(m.group(1), CPUS.get(m.group(2)), Integer.parseInt(m.group(3))));
    }
}
