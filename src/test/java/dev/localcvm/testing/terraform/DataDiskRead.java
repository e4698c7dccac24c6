package dev.localcvm.testing.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localcvm.testing.terraform.InstanceResource.DataDisk;
import dev.localcvm.testing.terraform.InstanceResource.StateDisk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Step 5 of the instance Read (footprint §4.2): how the provider sets {@code data_disks} from the CVM DataDisks and
 * cbs DescribeDisks. The first apply (no data_disk_id in the state) reads the disks twice and matches each configured
 * disk in {@code sortDataDisks}; a later refresh reads the state's disks by id, then the CVM's disks, and matches
 * them on a hash of type, size, delete_with_instance, kms_key_id and encrypt, keyed by the disk's name.
 */
final class DataDiskRead {
    private DataDiskRead() {
    }

    static List<StateDisk> read(ProviderClient client, JsonNode cvmDisks, List<DataDisk> configured,
            List<StateDisk> state) throws Exception {
        boolean hasIds = state.stream().anyMatch(d -> d.id() != null && d.id().startsWith("disk-"));
        if (!cvmDisks.isEmpty() && !hasIds) {
            return firstApply(client, cvmDisks, configured, state);
        }
        if (!cvmDisks.isEmpty()) {
            return laterRefresh(client, cvmDisks, state);
        }
        return List.of();
    }

