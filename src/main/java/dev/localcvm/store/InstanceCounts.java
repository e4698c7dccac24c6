package dev.localcvm.store;

import dev.localcvm.cvm.domain.Instance;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The live-instance counters per account, region and zone (migration V5), moved in the same transaction that
 * creates or destroys the instances, so that quotas and TotalCount read a few rows instead of counting.
 */
final class InstanceCounts {
    private InstanceCounts() {
    }

    /** Moves the per-zone counters by what this change created and destroyed, in key order. */
    static void adjust(Handle h, InstanceRepository.Changes changes) {
        TreeMap<String, long[]> delta = new TreeMap<>();
        Map<String, String[]> keys = new HashMap<>();
        for (Instance i : changes.inserts()) {
            String k = i.uin() + '|' + i.region() + '|' + i.spec().zone();
            delta.computeIfAbsent(k, x -> new long[1])[0]++;
            keys.put(k, new String[] {i.uin(), i.region(), i.spec().zone()});
        }
        for (Instance i : changes.destroyed()) {
            String k = i.uin() + '|' + i.region() + '|' + i.spec().zone();
            delta.computeIfAbsent(k, x -> new long[1])[0]--;
            keys.put(k, new String[] {i.uin(), i.region(), i.spec().zone()});
        }
        for (var e : delta.entrySet()) {
            if (e.getValue()[0] == 0) {
                continue;
            }
            String[] key = keys.get(e.getKey());
            // The zone's row exists but for the first instance ever launched there: try the update alone.
            if (updateCount(h, key, e.getValue()[0]) == 0) {
                h.createUpdate("INSERT INTO instance_counts (uin, region, zone, n) VALUES (:uin, :region, :zone, 0) "
                                + "ON CONFLICT DO NOTHING")
                        .bind("uin", key[0]).bind("region", key[1]).bind("zone", key[2]).execute();
                updateCount(h, key, e.getValue()[0]);
            }
        }
    }

    private static int updateCount(Handle h, String[] key, long delta) {
        return h.createUpdate("UPDATE instance_counts SET n = n + :d WHERE uin = :uin AND region = :region AND zone = :zone")
                .bind("d", delta).bind("uin", key[0]).bind("region", key[1]).bind("zone", key[2]).execute();
    }
}
