package dev.localcvm.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localcvm.cvm.InstanceAddresses;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.ResourcePlan;
import dev.localcvm.vpc.Address;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.localcvm.tag.ResourceName;
import dev.localcvm.tag.Tag;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Elastic IPs and their tasks. Every change is a compare-and-set on {@code version}; a commit applies its address
 * rows, its task and (for an association) the instance's change in one transaction, or nothing.
 */
public final class AddressRepository implements InstanceFollower, InstanceAddresses {
    private static final String COLUMNS = "address_id, uin, region, address_ip, address_type, address_name, status, "
            + "charge_type, bandwidth, instance_id, private_ip, created_at, pending_status, due_at, tags, version";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Address.Tag>> TAGS = new TypeReference<>() {
    };
    private final Jdbi jdbi;
    private final InstanceRepository instances;
    private final TagRepository tags;

    /** @param tags the tag store, which receives an address's tags when it is allocated and drops them when it goes */
    public AddressRepository(Database db, InstanceRepository instances, TagRepository tags) {
        this.jdbi = db.jdbi();
        this.instances = instances;
        this.tags = tags;
    }

    /** The tags of each of these addresses that has any, from the tag store. */
    public Map<String, List<Tag>> tagsOf(String uin, Collection<String> ids) {
        return tags.tagsOf(uin, ResourceName.Kind.ADDRESS, ids);
    }

    /** Thrown when a row changed since it was read, or an id was taken meanwhile. */
    public static final class ConflictException extends RuntimeException {
        public ConflictException(String what) {
            super(what + " changed concurrently", null, false, false);
        }
    }

    /** The task an action answers with: its number and the addresses it acts on. */
    public record Task(long taskId, String uin, String region, List<String> addressIds) {
    }

    /**
     * One atomic change set. Updated and deleted addresses carry the version they were read with.
     *
     * @param instanceChanges the instance's side of an association, or null
     */
    /** @param quota with inserts, how many addresses the account may hold in the region after them */
    public record Changes(List<Address> inserts, List<Address> updates, List<Address> deletes, Task task,
                          InstanceRepository.Changes instanceChanges, Instant now, int quota) {
        public Changes(List<Address> inserts, List<Address> updates, List<Address> deletes, Task task,
                       InstanceRepository.Changes instanceChanges, Instant now) {
            this(inserts, updates, deletes, task, instanceChanges, now, Integer.MAX_VALUE);
        }
    }

    /** New addresses would take the account past its quota in the region; nothing was saved. */
    public static final class QuotaExceededException extends RuntimeException {
        public QuotaExceededException() {
            super("address quota exceeded", null, false, false);
        }
    }