    private static List<StateDisk> firstApply(ProviderClient client, JsonNode cvmDisks, List<DataDisk> configured,
            List<StateDisk> state) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode d : cvmDisks) {
            if (d.get("DiskId").asText().startsWith("disk-")) {
                ids.add(d.get("DiskId").asText());
            }
        }
        if (ids.isEmpty()) {
            return state; // disks without the disk- prefix are skipped: data_disks is never set
        }
        Map<String, Long> sizes = new HashMap<>();
        Map<String, Integer> order = new HashMap<>();
        boolean[] combined = {false};
        client.waiter().retry("data disks of the first Read", Waiter.READ, () -> {
            for (JsonNode disk : Disks.list(client, ids)) {
                Disks.notExpanding(disk);
                sizes.put(disk.get("DiskId").asText(), disk.get("DiskSize").asLong());
                if (!configured.isEmpty()) {
                    String[] parts = disk.get("DiskName").asText().split("_", -1);
                    try {
                        order.put(disk.get("DiskId").asText(), Integer.parseInt(parts[parts.length - 1]));
                    } catch (NumberFormatException e) {
                        combined[0] = true;
                    }
                }
            }
            return Boolean.TRUE;
        });
        List<Entry> list = new ArrayList<>();
        for (JsonNode d : cvmDisks) {
            String id = d.get("DiskId").asText();
            if (!id.startsWith("disk-")) {
                continue;
            }
            long size = sizes.getOrDefault(id, -1L);
            if (size < 0) {
                throw new AssertionError("DescribeDisks did not answer the instance's data disk " + id
                        + " (the provider would store a data disk without data_disk_size and fail)");
            }
            list.add(new Entry(id, null, size, d.get("DiskType").asText(), d.get("Encrypt").asBoolean(),
                    d.get("ThroughputPerformance").asLong(), d.get("DeleteWithInstance").asBoolean(),
                    d.path("KmsKeyId").asText("")));
        }
        if (!configured.isEmpty() && !combined[0]) {
            list.sort(Comparator.comparingInt(e -> order.getOrDefault(e.id, 0)));
        }
        if (!list.isEmpty()) {
            List<String> finalIds = list.stream().map(e -> e.id).toList();
            client.waiter().retry("data disk names", Waiter.READ, () -> {
                for (JsonNode disk : Disks.list(client, finalIds)) {
                    for (Entry e : list) {
                        if (e.id.equals(disk.get("DiskId").asText())) {
                            e.name = disk.get("DiskName").asText();
                            break;
                        }
                    }
                }
                return Boolean.TRUE;
            });
        }
        return sortDataDisks(configured, list);
    }

    /** {@code sortDataDisks}: each configured disk, in order, takes the first remaining disk that matches it. */
    private static List<StateDisk> sortDataDisks(List<DataDisk> configured, List<Entry> list) {
        if (configured.isEmpty()) {
            return list.stream().map(Entry::state).toList();
        }
        if (configured.size() != list.size()) {
            throw new AssertionError("the provider's sortDataDisks: Inconsistent number of data disks: configured "
                    + configured + ", instance " + list);
        }
        List<Entry> remaining = new ArrayList<>(list);
        List<StateDisk> sorted = new ArrayList<>();
        for (DataDisk want : configured) {
            Entry match = remaining.stream().filter(e -> e.size == want.size() && e.type.equals(want.type())
                    && e.encrypt == want.encrypt() && e.deleteWithInstance == want.deleteWithInstance()
                    && e.throughput == want.throughput()).findFirst().orElse(null);
            if (match == null) {
                throw new AssertionError("the provider's sortDataDisks: Unable to find match: " + want
                        + " among the instance's " + remaining);
            }
            sorted.add(match.state());
            remaining.remove(match);
        }
        return sorted;
    }

    private static List<StateDisk> laterRefresh(ProviderClient client, JsonNode cvmDisks, List<StateDisk> state)
            throws Exception {
        List<String> stateIds = state.stream().map(StateDisk::id).filter(i -> i != null && i.startsWith("disk-"))
                .toList();
        List<StateDisk> refreshed = new ArrayList<>(state);
        client.waiter().retry("data disks by data_disk_id", Waiter.READ, () -> {
            List<JsonNode> disks = Disks.list(client, stateIds);
            for (int k = 0; k < refreshed.size(); k++) {
                StateDisk s = refreshed.get(k);
                for (JsonNode d : disks) {
                    if (d.get("DiskId").asText().equals(s.id())) {
                        refreshed.set(k, new StateDisk(s.id(), d.get("DiskName").asText(), d.get("DiskSize").asLong(),
                                d.get("DiskType").asText(), d.get("Encrypt").asBoolean(),
                                d.get("ThroughputPerformance").asLong(), d.get("DeleteWithInstance").asBoolean(),
                                d.hasNonNull("KmsKeyId") ? d.get("KmsKeyId").asText() : s.kmsKeyId()));
                        break;
                    }
                }
            }
            return Boolean.TRUE;
        });

        List<String> cvmIds = new ArrayList<>();
        cvmDisks.forEach(d -> {
            if (d.get("DiskId").asText().startsWith("disk-")) {
                cvmIds.add(d.get("DiskId").asText());
            }
        });
        if (cvmIds.isEmpty()) {
            return state;
        }
        List<JsonNode> cbsDisks = client.waiter().retry("instance data disks", Waiter.READ, () -> {
            List<JsonNode> disks = Disks.list(client, cvmIds);
            disks.forEach(Disks::notExpanding);
            return disks;
        });

        // The state's side: key (its name, else its index) -> hash, and whether it has been matched.
        List<String> keys = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        boolean[] stateTaken = new boolean[refreshed.size()];
        for (int k = 0; k < refreshed.size(); k++) {
            StateDisk s = refreshed.get(k);
            keys.add(s.name() != null && !s.name().isEmpty() ? s.name() : Integer.toString(k));
            hashes.add(hash(s.type(), s.size(), s.deleteWithInstance(), s.kmsKeyId(), s.encrypt()));
        }
        List<Entry> source = new ArrayList<>();
        for (JsonNode cvm : cvmDisks) {
            for (JsonNode cbs : cbsDisks) {
                if (cvm.get("DiskId").asText().equals(cbs.get("DiskId").asText())) {
                    source.add(new Entry(cvm.get("DiskId").asText(), cbs.get("DiskName").asText(),
                            cvm.get("DiskSize").asLong(), cvm.get("DiskType").asText(), cvm.get("Encrypt").asBoolean(),
                            cvm.get("ThroughputPerformance").asLong(), cvm.get("DeleteWithInstance").asBoolean(),
                            cvm.path("KmsKeyId").asText("")));
                    break;
                }
            }
        }
        TreeMap<Integer, StateDisk> matched = new TreeMap<>();
        for (boolean byName : new boolean[] {true, false}) {
            for (Entry e : source) {
                for (int k = 0; k < keys.size() && !e.taken; k++) {
                    String key = byName ? e.name : Integer.toString(k);
                    if (!stateTaken[k] && keys.get(k).equals(key) && hashes.get(k).equals(e.hash())) {
                        matched.put(k, e.state());
                        stateTaken[k] = true;
                        e.taken = true;
                    }
                }
            }
        }
        return new ArrayList<>(matched.values());
    }

    /** {@code getDataDiskHash}: the provider hashes these five written one after the other. */
    private static String hash(String type, long size, boolean deleteWithInstance, String kmsKeyId, boolean encrypt) {
        return type + size + deleteWithInstance + (kmsKeyId == null ? "" : kmsKeyId) + encrypt;
    }

    /** A disk as the Read assembles it from the CVM's DataDisks and cbs. */
    private static final class Entry {
        final String id;
        String name;
        final long size;
        final String type;
        final boolean encrypt;
        final long throughput;
        final boolean deleteWithInstance;
        final String kmsKeyId;
        boolean taken;

        Entry(String id, String name, long size, String type, boolean encrypt, long throughput,
                boolean deleteWithInstance, String kmsKeyId) {
            this.id = id;
            this.name = name;
            this.size = size;
            this.type = type;
            this.encrypt = encrypt;
            this.throughput = throughput;
            this.deleteWithInstance = deleteWithInstance;
            this.kmsKeyId = kmsKeyId;
        }

        String hash() {
            return DataDiskRead.hash(type, size, deleteWithInstance, kmsKeyId, encrypt);
        }

        StateDisk state() {
            return new StateDisk(id, name, size, type, encrypt, throughput, deleteWithInstance, kmsKeyId);
        }

        @Override
        public String toString() {
            return state().toString();
        }
    }
}
