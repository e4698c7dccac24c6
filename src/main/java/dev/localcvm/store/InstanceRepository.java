package dev.localcvm.store;

import dev.localcvm.cvm.domain.Instance;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Instances in the database: a few indexed columns plus the whole instance as JSON, keyed by the number of the
 * id ({@link InstanceKeys}). Every write is a compare-and-set on {@code version}; a commit applies all of its
 * changes in one transaction or none.
 */
public final class InstanceRepository {
    /** What every read of whole instances selects; {@link #read} takes instance_id, version, document and doc_rev by position. */
    private static final String COLUMNS = "instance_id, uin, region, zone, state, charge_type, instance_name, "
            + "created_at, due_at, version, document, doc_rev";
    private final Database db;
    private final Jdbi jdbi;
    private final InstanceDocuments documents = new InstanceDocuments();
    private final List<InstanceFollower> followers = new CopyOnWriteArrayList<>();
    private final DueHints dueHints;
    private final Tombstones tombstones;
    // Built once: the lower bound matters (NULLs, nothing due, sort first in the index, and an open range would
    // walk all of them), and H2 looks a statement up by its text, which a string built per call hashes again.
    private final String dueAnywhere;
    private final String dueInScope;
    private final String nextDue;

    public InstanceRepository(Database db) {
        this.db = db;
        this.jdbi = db.jdbi();
        this.dueHints = new DueHints(db.config().soleWriter());
        this.tombstones = new Tombstones(db);
        String due = "SELECT " + COLUMNS + db.from("instances", "instances_due") + " WHERE due_at BETWEEN 0 AND ?";
        this.dueAnywhere = due + " ORDER BY due_at LIMIT ?";
        this.dueInScope = due + " AND uin = ? AND region = ? ORDER BY due_at LIMIT ?";
        this.nextDue = "SELECT due_at" + db.from("instances", "instances_due")
                + " WHERE due_at BETWEEN ? AND ? AND uin = ? AND region = ? ORDER BY due_at LIMIT 1";
    }

    /** {@link Database#onOneConnection}: the statements of one read request on one connection. */
    public <T> T onOneConnection(java.util.function.Supplier<T> work) {
        return db.onOneConnection(work);
    }

    /** Another product's rows that are launched and destroyed with instances, in the same transactions. */
    public void follow(InstanceFollower follower) {
        followers.add(follower);
    }

    /** Writes of another product that must commit with (or fail with) a change of instances. */
    public interface Alongside {
        void apply(Handle h);
    }

    /** Thrown when a row changed since it was read: another request won the race. */
    public static final class ConflictException extends RuntimeException {
        public ConflictException(String instanceId) {
            super("instance " + instanceId + " changed concurrently", null, false, false);
        }
    }

    /**
     * One atomic change set. Updated and destroyed instances carry the version they were read with.
     *
     * @param prepaidReturnsUin the account whose return counter grows by {@code prepaidReturns}, or null
     */
    public record Changes(List<Instance> inserts, List<Instance> updates, List<Instance> destroyed, Instant now,
                          String prepaidReturnsUin, int prepaidReturns, ClientToken clientToken, boolean settleOnly) {
        public Changes(List<Instance> inserts, List<Instance> updates, List<Instance> destroyed, Instant now,
                       String prepaidReturnsUin, int prepaidReturns, ClientToken clientToken) {
            this(inserts, updates, destroyed, now, prepaidReturnsUin, prepaidReturns, clientToken, false);
        }

        public static Changes of(List<Instance> updates, List<Instance> destroyed, Instant now) {
            return new Changes(List.of(), updates, destroyed, now, null, 0, null, false);
        }

        /**
         * Recording timers that fell due. Such updates keep the row's version: a request that read the
         * row before computed the same settled state, so its compare-and-set must still succeed.
         */
        public static Changes settled(List<Instance> updates, List<Instance> destroyed, Instant now) {
            return new Changes(List.of(), updates, destroyed, now, null, 0, null, true);
        }

        public boolean isEmpty() {
            return inserts.isEmpty() && updates.isEmpty() && destroyed.isEmpty() && prepaidReturns == 0
                    && clientToken == null;
        }
    }

    /**
     * A RunInstances ClientToken and the ids it created, saved with the instances.
     *
     * @param expiredBefore a row of this token created before this instant is expired and replaced; a newer
     *                      one (a concurrent request with the same token won) makes the commit fail
     */
    public record ClientToken(String uin, String region, String token, List<String> instanceIds, Instant expiredBefore) {
    }

