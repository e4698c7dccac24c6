package dev.localcvm.store;

import dev.localcvm.cbs.Disk;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.ResourcePlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import dev.localcvm.tag.ResourceName;
import dev.localcvm.tag.Tag;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The cbs product's data disks. They are born with their instance (RunInstances) and, when it ends, destroyed or
 * detached as its {@link ResourcePlan} says, in the instance's own transaction ({@link InstanceFollower}). Every
 * other change is a compare-and-set on {@code version}. System disks have no rows: they are part of their
 * instance, and cbs shows them from it.
 */
public final class DiskRepository implements InstanceFollower {
    private static final String COLUMNS = "disk_id, uin, region, zone, instance_id, disk_usage, disk_state, "
            + "charge_type, disk_type, disk_size, delete_with_instance, encrypt, throughput, disk_name, created_at, "
            + "deadline_at, pending_state, due_at, version";
    private final Database db;
    private final Jdbi jdbi;
    private final TagRepository tags;

    /** @param tags the tag store, whose tags of a disk go when its row does */
    public DiskRepository(Database db, TagRepository tags) {
        this.db = db;
        this.jdbi = db.jdbi();
        this.tags = tags;
    }

    /** The tags of each of these disks that has any, from the tag store. */
    public Map<String, List<Tag>> tagsOf(String uin, Collection<String> ids) {
        return tags.tagsOf(uin, ResourceName.Kind.DISK, ids);
    }