    /** Every address of the account and region as stored (not settled), oldest first. */
    public List<Address> list(String uin, String region) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM addresses WHERE uin = :uin "
                        + "AND region = :region ORDER BY created_at, address_id")
                .bind("uin", uin).bind("region", region).map((rs, ctx) -> read(rs)).list());
    }

    @Override
    public Map<String, String> boundTypes(String uin, String region, Collection<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> types = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT instance_id, address_type FROM addresses WHERE uin = :uin "
                        + "AND region = :region AND instance_id IN (<ids>)")
                .bind("uin", uin).bind("region", region).bindList("ids", new ArrayList<>(instanceIds))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> types.put(e.getKey(), e.getValue())));
        return types;
    }

    @Override
    public void launched(Handle h, List<Instance> launched, Instant now) {
        // A new instance has no elastic IP yet.
    }

    /**
     * The end of an instance frees its EIP: released when TerminateInstances asked for {@code ReleaseAddress}
     * (the types that allows were checked before the termination began), else unbound and kept.
     */
    @Override
    public void destroyed(Handle h, List<Instance> destroyed, Instant now) {
        Map<String, Boolean> release = new HashMap<>();
        // A bound EIP is the instance's public address: an instance without one has no EIP to look for.
        destroyed.stream().filter(i -> i.publicIps() != null && !i.publicIps().isEmpty())
                .forEach(i -> release.put(i.id(), ResourcePlan.of(i).releaseAddress()));
        if (release.isEmpty()) {
            return;
        }
        List<Map.Entry<String, String>> bound = h.createQuery("SELECT address_id, instance_id FROM addresses "
                        + "WHERE instance_id IN (<ids>) ORDER BY address_id")
                .bindList("ids", new ArrayList<>(release.keySet()))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list();
        List<String> released = new ArrayList<>();
        List<String> unbound = new ArrayList<>();
        bound.forEach(e -> (release.get(e.getValue()) ? released : unbound).add(e.getKey()));
        if (!released.isEmpty()) {
            h.createUpdate("DELETE FROM addresses WHERE address_id IN (<ids>)").bindList("ids", released).execute();
            destroyed.stream().map(Instance::uin).distinct()
                    .forEach(uin -> tags.forget(h, uin, ResourceName.Kind.ADDRESS, released));
        }
        if (!unbound.isEmpty()) {
            h.createUpdate("UPDATE addresses SET status = 'UNBIND', instance_id = NULL, private_ip = NULL, "
                            + "pending_status = NULL, due_at = NULL, version = version + 1 WHERE address_id IN (<ids>)")
                    .bindList("ids", unbound).execute();
        }
    }

    public Optional<Task> task(String uin, String region, long taskId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT address_ids FROM address_tasks WHERE task_id = :id "
                        + "AND uin = :uin AND region = :region")
                .bind("id", taskId).bind("uin", uin).bind("region", region).mapTo(String.class).findOne()
                .map(ids -> new Task(taskId, uin, region, ids.isEmpty() ? List.of() : List.of(ids.split(",")))));
    }

    public void commit(Changes changes) {
        // Released addresses whose time has come leave the table (reads already leave them out). In a statement of
        // its own: inside the transaction its row locks, taken before the change set's, could deadlock with another.
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM addresses WHERE status = 'OFFLINING' "
                        + "AND pending_status IS NULL AND due_at <= :now")
                .bind("now", changes.now().toEpochMilli()).execute());
        // The instance's side (an association's public IP) and the addresses in one transaction, the instance's
        // rows first as every product's change takes them; the instance store maps serialization failures.
        InstanceRepository.Changes instanceChanges = changes.instanceChanges() != null ? changes.instanceChanges()
                : InstanceRepository.Changes.of(List.of(), List.of(), changes.now());
        try {
            instances.commit(instanceChanges, h -> apply(h, changes));
        } catch (InstanceRepository.ConflictException e) {
            throw new ConflictException("instance");
        } catch (RuntimeException e) {
            if (e instanceof ConflictException || e instanceof QuotaExceededException) {
                throw e;
            }
            // A taken id or task number (a primary-key violation): the caller retries.
            if (isConstraintViolation(e)) {
                throw new ConflictException("address");
            }
            throw e;
        }
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private void apply(Handle h, Changes c) {
        if (!c.inserts().isEmpty()) {
            // Allocations of one account wait for each other here (its account row is locked), so that two at once
            // cannot both pass the quota: each counts what the other committed.
            String uin = c.inserts().get(0).uin();
            String region = c.inserts().get(0).region();
            h.createQuery("SELECT uin FROM accounts WHERE uin = :uin FOR UPDATE").bind("uin", uin)
                    .mapTo(String.class).list();
            long held = h.createQuery("SELECT COUNT(*) FROM addresses WHERE uin = :uin AND region = :region")
                    .bind("uin", uin).bind("region", region).mapTo(Long.class).one();
            if (held + c.inserts().size() > c.quota()) {
                throw new QuotaExceededException();
            }
            PreparedBatch insert = h.prepareBatch("INSERT INTO addresses (" + COLUMNS + ") VALUES (:id, :uin, :region, "
                    + ":ip, :type, :name, :status, :charge, :bandwidth, :instance, :privateIp, :created, :pendingStatus, "
                    + ":due, :tags, 0)");
            c.inserts().forEach(a -> bindRow(insert, a).add());
            insert.execute();
            Map<String, List<Tag>> given = new LinkedHashMap<>();
            c.inserts().forEach(a -> given.put(a.id(), a.tags().stream().map(t -> new Tag(t.key(), t.value())).toList()));
            tags.created(uin, region, ResourceName.Kind.ADDRESS, given).apply(h);
        }
        List<Address> updates = sorted(c.updates());
        if (!updates.isEmpty()) {
            PreparedBatch update = h.prepareBatch("UPDATE addresses SET address_name = :name, status = :status, "
                    + "instance_id = :instance, private_ip = :privateIp, pending_status = :pendingStatus, due_at = :due, "
                    + "version = version + 1 WHERE address_id = :id AND version = :version");
            updates.forEach(a -> bindRow(update, a).bind("version", a.version()).add());
            requireOneRowEach(update.execute(), updates);
        }
        List<Address> deletes = sorted(c.deletes());
        if (!deletes.isEmpty()) {
            PreparedBatch delete = h.prepareBatch("DELETE FROM addresses WHERE address_id = :id AND version = :version");
            deletes.forEach(a -> delete.bind("id", a.id()).bind("version", a.version()).add());
            requireOneRowEach(delete.execute(), deletes);
        }
        // An address is gone for its user from the moment its release begins: its tags go then.
        List<Address> gone = new ArrayList<>(deletes);
        updates.stream().filter(a -> a.status() == Address.Status.OFFLINING).forEach(gone::add);
        gone.stream().map(Address::uin).distinct().forEach(uin -> tags.forget(h, uin, ResourceName.Kind.ADDRESS,
                gone.stream().filter(a -> a.uin().equals(uin)).map(Address::id).toList()));
        Task t = c.task();
        if (t != null) {
            h.createUpdate("INSERT INTO address_tasks (task_id, uin, region, address_ids, created_at) "
                            + "VALUES (:id, :uin, :region, :ids, :at)")
                    .bind("id", t.taskId()).bind("uin", t.uin()).bind("region", t.region())
                    .bind("ids", String.join(",", t.addressIds())).bind("at", c.now().toEpochMilli()).execute();
        }
    }

    private static List<Address> sorted(Collection<Address> rows) {
        List<Address> list = new ArrayList<>(rows);
        list.sort(Comparator.comparing(Address::id));
        return list;
    }

    private static void requireOneRowEach(int[] counts, List<Address> rows) {
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                throw new ConflictException(rows.get(k).id());
            }
        }
    }

    private static PreparedBatch bindRow(PreparedBatch b, Address a) {
        return b.bind("id", a.id()).bind("uin", a.uin()).bind("region", a.region()).bind("ip", a.ip())
                .bind("type", a.type()).bind("name", a.name()).bind("status", a.status().name())
                .bind("charge", a.chargeType()).bind("bandwidth", a.bandwidth()).bind("instance", a.instanceId())
                .bind("privateIp", a.privateIp()).bind("created", a.createdTime().toEpochMilli())
                .bind("pendingStatus", a.pending() == null || a.pending().target() == null ? null
                        : a.pending().target().name())
                .bind("due", a.pending() == null ? null : a.pending().dueAt().toEpochMilli())
                .bind("tags", writeTags(a.tags()));
    }

    private static Address read(ResultSet rs) throws SQLException {
        long due = rs.getLong("due_at");
        boolean hasDue = !rs.wasNull();
        String target = rs.getString("pending_status");
        Address.Pending pending = hasDue ? new Address.Pending(target == null ? null : Address.Status.valueOf(target),
                Instant.ofEpochMilli(due)) : null;
        return new Address(rs.getString("address_id"), rs.getString("uin"), rs.getString("region"),
                rs.getString("address_ip"), rs.getString("address_type"), rs.getString("address_name"),
                Address.Status.valueOf(rs.getString("status")), rs.getString("charge_type"), rs.getLong("bandwidth"),
                rs.getString("instance_id"), rs.getString("private_ip"), Instant.ofEpochMilli(rs.getLong("created_at")),
                pending, readTags(rs.getString("tags")), rs.getLong("version"));
    }

    private static String writeTags(List<Address.Tag> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Address.Tag> readTags(String json) {
        try {
            return JSON.readValue(json, TAGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tags are not JSON: " + e.getMessage(), e);
        }
    }
}