    /** The ids a ClientToken created at or after {@code since}, if it was used. */
    public Optional<List<String>> findClientToken(String uin, String region, String token, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT instance_ids FROM client_tokens WHERE uin = :uin "
                        + "AND region = :region AND token = :token AND created_at >= :since")
                .bind("uin", uin).bind("region", region).bind("token", token).bind("since", since.toEpochMilli())
                .mapTo(String.class).findOne().map(s -> List.of(s.split(","))));
    }

    public List<Instance> findByIds(String uin, String region, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> keys = InstanceKeys.keysOf(ids);
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM instances WHERE uin = :uin AND region = :region AND id_key IN (<keys>)")
                .bind("uin", uin).bind("region", region).bindList("keys", keys)
                .map((rs, ctx) -> read(rs)).list());
    }

    /** An instance by id in any account, for the admin API. */
    public Optional<Instance> findById(String id) {
        var key = InstanceKeys.key(id);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM instances WHERE id_key = :key")
                .bind("key", key.getAsLong()).map((rs, ctx) -> read(rs)).findOne());
    }

    /** Of {@code ids}, those destroyed at or after {@code since} in this account and region. */
    public Set<String> findTombstones(String uin, String region, Collection<String> ids, Instant since) {
        List<Long> keys = InstanceKeys.keysOf(ids);
        if (keys.isEmpty()) {
            return Set.of();
        }
        long from = since.toEpochMilli();
        return ids(tombstones.find(keys, run -> run.uin().equals(uin) && run.region().equals(region)
                && run.destroyedAt() >= from));
    }

    /**
     * Of {@code ids}, those in use in any account: live, or remembered as destroyed. Ids are never reused, so
     * RunInstances draws new ones until none is taken.
     */
    public Set<String> takenIds(List<String> ids) {
        List<Long> keys = InstanceKeys.keysOf(ids);
        if (keys.isEmpty()) {
            return Set.of();
        }
        // Live ones first: an id destroyed after this read was live during it, and one destroyed before has its
        // tombstone committed by then.
        String marks = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        Set<Long> taken = new HashSet<>(db.query("SELECT id_key FROM instances WHERE id_key IN (" + marks + ")", s -> {
            for (int k = 0; k < keys.size(); k++) {
                s.setLong(1 + k, keys.get(k));
            }
        }, rs -> rs.getLong(1)));
        taken.addAll(tombstones.find(keys, run -> true));
        return ids(taken);
    }

    private static Set<String> ids(Set<Long> keys) {
        Set<String> ids = new HashSet<>();
        keys.forEach(k -> ids.add(InstanceKeys.id(k)));
        return ids;
    }

    public long countLive(String uin, String region) {
        return countInZones(uin, region, null);
    }

    /** Live instances of the account and region in the given zones (all zones when null). */
    public long countInZones(String uin, String region, List<String> zones) {
        String in = zones == null ? "" : " AND zone IN (" + String.join(", ", java.util.Collections.nCopies(zones.size(), "?")) + ")";
        return db.query("SELECT COALESCE(SUM(n), 0) FROM instance_counts WHERE uin = ? AND region = ?" + in, s -> {
            s.setString(1, uin);
            s.setString(2, region);
            for (int k = 0; zones != null && k < zones.size(); k++) {
                s.setString(3 + k, zones.get(k));
            }
        }, rs -> rs.getLong(1)).get(0);
    }

    /**
     * Instances with a timer due at {@code now}, in one account and region or (both null) anywhere.
     *
     * @param learn on finding none in a scope, also ask when its next timer is, so that reads until then need not
     *              check (see {@link DueHints}); a read asks, a write (whose commit ends the hint) does not
     */
    public List<Instance> findDue(String uin, String region, Instant now, int limit, boolean learn) {
        long millis = now.toEpochMilli();
        if (uin != null && dueHints.nothingDue(uin, region, millis)) {
            return List.of();
        }
        long token = dueHints.beforeCheck();
        List<Instance> due = db.query(uin == null ? dueAnywhere : dueInScope, s -> {
            int k = 1;
            s.setLong(k++, millis);
            if (uin != null) {
                s.setString(k++, uin);
                s.setString(k++, region);
            }
            s.setInt(k, limit);
        }, this::read);
        if (due.isEmpty() && uin != null && learn) {
            dueHints.learn(uin, region, token, millis, (from, to) -> db.query(nextDue, s -> {
                s.setLong(1, from);
                s.setLong(2, to);
                s.setString(3, uin);
                s.setString(4, region);
            }, rs -> rs.getLong(1)).stream().findFirst().orElse(null));
        }
        return due;
    }

    /** A filtered, ordered page: CreatedTime descending, then InstanceId ascending. */
    public record Page(long totalCount, List<Instance> instances) {
    }

    /**
     * @param where extra SQL conditions on the indexed columns (with named parameters in {@code params})
     * @param offset rows to skip; with {@code limit} < 0 every matching row is returned
     * @param oneZone every match is in one zone (an equality filter), so the zone index gives the order
     * @param knownTotal the number of matches when the caller knows it (from the per-zone counters)
     */
    public Page page(String uin, String region, String where, java.util.Map<String, Object> params, long offset, int limit,
                     boolean oneZone, Long knownTotal) {
        // Plain JDBC: through Jdbi, binding the values and mapping the rows were about half of a page's cost.
        java.util.Map<String, Object> values = new java.util.HashMap<>(params);
        values.put("uin", uin); // also named inside the tag filters' subqueries
        values.put("region", region);
        values.put("limit", limit);
        values.put("offset", offset);
        String base = " FROM instances WHERE uin = :uin AND region = :region" + (where.isEmpty() ? "" : " AND " + where);
        long total = knownTotal != null ? knownTotal : query(NamedSql.of("SELECT COUNT(*)" + base, values), rs -> rs.getLong(1)).get(0);
        if (limit < 0) {
            return new Page(total, query(NamedSql.of("SELECT " + COLUMNS + base + " ORDER BY created_at DESC, instance_id",
                    values), this::read));
        }
        // The page is read in the order of an index, so the database stops after offset + limit rows
        // instead of sorting every match. The leading columns are fixed by the filter: naming them changes
        // nothing in the order, but it lets H2 see that the index gives it.
        String order = oneZone ? "uin, region, zone, created_at DESC, instance_id" : "uin, region, created_at DESC, instance_id";
        return new Page(total, query(NamedSql.of("SELECT " + COLUMNS + base + " ORDER BY " + order
                + " LIMIT :limit OFFSET :offset", values), this::read));
    }

    private <T> List<T> query(NamedSql sql, Database.RowReader<T> reader) {
        return db.query(sql.sql, s -> sql.bind(s, 1), reader);
    }

    /**
     * Applies every change, or none: any row whose version moved rolls the whole set back. Rows are
     * written in one global order (by id), so that two commits over overlapping sets (two replicas, or a
     * request and a sweep) wait for each other instead of deadlocking; should the database still report
     * a deadlock or a serialization failure, the commit fails as a conflict.
     */
    public void commit(Changes changes) {
        if (!changes.isEmpty()) {
            commit(changes, h -> { });
        }
    }

    /** {@link #commit(Changes)} with another product's writes in the same transaction. */
    public void commit(Changes changes, Alongside alongside) {
        try {
            dueHints.writing(() -> db.betweenWrites(() -> jdbi.useTransaction(h -> {
                if (!changes.isEmpty()) {
                    apply(h, changes);
                }
                alongside.apply(h);
            })));
        } catch (RuntimeException e) {
            if (isTransactionConflict(e)) {
                List<Instance> touched = new ArrayList<>(changes.updates());
                touched.addAll(changes.destroyed());
                throw new ConflictException(touched.isEmpty() ? "(none)" : touched.get(0).id());
            }
            throw e;
        }
    }

    /** SQLSTATE 40001 (serialization failure) or 40P01 (deadlock detected) anywhere in the chain. */
    private static boolean isTransactionConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A failed JDBC batch reports the statement's own error as its "next exception".
            for (SQLException sql = t instanceof SQLException x ? x : null; sql != null; sql = sql.getNextException()) {
                if ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void apply(Handle h, Changes changes) {
        insert(h, changes.inserts());
        if (!changes.inserts().isEmpty()) {
            followers.forEach(f -> f.launched(h, changes.inserts(), changes.now()));
        }
        // Batched statements, each batch in id order: a request that changes 100 instances costs a few
        // round trips, and overlapping commits take their row locks in the same order.
        List<Instance> updates = new ArrayList<>(changes.updates());
        updates.sort(Comparator.comparing(Instance::id));
        List<Instance> destroyed = new ArrayList<>(changes.destroyed());
        destroyed.sort(Comparator.comparing(Instance::id));
        if (!updates.isEmpty()) {
            PreparedBatch batch = h.prepareBatch("UPDATE instances SET zone = :zone, state = :state, "
                    + "charge_type = :chargeType, instance_name = :name, due_at = :dueAt, version = version + :bump, "
                    + "document = :doc, doc_rev = :rev WHERE id_key = :key AND version = :version");
            for (Instance i : updates) {
                long rev = InstanceDocuments.newRevision();
                batch.bind("zone", i.spec().zone()).bind("state", i.state().name())
                        .bind("chargeType", i.chargeType().name()).bind("name", i.name())
                        .bind("dueAt", millis(i.dueAt())).bind("doc", documents.write(i, rev)).bind("rev", rev)
                        .bind("key", key(i)).bind("version", i.version()).bind("bump", changes.settleOnly() ? 0 : 1).add();
            }
            requireOneRowEach(batch.execute(), updates);
        }
        if (!destroyed.isEmpty()) {
            PreparedBatch delete = h.prepareBatch("DELETE FROM instances WHERE id_key = :key AND version = :version");
            destroyed.forEach(i -> delete.bind("key", key(i)).bind("version", i.version()).add());
            requireOneRowEach(delete.execute(), destroyed);
            destroyed.forEach(i -> documents.forget(i.id()));
            Tombstones.write(h, destroyed, changes.now());
            followers.forEach(f -> f.destroyed(h, destroyed, changes.now()));
        }
        InstanceCounts.adjust(h, changes);
        ClientToken token = changes.clientToken();
        if (token != null) {
            // Only an expired row of the token is replaced: a live one means a concurrent request with the
            // same token committed first, and the INSERT below then fails (the caller answers the winner's ids).
            h.createUpdate("DELETE FROM client_tokens WHERE uin = :uin AND region = :region AND token = :token "
                            + "AND created_at < :expired")
                    .bind("uin", token.uin()).bind("region", token.region()).bind("token", token.token())
                    .bind("expired", token.expiredBefore().toEpochMilli()).execute();
            h.createUpdate("INSERT INTO client_tokens (uin, region, token, instance_ids, created_at) "
                            + "VALUES (:uin, :region, :token, :ids, :at)")
                    .bind("uin", token.uin()).bind("region", token.region()).bind("token", token.token())
                    .bind("ids", String.join(",", token.instanceIds())).bind("at", changes.now().toEpochMilli())
                    .execute();
        }
        if (changes.prepaidReturns() > 0) {
            AttributeRepository.addReturns(h, changes.prepaidReturnsUin(), changes.prepaidReturns());
        }
    }

    /** A compare-and-set that matched no row: the instance changed since it was read. */
    private static void requireOneRowEach(int[] counts, List<Instance> rows) {
        for (int k = 0; k < counts.length; k++) {
            // Some drivers answer SUCCESS_NO_INFO (-2) for a batched statement; only 0 means no row matched.
            if (counts[k] == 0) {
                throw new ConflictException(rows.get(k).id());
            }
        }
    }

    private void insert(Handle h, List<Instance> instances) {
        if (instances.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO instances (id_key, " + COLUMNS + ") VALUES (:key, :id, :uin, "
                + ":region, :zone, :state, :chargeType, :name, :createdAt, :dueAt, 0, :doc, :rev)");
        for (Instance i : instances) {
            long rev = InstanceDocuments.newRevision();
            batch.bind("key", key(i)).bind("id", i.id()).bind("uin", i.uin()).bind("region", i.region()).bind("zone", i.spec().zone())
                    .bind("state", i.state().name()).bind("chargeType", i.chargeType().name()).bind("name", i.name())
                    .bind("createdAt", i.createdTime().toEpochMilli()).bind("dueAt", millis(i.dueAt()))
                    .bind("doc", documents.write(i, rev)).bind("rev", rev).add();
        }
        batch.execute();
    }

    /** Forgets tombstones older than {@code before}. */
    public int purgeTombstones(Instant before) {
        return tombstones.purge(before.toEpochMilli());
    }

    /** The instance as it is stored, for the admin API's internal view. */
    public java.util.Map<String, Object> document(Instance i) {
        return documents.asMap(i);
    }

    /**
     * A row selected as {@link #COLUMNS}, its columns read by position: by name, the driver looks each one up
     * (upper-casing the name), four lookups per row and 400 per page of instances. The document is read only when
     * the memo does not hold its revision.
     */
    private Instance read(ResultSet rs) throws SQLException {
        return documents.read(rs.getString(1), rs.getLong(12), rs.getLong(10), () -> rs.getBytes(11));
    }

    static long key(Instance i) {
        return InstanceKeys.key(i.id()).orElseThrow(() -> new IllegalArgumentException("malformed instance id " + i.id()));
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}
