package dev.localcvm.testing.terraform;

import static dev.localcvm.testing.terraform.ProviderClient.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code tencentcloud_instance} as the provider's {@code resource_tc_instance.go} drives it: Create (footprint §4.1),
 * Read (§4.2) and Delete (§5). The fields of the resource's state that the Read sets are kept here, so that a later
 * Read takes the path of a later refresh, and compared with the configuration after every Read, as a second
 * {@code terraform plan} would.
 */
public final class InstanceResource {
    /** One {@code data_disks} block, with the schema defaults the provider sends. */
    public record DataDisk(String type, long size, long throughput, boolean deleteWithInstance, boolean encrypt) {
    }

    /** The configured arguments of the assumed configuration. */
    public record Config(String zone, String imageId, String instanceType, String internetChargeType,
            long bandwidthOut, String systemDiskType, long systemDiskSize, List<DataDisk> dataDisks,
            Map<String, String> tags) {
    }

    /** A {@code data_disks} entry of the state, as the Read sets it. */
    public record StateDisk(String id, String name, long size, String type, boolean encrypt, long throughput,
            boolean deleteWithInstance, String kmsKeyId) {
    }

    private static final String[] INSTANCE_FIELDS = {"InstanceSet[].InstanceId", "InstanceSet[].InstanceState",
        "InstanceSet[].InstanceChargeType", "InstanceSet[].Placement", "InstanceSet[].InternetAccessible",
        "InstanceSet[].VirtualPrivateCloud", "InstanceSet[].SystemDisk", "InstanceSet[].LoginSettings",
        "InstanceSet[].DataDisks[].DiskId", "InstanceSet[].DataDisks[].DiskType", "InstanceSet[].DataDisks[].DiskSize",
        "InstanceSet[].DataDisks[].DeleteWithInstance", "InstanceSet[].DataDisks[].Encrypt",
        "InstanceSet[].DataDisks[].ThroughputPerformance"};

    private final ProviderClient client;
    private final Config config;
    private String id;
    private List<StateDisk> dataDisks = List.of();

    public InstanceResource(ProviderClient client, Config config) {
        this.client = client;
        this.config = config;
    }

    public String id() {
        return id;
    }

    public List<StateDisk> dataDisks() {
        return dataDisks;
    }

    // ---- Create (§4.1) ----

    public void create() throws Exception {
        List<Object> disks = new ArrayList<>();
        for (DataDisk d : config.dataDisks()) {
            disks.add(body("DiskType", d.type(), "DiskSize", d.size(), "ThroughputPerformance", d.throughput(),
                    "DeleteWithInstance", d.deleteWithInstance(), "Encrypt", d.encrypt()));
        }
        JsonNode run = client.call("cvm", "RunInstances", body(
                "ImageId", config.imageId(),
                "Placement", body("Zone", config.zone()),
                "InstanceType", config.instanceType(),
                "InstanceChargeType", "POSTPAID_BY_HOUR",
                "InternetAccessible", body("InternetChargeType", config.internetChargeType(),
                        "InternetMaxBandwidthOut", config.bandwidthOut(), "PublicIpAssigned", true),
                "SystemDisk", body("DiskType", config.systemDiskType(), "DiskSize", config.systemDiskSize()),
                "DataDisks", disks,
                // disable_*_service default to false and the provider sends their negation
                "EnhancedService", body("SecurityService", body("Enabled", true),
                        "MonitorService", body("Enabled", true), "AutomationService", body("Enabled", true)),
                "DisableApiTermination", false,
                "TagSpecification", List.of(body("ResourceType", "instance",
                        "Tags", ProviderClient.tags(config.tags()))),
                "ClientToken", UUID.randomUUID().toString()));
        Fields.require("RunInstances", run, "InstanceIdSet");
        if (run.get("InstanceIdSet").isEmpty()) {
            throw new AssertionError("RunInstances: empty InstanceIdSet (the provider fails: instance id is nil)");
        }
        id = run.get("InstanceIdSet").get(0).asText();

        client.waiter().retry("instance " + id + " RUNNING", Waiter.INSTANCE_CREATE, () -> {
            JsonNode instance = describeOrNull();
            if (instance == null) {
                throw new AssertionError("DescribeInstances of " + id + " right after RunInstances is empty:"
                        + " the provider dereferences instance.InstanceState on nil and panics");
            }
            String state = instance.get("InstanceState").asText();
            if ("LAUNCH_FAILED".equals(state)) {
                throw new AssertionError("cvm instance " + id + " launch failed: "
                        + instance.path("LatestOperationErrorMsg"));
            }
            if (!"RUNNING".equals(state)) {
                throw new Waiter.Retry("cvm instance status is " + state);
            }
            return instance;
        });

        // The tag waiter retries every error, not only the retryable codes.
        client.waiter().retry("instance " + id + " tags", Waiter.WRITE, () -> {
            Map<String, String> actual;
            try {
                actual = Tags.describe(client, "cvm", "instance", id);
            } catch (ProviderClient.ApiError e) {
                throw new Waiter.Retry(e.getMessage());
            }
            config.tags().forEach((k, v) -> {
                if (!v.equals(actual.get(k))) {
                    throw new Waiter.Retry("tag(" + k + ", " + v + ") modification is not completed: " + actual);
                }
            });
            return actual;
        });
        read();
    }