    /** Disks of an account and region, narrowed by ids and instances when given, oldest first. */
    public List<Disk> find(String uin, String region, Collection<String> diskIds, Collection<String> instanceIds) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM disks WHERE uin = :uin AND region = :region");
        if (diskIds != null) {
            sql.append(" AND disk_id IN (<ids>)");
        }
        if (instanceIds != null) {
            sql.append(" AND instance_id IN (<instances>)");
        }
        sql.append(" ORDER BY created_at, disk_id");
        if ((diskIds != null && diskIds.isEmpty()) || (instanceIds != null && instanceIds.isEmpty())) {
            return List.of();
        }
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("uin", uin).bind("region", region);
            if (diskIds != null) {
                q.bindList("ids", new ArrayList<>(diskIds));
            }
            if (instanceIds != null) {
                q.bindList("instances", new ArrayList<>(instanceIds));
            }
            return q.map((rs, ctx) -> read(rs)).list();
        });
    }

    /** Disk rows as they are after a change: each saved only if its version is still the one it was read with. */
    public InstanceRepository.Alongside save(List<Disk> updated, List<Disk> removed) {
        return h -> {
            List<Disk> updates = new ArrayList<>(updated);
            updates.sort(Comparator.comparing(Disk::diskId));
            if (!updates.isEmpty()) {
                PreparedBatch batch = h.prepareBatch("UPDATE disks SET instance_id = :instance, disk_state = :state, "
                        + "delete_with_instance = :deleteWith, pending_state = :pending, due_at = :due, "
                        + "version = version + 1 "
                        + "WHERE disk_id = :id AND version = :version");
                for (Disk d : updates) {
                    batch.bind("instance", d.instanceId()).bind("state", d.state().name())
                            .bind("deleteWith", d.deleteWithInstance())
                            .bind("pending", d.pendingState() == null ? null : d.pendingState().name())
                            .bind("due", millis(d.dueAt())).bind("id", d.diskId()).bind("version", d.version()).add();
                }
                requireOneRowEach(batch.execute(), updates);
            }
            if (!removed.isEmpty()) {
                PreparedBatch delete = h.prepareBatch("DELETE FROM disks WHERE disk_id = :id AND version = :version");
                removed.forEach(d -> delete.bind("id", d.diskId()).bind("version", d.version()).add());
                requireOneRowEach(delete.execute(), removed);
                removed.stream().map(Disk::uin).distinct().forEach(uin -> tags.forget(h, uin, ResourceName.Kind.DISK,
                        removed.stream().filter(d -> d.uin().equals(uin)).map(Disk::diskId).toList()));
            }
        };
    }

    /** Disk changes that involve no instance (TerminateDisks), in a transaction of their own. */
    public void commit(InstanceRepository.Alongside writes) {
        db.betweenWrites(() -> jdbi.useTransaction(writes::apply));
    }

    @Override
    public void launched(Handle h, List<Instance> instances, Instant now) {
        if (instances.stream().allMatch(i -> i.spec().dataDisks().isEmpty())) {
            return;
        }
        PreparedBatch insert = h.prepareBatch("INSERT INTO disks (" + COLUMNS + ") VALUES (:id, :uin, :region, :zone, "
                + ":instance, :usage, 'ATTACHED', :charge, :type, :size, :deleteWith, :encrypt, :throughput, :name, "
                + ":created, :deadline, NULL, NULL, 0)");
        for (Instance i : instances) {
            String charge = Disk.chargeTypeOf(i);
            i.spec().dataDisks().forEach(d -> add(insert, i, d, Disk.Usage.DATA_DISK, charge));
        }
        insert.execute();
    }

    private static void add(PreparedBatch insert, Instance i, Instance.Disk d, Disk.Usage usage, String charge) {
        // System disks have no row: they are part of their instance (ResourcePlan.systemDiskId).
        insert.bind("id", d.diskId()).bind("uin", i.uin()).bind("region", i.region()).bind("zone", i.spec().zone())
                .bind("instance", i.id()).bind("usage", usage.name()).bind("charge", charge)
                .bind("type", d.diskType()).bind("size", d.diskSize()).bind("deleteWith", d.deleteWithInstance())
                .bind("encrypt", d.encrypt()).bind("throughput", d.throughputPerformance())
                .bind("name", d.diskName() == null ? "" : d.diskName())
                .bind("created", i.createdTime().toEpochMilli()).bind("deadline", millis(i.spec().expiredTime())).add();
    }

    @Override
    public void destroyed(Handle h, List<Instance> instances, Instant now) {
        List<String> gone = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (Instance i : instances) {
            ResourcePlan plan = ResourcePlan.of(i);
            gone.addAll(plan.destroyedDisks());
            kept.addAll(plan.detachedDisks());
        }
        gone.sort(null);
        kept.sort(null);
        if (!gone.isEmpty()) {
            h.createUpdate("DELETE FROM disks WHERE disk_id IN (<ids>)").bindList("ids", gone).execute();
            instances.stream().map(Instance::uin).distinct().forEach(uin -> tags.forget(h, uin, ResourceName.Kind.DISK, gone));
        }
        if (!kept.isEmpty()) {
            h.createUpdate("UPDATE disks SET instance_id = NULL, disk_state = 'UNATTACHED', pending_state = NULL, "
                    + "due_at = NULL, version = version + 1 WHERE disk_id IN (<ids>)").bindList("ids", kept).execute();
        }
    }

    private static void requireOneRowEach(int[] counts, List<Disk> rows) {
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                throw new InstanceRepository.ConflictException(rows.get(k).diskId());
            }
        }
    }

    private static Disk read(ResultSet rs) throws SQLException {
        String pending = rs.getString("pending_state");
        return new Disk(rs.getString("disk_id"), rs.getString("uin"), rs.getString("region"), rs.getString("zone"),
                rs.getString("instance_id"), Disk.Usage.valueOf(rs.getString("disk_usage")),
                Disk.State.valueOf(rs.getString("disk_state")), rs.getString("charge_type"), rs.getString("disk_type"),
                rs.getLong("disk_size"), rs.getBoolean("delete_with_instance"), rs.getBoolean("encrypt"),
                nullableLong(rs, "throughput"), rs.getString("disk_name"), instant(rs, "created_at"),
                instant(rs, "deadline_at"), pending == null ? null : Disk.State.valueOf(pending), instant(rs, "due_at"),
                rs.getLong("version"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}
