package dev.localcvm.cvm;

import dev.localcvm.api.params.Checks;
import dev.localcvm.cvm.domain.InstanceTypeCatalog;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Filters of the instance-type catalogue actions: values OR-ed within a filter, filters AND-ed, a name
 * given twice narrows to what both allow. Zones must be the request region's; other values simply match nothing,
 * as DescribeInstances' filters do.
 */
final class CatalogFilters {
    static final int MAX_FILTERS = 10;

    record Filter(String name, List<String> values) {
    }

    /** How the action words its refusals: the names it knows, the code for a foreign zone, the values allowed. */
    record Rules(Set<String> names, ErrorCode unknownZone, int maxValues) {
    }

    private final Map<String, Set<String>> allowed = new HashMap<>();

    private CatalogFilters() {
    }

    static CatalogFilters of(List<Filter> filters, String region, Rules rules) {
        CatalogFilters q = new CatalogFilters();
        if (filters == null) {
            return q;
        }
        Checks.count("Filters", filters, MAX_FILTERS);
        Set<String> zones = new HashSet<>();
        RegionCatalog.region(region).orElseThrow().zones().forEach(z -> zones.add(z.zone()));
        for (int n = 0; n < filters.size(); n++) {
            Filter f = filters.get(n);
            String at = "Filters." + n;
            if (f.name() == null) {
                throw ApiException.missingParameter(at + ".Name");
            }
            if (!rules.names().contains(f.name())) {
                throw new ApiException(ErrorCode.INVALID_FILTER, "The filter `" + Checks.quote(f.name()) + "` in `"
                        + at + ".Name` is not supported; use " + String.join(", ", rules.names().stream().sorted().toList()) + ".");
            }
            if (f.values() == null) {
                throw ApiException.missingParameter(at + ".Values");
            }
            if (f.values().size() > rules.maxValues()) {
                throw new ApiException(ErrorCode.INVALID_FILTER_VALUE_LIMIT_EXCEEDED,
                        "`" + at + ".Values` may have at most " + rules.maxValues() + " values.");
            }
            for (int v = 0; v < f.values().size(); v++) {
                String value = f.values().get(v);
                if (value == null) {
                    throw ApiException.missingParameter(at + ".Values." + v);
                }
                if (f.name().equals("zone") && !zones.contains(value)) {
                    throw new ApiException(rules.unknownZone(), "The zone `" + Checks.quote(value) + "` in `" + at
                            + ".Values` is not a zone of " + region + ".");
                }
            }
            q.allowed.merge(f.name(), new HashSet<>(f.values()), (a, b) -> {
                a.retainAll(b);
                return a;
            });
        }
        return q;
    }

    /** Whether {@code value} passes the filter of this name (every value does when the filter is absent). */
    boolean allows(String name, String value) {
        Set<String> values = allowed.get(name);
        return values == null || values.contains(value);
    }

    /** Whether a type passes the family and type filters. */
    boolean allows(InstanceTypeCatalog.Type type) {
        return allows("instance-family", type.family().family()) && allows("instance-type", type.instanceType());
    }
}
