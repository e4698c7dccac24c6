package dev.localcvm.store;

import dev.localcvm.cvm.domain.Instance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Destroyed ids, remembered for the tombstone window, stored as runs of consecutive keys destroyed together: one
 * row per account, region, moment and run of at most {@link #MAX_RUN} keys.
 *
 * <p>Why runs: a RunInstances call takes consecutive keys ({@link InstanceKeys}), and the instances of one launch
 * are mostly destroyed together, so one row stands for up to 100 ids. With a row per id, sustained Run + Terminate
 * wrote about 700 tombstone pages a second; a key that only grows leaves each full page untouched until its
 * tombstones expire, and on the H2 file every chunk written in the window kept a few such pages live, so the file
 * held the whole window's writing (gigabytes; BENCHMARKS.md, "The file under sustained (d)").
 *
 * <p>Keys are never destroyed twice, so runs never overlap, and a key's run is the one with the greatest first key
 * not above it. Lookups read first keys in [lowest key - MAX_RUN + 1, highest key] through the primary key.
 */
final class Tombstones {
    /** The longest run one row holds: a lookup reads back this far below a key. */
    static final int MAX_RUN = 100;
    static final String IN_SPAN = "SELECT first_key, last_key, uin, region, destroyed_at FROM instance_tombstone_runs "
            + "WHERE first_key BETWEEN ? AND ?";
    static final String PURGE = "DELETE FROM instance_tombstone_runs WHERE destroyed_at < ?";
    private static final String INSERT = "INSERT INTO instance_tombstone_runs (first_key, last_key, uin, region, "
            + "destroyed_at) VALUES (:first, :last, :uin, :region, :at)";

    private final Database db;

    Tombstones(Database db) {
        this.db = db;
    }

    /** One stored row: keys first to last, destroyed at the same moment in one account and region. */
    record Run(long first, long last, String uin, String region, long destroyedAt) {
        boolean holds(long key) {
            return first <= key && key <= last;
        }
    }

    /** Records {@code destroyed} in the transaction of {@code h}. */
    static void write(Handle h, List<Instance> destroyed, Instant now) {
        PreparedBatch batch = h.prepareBatch(INSERT);
        for (Run r : runs(destroyed, now)) {
            batch.bind("first", r.first()).bind("last", r.last()).bind("uin", r.uin()).bind("region", r.region())
                    .bind("at", r.destroyedAt()).add();
        }
        batch.execute();
    }

    /** The rows that record {@code destroyed}: keys grouped by account, region and moment, split where they skip. */
    static List<Run> runs(List<Instance> destroyed, Instant now) {
        record Scope(String uin, String region, long at) {
        }
        Map<Scope, TreeSet<Long>> keys = destroyed.stream().collect(Collectors.groupingBy(
                i -> new Scope(i.uin(), i.region(), i.destroyedAt(now).toEpochMilli()),
                Collectors.mapping(InstanceRepository::key, Collectors.toCollection(TreeSet::new))));
        List<Run> runs = new ArrayList<>();
        keys.forEach((scope, sorted) -> {
            long first = -1;
            long last = -1;
            for (long k : sorted) {
                if (first >= 0 && (k != last + 1 || k - first >= MAX_RUN)) {
                    runs.add(new Run(first, last, scope.uin(), scope.region(), scope.at()));
                    first = -1;
                }
                if (first < 0) {
                    first = k;
                }
                last = k;
            }
            runs.add(new Run(first, last, scope.uin(), scope.region(), scope.at()));
        });
        runs.sort(Comparator.comparingLong(Run::first)); // one order for concurrent writers' index entries
        return runs;
    }

    /**
     * The ranges of first keys that can hold {@code keys}: each key reaches MAX_RUN - 1 below itself, and keys whose
     * reaches touch share one range, so that a launch's or a batch's keys take one read.
     */
    static List<long[]> spans(Collection<Long> keys) {
        List<long[]> spans = new ArrayList<>();
        for (long k : new TreeSet<>(keys)) {
            long from = Math.max(0, k - (MAX_RUN - 1));
            long[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && from <= last[1] + 1) {
                last[1] = k;
            } else {
                spans.add(new long[] {from, k});
            }
        }
        return spans;
    }

    /** Of {@code keys}, those whose run {@code matches}. */
    Set<Long> find(Collection<Long> keys, Predicate<Run> matches) {
        TreeMap<Long, Run> runs = new TreeMap<>();
        for (long[] span : spans(keys)) {
            db.query(IN_SPAN, s -> {
                s.setLong(1, span[0]);
                s.setLong(2, span[1]);
            }, rs -> new Run(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                    .forEach(r -> runs.put(r.first(), r));
        }
        Set<Long> found = new HashSet<>();
        for (long k : keys) {
            Map.Entry<Long, Run> e = runs.floorEntry(k);
            if (e != null && e.getValue().holds(k) && matches.test(e.getValue())) {
                found.add(k);
            }
        }
        return found;
    }

    /** Forgets runs destroyed before {@code before} (epoch milliseconds). */
    int purge(long before) {
        return db.jdbi().withHandle(h -> h.createUpdate(PURGE).bind(0, before).execute());
    }
}
