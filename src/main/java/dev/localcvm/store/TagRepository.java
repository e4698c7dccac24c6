package dev.localcvm.store;

import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.ResourcePlan;
import dev.localcvm.tag.ResourceName;
import dev.localcvm.tag.ResourceName.Kind;
import dev.localcvm.tag.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The one tag store (issue 14): every resource's tags, keyed by the parts of its six-segment name. Tags given
 * at creation are written in the transaction that creates the resource, and a resource's tags are deleted in the
 * transaction that destroys it; the tag product changes them in transactions of its own.
 */
public final class TagRepository implements InstanceFollower {
    private static final String COLUMNS = "uin, service, region, resource_prefix, resource_id, tag_key, tag_value, seq";
    private final Database db;
    private final Jdbi jdbi;

    public TagRepository(Database db) {
        this.db = db;
        this.jdbi = db.jdbi();
    }

    /** One stored tag and the resource it is on. */
    public record Row(ResourceName resource, Tag tag) {
    }

    /**
     * The SQL condition "the resource whose id is in {@code idColumn} has a tag meeting {@code tagCondition}" (SQL
     * over {@code tag_key} and {@code tag_value}), for a query over another table that binds {@code :uin}.
     */
    public static String hasTag(Kind kind, String idColumn, String tagCondition) {
        return idColumn + " IN (SELECT resource_id FROM resource_tags WHERE uin = :uin AND service = '" + kind.service
                + "' AND resource_prefix = '" + kind.prefix + "' AND " + tagCondition + ")";
    }

    /** Whether the account has any tag on a resource of this kind: one probe of the primary key's prefix. */
    private static final String ANY_TAG = "SELECT 1 FROM resource_tags WHERE uin = ? AND service = ? "
            + "AND resource_prefix = ? LIMIT 1";

    /** The tags of each of {@code ids} that has any, in the order they were given. */
    public Map<String, List<Tag>> tagsOf(String uin, Kind kind, Collection<String> ids) {
        Map<String, List<Tag>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        // Every DescribeInstances page asks for the tags of up to 100 instances, and most accounts tag nothing.
        // The probe (plain JDBC, one index seek) is much cheaper than the lookup by 100 ids, whose ids Jdbi binds
        // one by one; it reads the database each time, so a tag another replica just wrote is still seen.
        if (db.query(ANY_TAG, s -> {
            s.setString(1, uin);
            s.setString(2, kind.service);
            s.setString(3, kind.prefix);
        }, rs -> Boolean.TRUE).isEmpty()) {
            return out;
        }
        for (Row r : rows(uin, kind.service, kind.prefix, null, ids)) {
            out.computeIfAbsent(r.resource().id(), k -> new ArrayList<>()).add(r.tag());
        }
        return out;
    }

