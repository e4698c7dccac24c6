package dev.localcvm.cvm;

import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.store.InstanceKeys;
import dev.localcvm.store.TagRepository;
import dev.localcvm.tag.ResourceName;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * DescribeInstances' filters (cvm-terminate.md §8): values OR-ed within a filter, filters AND-ed.
 * Filters on indexed columns become SQL; the others are predicates over the documents.
 */
final class InstanceQuery {
    static final int MAX_FILTERS = 10;
    static final int MAX_VALUES = 5;
    private static final DateTimeFormatter CREATION = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Set<String> NAMES = Set.of("zone", "project-id", "host-id", "dedicated-cluster-id", "vpc-id",
            "subnet-id", "instance-id", "uuid", "security-group-id", "instance-name", "instance-charge-type",
            "instance-state", "private-ip-address", "public-ip-address", "ipv6-address", "tag-key", "tag-value",
            "creation-start-time", "creation-end-time");

    record Filter(String name, List<String> values) {
    }

    final StringBuilder where = new StringBuilder();
    final Map<String, Object> params = new HashMap<>();
    final List<Predicate<Instance>> predicates = new ArrayList<>();
    /** The one zone every match is in, when the zone filter names exactly one (and no other zone filter). */
    String singleZone;
    /** The zone filter's values, when it is the only condition SQL needs (null: all zones or not so). */
    List<String> zones;
    private int zoneFilters;
    private int sqlFilters;

    static InstanceQuery of(List<Filter> filters, String region) {
        InstanceQuery q = new InstanceQuery();
        if (filters == null) {
            return q;
        }
        if (filters.size() > MAX_FILTERS) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_LIMIT_EXCEEDED,
                    "At most " + MAX_FILTERS + " `Filters` are allowed.");
        }
        for (int n = 0; n < filters.size(); n++) {
            Filter f = filters.get(n);
            if (f.name() == null) {
                throw ApiException.missingParameter("Filters." + n + ".Name");
            }
            if (!NAMES.contains(f.name()) && !f.name().startsWith("tag:")) {
                throw ApiException.of(ErrorCode.INVALID_FILTER, f.name());
            }
            if (f.values() == null) {
                throw ApiException.missingParameter("Filters." + n + ".Values");
            }
            if (f.values().size() > MAX_VALUES) {
                throw new ApiException(ErrorCode.INVALID_FILTER_VALUE_LIMIT_EXCEEDED,
                        "The filter `" + f.name() + "` may have at most " + MAX_VALUES + " values.");
            }
            q.add(f, n, region);
        }
        return q;
    }

    private void add(Filter f, int n, String region) {
        List<String> v = f.values();
        switch (f.name()) {
            case "zone" -> {
                for (String zone : v) {
                    if (RegionCatalog.region(region).orElseThrow().zones().stream().noneMatch(z -> z.zone().equals(zone))) {
                        throw ApiException.of(ErrorCode.INVALID_ZONE_MISMATCH_REGION, zone);
                    }
                }
                sqlIn("zone", v, n);
                zones = v;
                zoneFilters++;
                singleZone = zoneFilters == 1 && v.size() == 1 ? v.get(0) : null;
            }
            case "instance-id" -> {
                // By the store's key, which is indexed; an id without one (malformed) matches no instance.
                List<Long> keys = InstanceKeys.keysOf(v);
                if (keys.isEmpty() && !v.isEmpty()) {
                    and("1 = 0");
                } else {
                    sqlIn("id_key", keys, n);
                }
            }
            case "instance-state" -> sqlIn("state", v, n);
            case "instance-charge-type" -> sqlIn("charge_type", v, n);
            case "instance-name" -> {
                List<String> ors = new ArrayList<>();
                for (int k = 0; k < v.size(); k++) {
                    String p = "f" + n + "_" + k;
                    ors.add("POSITION(:" + p + " IN instance_name) > 0");
                    params.put(p, v.get(k));
                }
                and("(" + String.join(" OR ", ors) + ")");
            }
            case "creation-start-time", "creation-end-time" -> {
                String p = "f" + n;
                long at = parseCreation(v.get(0));
                params.put(p, f.name().equals("creation-start-time") ? at : at + 999);
                and("created_at " + (f.name().equals("creation-start-time") ? ">=" : "<=") + " :" + p);
            }
            case "project-id" -> {
                List<Long> ids = new ArrayList<>();
                for (String s : v) {
                    try {
                        ids.add(Long.parseLong(s));
                    } catch (NumberFormatException e) {
                        throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE, "`project-id` must be an integer: " + s);
                    }
                }
                predicates.add(i -> ids.contains(i.spec().projectId()));
            }
            case "host-id", "dedicated-cluster-id" -> predicates.add(i -> false);
            case "vpc-id" -> predicates.add(i -> v.contains(i.spec().vpcId()));
            case "subnet-id" -> predicates.add(i -> v.contains(i.spec().subnetId()));
            case "uuid" -> predicates.add(i -> v.contains(i.spec().uuid()));
            case "security-group-id" -> predicates.add(i -> i.securityGroupIds().stream().anyMatch(v::contains));
            case "private-ip-address" -> predicates.add(i -> i.spec().privateIps().stream().anyMatch(v::contains));
            case "public-ip-address" -> predicates.add(i -> i.publicIps() != null && i.publicIps().stream().anyMatch(v::contains));
            case "ipv6-address" -> predicates.add(i -> false);
            // Tags are in the tag store, read where they are.
            case "tag-key" -> tagged("tag_key IN (<f" + n + ">)", v, n);
            case "tag-value" -> tagged("tag_value IN (<f" + n + ">)", v, n);
            default -> {
                params.put("f" + n + "_key", f.name().substring("tag:".length()));
                tagged("tag_key = :f" + n + "_key AND tag_value IN (<f" + n + ">)", v, n);
            }
        }
    }

    private void tagged(String tagCondition, List<String> values, int n) {
        if (values.isEmpty()) {
            and("1 = 0");
            return;
        }
        params.put("f" + n, values);
        and(TagRepository.hasTag(ResourceName.Kind.INSTANCE, "instance_id", tagCondition));
    }

    private void sqlIn(String column, List<?> values, int n) {
        String p = "f" + n;
        params.put(p, values);
        and(column + " IN (<" + p + ">)");
    }

    /** Whether TotalCount is just the number of live instances in {@link #zones} (or in all zones). */
    boolean countsByZoneOnly() {
        return predicates.isEmpty() && sqlFilters == zoneFilters && zoneFilters <= 1;
    }

    private void and(String condition) {
        sqlFilters++;
        if (where.length() > 0) {
            where.append(" AND ");
        }
        where.append(condition);
    }

    private static long parseCreation(String value) {
        try {
            return LocalDateTime.parse(value, CREATION).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_TIME_FORMAT,
                    "The time `" + value + "` must look like 2023-06-01 00:00:00.");
        }
    }

    boolean matches(Instance i) {
        return predicates.stream().allMatch(p -> p.test(i));
    }
}
