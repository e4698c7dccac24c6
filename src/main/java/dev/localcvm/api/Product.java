package dev.localcvm.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A product (service) served through the gateway: its version, regions and actions. */
public record Product(String service, String version, Set<String> regions, Map<String, Action<?>> actions) {

    public static Product of(String service, String version, Set<String> regions, List<Action<?>> actions) {
        Map<String, Action<?>> byName = new LinkedHashMap<>();
        for (Action<?> a : actions) {
            if (byName.put(a.name(), a) != null) {
                throw new IllegalArgumentException("duplicate action " + a.name());
            }
        }
        return new Product(service, version, Set.copyOf(regions), Map.copyOf(byName));
    }
}