    /** The regions in which the account has tagged resources. */
    public List<String> regions(String uin) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT region FROM resource_tags WHERE uin = :uin "
                + "ORDER BY region").bind("uin", uin).mapTo(String.class).list());
    }

    /**
     * Every tag row of an account, narrowed by whichever of service, prefix, region and ids are not null,
     * ordered by resource and then as given.
     */
    public List<Row> rows(String uin, String service, String prefix, String region, Collection<String> ids) {
        if (ids != null && ids.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM resource_tags WHERE uin = :uin");
        if (service != null) {
            sql.append(" AND service = :service");
        }
        if (prefix != null) {
            sql.append(" AND resource_prefix = :prefix");
        }
        if (region != null) {
            sql.append(" AND region = :region");
        }
        if (ids != null) {
            sql.append(" AND resource_id IN (<ids>)");
        }
        sql.append(" ORDER BY service, resource_prefix, resource_id, seq");
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("uin", uin);
            if (service != null) {
                q.bind("service", service);
            }
            if (prefix != null) {
                q.bind("prefix", prefix);
            }
            if (region != null) {
                q.bind("region", region);
            }
            if (ids != null) {
                q.bindList("ids", new ArrayList<>(ids));
            }
            return q.map((rs, ctx) -> new Row(new ResourceName(rs.getString("service"), rs.getString("region"),
                    rs.getString("uin"), rs.getString("resource_prefix"), rs.getString("resource_id")),
                    new Tag(rs.getString("tag_key"), rs.getString("tag_value")))).list();
        });
    }

    /** Tags of resources being created, to be written in the transaction that creates them. */
    public InstanceRepository.Alongside created(String uin, String region, Kind kind, Map<String, List<Tag>> tagsById) {
        return h -> insert(h, tagsById.entrySet().stream()
                .map(e -> Map.entry(kind.name(region, uin, e.getKey()), e.getValue())).toList());
    }

    /** Deletes every tag of these resources, in the transaction that destroys them. */
    public void forget(Handle h, String uin, Kind kind, Collection<String> ids) {
        if (!ids.isEmpty()) {
            h.createUpdate("DELETE FROM resource_tags WHERE uin = :uin AND service = :service "
                            + "AND resource_prefix = :prefix AND resource_id IN (<ids>)")
                    .bind("uin", uin).bind("service", kind.service).bind("prefix", kind.prefix)
                    .bindList("ids", new ArrayList<>(ids)).execute();
        }
    }

    /**
     * Changes the tags of several resources at once: {@code change} maps each resource's tags to its new ones, and
     * {@code check} sees all the results before anything is written (and throws to refuse them all). Changes of
     * one account are serialised on its row, so that two concurrent requests cannot both pass a limit.
     *
     * <p>The resources' own rows are locked first and {@code stillThere} then checks that they exist: a destruction
     * either commits before (and the change is refused) or waits for the change and takes its tags with it, so no
     * tag outlives its resource.
     */
    public void update(String uin, List<ResourceName> resources, Consumer<List<ResourceName>> stillThere,
                       UnaryOperator<List<Tag>> change, Consumer<Map<ResourceName, List<Tag>>> check) {
        db.betweenWrites(() -> jdbi.useTransaction(h -> {
            h.createQuery("SELECT uin FROM accounts WHERE uin = :uin FOR UPDATE").bind("uin", uin)
                    .mapTo(String.class).list();
            lockRows(h, resources);
            stillThere.accept(resources);
            Map<ResourceName, List<Tag>> after = new LinkedHashMap<>();
            for (ResourceName r : resources) {
                after.put(r, new ArrayList<>());
            }
            for (Kind kind : Kind.values()) {
                List<String> ids = idsOf(resources, kind);
                if (ids.isEmpty()) {
                    continue;
                }
                // The rows are read inside the lock, so the change applies to what is stored now.
                Map<String, List<Tag>> now = new LinkedHashMap<>();
                h.createQuery("SELECT resource_id, tag_key, tag_value FROM resource_tags WHERE uin = :uin "
                                + "AND service = :service AND resource_prefix = :prefix AND resource_id IN (<ids>) "
                                + "ORDER BY resource_id, seq")
                        .bind("uin", uin).bind("service", kind.service).bind("prefix", kind.prefix)
                        .bindList("ids", ids)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), new Tag(rs.getString(2), rs.getString(3))))
                        .forEach(e -> now.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
                resources.stream().filter(r -> r.kind().orElseThrow() == kind)
                        .forEach(r -> after.get(r).addAll(now.getOrDefault(r.id(), List.of())));
            }
            after.replaceAll((r, tags) -> List.copyOf(change.apply(List.copyOf(tags))));
            check.accept(after);
            for (Kind kind : Kind.values()) {
                forget(h, uin, kind, idsOf(resources, kind));
            }
            insert(h, new ArrayList<>(after.entrySet()));
        }));
    }

    /**
     * Locks the rows the resources live in, in the order every other commit takes them (instances, then disks,
     * then addresses): a system disk lives in its instance's row, a data disk in its own and its instance's.
     */
    private static void lockRows(Handle h, List<ResourceName> resources) {
        List<String> instances = new ArrayList<>(idsOf(resources, Kind.INSTANCE));
        idsOf(resources, Kind.DISK).forEach(d -> instances.add(ResourcePlan.instanceOfSystemDisk(d)));
        List<Long> keys = InstanceKeys.keysOf(instances).stream().sorted().toList();
        if (!keys.isEmpty()) {
            h.createQuery("SELECT id_key FROM instances WHERE id_key IN (<keys>) FOR UPDATE").bindList("keys", keys)
                    .mapTo(Long.class).list();
        }
        List<String> disks = idsOf(resources, Kind.DISK).stream().sorted().toList();
        if (!disks.isEmpty()) {
            h.createQuery("SELECT disk_id FROM disks WHERE disk_id IN (<ids>) FOR UPDATE").bindList("ids", disks)
                    .mapTo(String.class).list();
        }
        List<String> addresses = idsOf(resources, Kind.ADDRESS).stream().sorted().toList();
        if (!addresses.isEmpty()) {
            h.createQuery("SELECT address_id FROM addresses WHERE address_id IN (<ids>) FOR UPDATE")
                    .bindList("ids", addresses).mapTo(String.class).list();
        }
    }

    private static List<String> idsOf(List<ResourceName> resources, Kind kind) {
        return resources.stream().filter(r -> r.kind().orElseThrow() == kind).map(ResourceName::id).toList();
    }

    private static void insert(Handle h, List<Map.Entry<ResourceName, List<Tag>>> tagsByResource) {
        if (tagsByResource.stream().allMatch(e -> e.getValue().isEmpty())) {
            return;
        }
        List<Map.Entry<ResourceName, List<Tag>>> ordered = new ArrayList<>(tagsByResource);
        ordered.sort(Comparator.comparing(e -> e.getKey().id()));
        PreparedBatch batch = h.prepareBatch("INSERT INTO resource_tags (" + COLUMNS + ") VALUES (:uin, :service, "
                + ":region, :prefix, :id, :key, :value, :seq)");
        for (Map.Entry<ResourceName, List<Tag>> e : ordered) {
            ResourceName r = e.getKey();
            int seq = 0;
            for (Tag t : e.getValue()) {
                batch.bind("uin", r.uin()).bind("service", r.service()).bind("region", r.region())
                        .bind("prefix", r.prefix()).bind("id", r.id()).bind("key", t.key()).bind("value", t.value())
                        .bind("seq", seq++).add();
            }
        }
        batch.execute();
    }

    /**
     * RunInstances' tags are bound to the instance and, as the CVM docs say of TagSpecification, to the cloud
     * disks created with it.
     */
    @Override
    public void launched(Handle h, List<Instance> instances, Instant now) {
        List<Map.Entry<ResourceName, List<Tag>>> tagged = new ArrayList<>();
        for (Instance i : instances) {
            List<Tag> given = i.spec().tags().stream().map(t -> new Tag(t.key(), t.value())).toList();
            if (given.isEmpty()) {
                continue;
            }
            tagged.add(Map.entry(Kind.INSTANCE.name(i.region(), i.uin(), i.id()), given));
            tagged.add(Map.entry(Kind.DISK.name(i.region(), i.uin(), ResourcePlan.systemDiskId(i.id())), given));
            i.spec().dataDisks().forEach(d -> tagged.add(Map.entry(Kind.DISK.name(i.region(), i.uin(), d.diskId()), given)));
        }
        insert(h, tagged);
    }

    /** An instance's tags and its system disk's go with it; its data disks' go with their rows (DiskRepository). */
    @Override
    public void destroyed(Handle h, List<Instance> instances, Instant now) {
        Map<String, List<Instance>> byUin = new LinkedHashMap<>();
        instances.forEach(i -> byUin.computeIfAbsent(i.uin(), k -> new ArrayList<>()).add(i));
        byUin.forEach((uin, list) -> {
            forget(h, uin, Kind.INSTANCE, list.stream().map(Instance::id).toList());
            forget(h, uin, Kind.DISK, list.stream().map(i -> ResourcePlan.systemDiskId(i.id())).toList());
        });
    }
}