    /** cvm DescribeInstances {InstanceIds:[id]} ({@code DescribeInstanceById}); null when the set is empty. */
    JsonNode describeOrNull() throws Exception {
        JsonNode r = client.call("cvm", "DescribeInstances", body("InstanceIds", List.of(id)));
        Fields.require("DescribeInstances", r, "InstanceSet");
        Fields.require("DescribeInstances", r, INSTANCE_FIELDS);
        return r.get("InstanceSet").isEmpty() ? null : r.get("InstanceSet").get(0);
    }

    // ---- Read (§4.2) ----

    /** The Read; fails when the instance is gone or when its state would differ from the configuration. */
    public void read() throws Exception {
        JsonNode instance = client.waiter().retry("instance " + id + " operation", Waiter.READ, () -> {
            JsonNode i = describeOrNull();
            if (i != null && "OPERATING".equals(i.path("LatestOperationState").asText(null))) {
                throw new Waiter.Retry("waiting for instance " + id + " operation");
            }
            return i == null ? NullNode.getInstance() : i;
        });
        if (instance.isNull() || "LAUNCH_FAILED".equals(instance.get("InstanceState").asText())) {
            throw new AssertionError("the Read found instance " + id + " gone (the provider would drop it from the"
                    + " state and plan to create it again): " + instance);
        }

        JsonNode images = client.call("cvm", "DescribeImages", body());
        Fields.require("DescribeImages", images, "TotalCount");
        if (images.get("TotalCount").asLong() > 0) {
            Fields.require("DescribeImages", images, "ImageSet[].ImageId");
        }

        Map<String, String> tags = Tags.describe(client, "cvm", "instance", id);
        Drift.tags("instance tags", config.tags(), tags);

        String systemDiskId = instance.get("SystemDisk").path("DiskId").asText("");
        if (systemDiskId.startsWith("disk-")) {
            client.waiter().retry("system disk " + systemDiskId, Waiter.READ, () -> {
                for (JsonNode disk : Disks.list(client, List.of(systemDiskId))) {
                    Disks.notExpanding(disk);
                    if (disk.get("DiskId").asText().equals(systemDiskId)) {
                        Fields.require("DescribeDisks", disk, "DiskName");
                    }
                }
                return Boolean.TRUE;
            });
        }

        dataDisks = DataDiskRead.read(client, instance.get("DataDisks"), config.dataDisks(), dataDisks);

        JsonNode attributes = client.call("cvm", "DescribeInstancesAttributes",
                body("InstanceIds", List.of(id), "Attributes", List.of("UserData")));
        Fields.require("DescribeInstancesAttributes", attributes, "InstanceSet");

        Drift.instance(config, instance, dataDisks);
    }

    // ---- Delete (§5) ----

    public void delete() throws Exception {
        JsonNode snapshot = describeOrNull();
        if (snapshot == null) {
            throw new AssertionError("instance " + id + " is gone before its Delete");
        }
        client.call("cvm", "TerminateInstances", body("InstanceIds", List.of(id)));
        JsonNode last = client.waiter().retry("instance " + id + " terminated", Waiter.INSTANCE_DELETE, () -> {
            JsonNode i = describeOrNull();
            if (i == null) {
                return NullNode.getInstance();
            }
            String state = i.get("InstanceState").asText();
            if ("SHUTDOWN".equals(state)) {
                Fields.require("DescribeInstances", i, "LatestOperationState");
                if (!"OPERATING".equals(i.get("LatestOperationState").asText())) {
                    return i;
                }
            }
            throw new Waiter.Retry("cvm instance status is " + state);
        });
        if (!last.isNull()) {
            return; // in the recycle bin; force_delete=false: done
        }
        JsonNode ips = snapshot.path("PrivateIpAddresses");
        if (!ips.isArray() || ips.isEmpty()) {
            return;
        }
        Fields.require("DescribeInstances", snapshot, "VirtualPrivateCloud.VpcId", "VirtualPrivateCloud.SubnetId");
        List<String> addresses = new ArrayList<>();
        ips.forEach(ip -> addresses.add(ip.asText()));
        client.waiter().retry("private ip release of " + id, Waiter.INSTANCE_DELETE, () -> {
            JsonNode used = client.call("vpc", "DescribeUsedIpAddress", body(
                    "VpcId", snapshot.get("VirtualPrivateCloud").get("VpcId").asText(),
                    "SubnetId", snapshot.get("VirtualPrivateCloud").get("SubnetId").asText(),
                    "IpAddresses", addresses, "Offset", 0, "Limit", 20));
            Fields.require("DescribeUsedIpAddress", used, "IpAddressStates");
            if (!used.get("IpAddressStates").isEmpty()) {
                throw new Waiter.Retry("wait cvm private ip release...");
            }
            return used;
        });
    }
}
