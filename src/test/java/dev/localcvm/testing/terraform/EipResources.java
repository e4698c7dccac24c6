package dev.localcvm.testing.terraform;

import static dev.localcvm.testing.terraform.ProviderClient.body;
import static dev.localcvm.testing.terraform.ProviderClient.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Map;

/**
 * {@code tencentcloud_eip} ({@code resource_tc_eip.go}, footprint §4.3 and §5) and {@code tencentcloud_eip_association}
 * by instance_id ({@code resource_tc_eip_association.go}, §4.4 and §5), with the vpc service's helpers
 * {@code DescribeEipById} and {@code UnattachEip}.
 */
public final class EipResources {
    /** The configured arguments of the tencentcloud_eip. */
    public record Config(String name, String internetChargeType, long bandwidthOut, Map<String, String> tags) {
    }

    private final ProviderClient client;
    private final Config config;
    private String id;
    private String associatedInstance;

    public EipResources(ProviderClient client, Config config) {
        this.client = client;
        this.config = config;
    }

    public String id() {
        return id;
    }

    /** The association's id, {@code eip-xxx::ins-xxx}. */
    public String associationId() {
        return id + "::" + associatedInstance;
    }

    /**
     * {@code DescribeEipById}: vpc DescribeAddresses {AddressIds:[id]}; when that is empty, the provider asks again for
     * a CDC address. The footprint names the filter (business-type=CDC) but not the request's shape; this sends
     * {Filters:[address-id=id, business-type=CDC]}, since the API refuses AddressIds and Filters together.
     */
    JsonNode describeOrNull() throws Exception {
        JsonNode r = client.call("vpc", "DescribeAddresses", body("AddressIds", List.of(id)));
        Fields.require("DescribeAddresses", r, "AddressSet", "AddressSet[].AddressStatus");
        if (r.get("AddressSet").isEmpty()) {
            r = client.call("vpc", "DescribeAddresses", body("Filters",
                    List.of(filter("address-id", id), filter("business-type", "CDC"))));
            Fields.require("DescribeAddresses", r, "AddressSet", "AddressSet[].AddressStatus");
            if (r.get("AddressSet").isEmpty()) {
                return null;
            }
        }
        return r.get("AddressSet").get(0);
    }

    /** A vpc TaskId: absent is fine; present, the provider parses it with strconv.ParseUint. */
    private static Long taskId(String action, JsonNode response, boolean parseFailureIsFatal) {
        JsonNode task = response.get("TaskId");
        if (task == null || task.isNull()) {
            return null;
        }
        String text = task.asText();
        if (!text.matches("[0-9]{1,19}")) {
            if (parseFailureIsFatal) {
                throw new AssertionError(action + ": TaskId " + task + " is not a decimal string; the provider's"
                        + " strconv.ParseUint fails the create");
            }
            return null;
        }
        return Long.parseUnsignedLong(text);
    }

    private void waitTask(long task) throws Exception {
        client.waiter().retry("vpc task " + task, Waiter.READ, () -> {
            JsonNode r = client.call("vpc", "DescribeTaskResult", body("TaskId", task));
            Fields.require("DescribeTaskResult", r, "Result");
            String result = r.get("Result").asText();
            if ("RUNNING".equals(result)) {
                throw new Waiter.Retry("eip task is running");
            }
            if ("FAILED".equals(result)) {
                throw new AssertionError("vpc task " + task + " FAILED: " + r);
            }
            return result;
        });
    }

    // ---- tencentcloud_eip ----

    public void create() throws Exception {
        JsonNode r = client.call("vpc", "AllocateAddresses", body("AddressType", "EIP",
                "InternetChargeType", config.internetChargeType(), "InternetMaxBandwidthOut", config.bandwidthOut(),
                "Tags", ProviderClient.tags(config.tags()), "AddressName", config.name()));
        Fields.require("AllocateAddresses", r, "AddressSet");
        if (r.get("AddressSet").isEmpty()) {
            throw new AssertionError("AllocateAddresses: empty AddressSet (the provider retries: eip id is nil)");
        }
        id = r.get("AddressSet").get(0).asText();
        Long task = taskId("AllocateAddresses", r, true);
        if (task != null) {
            waitTask(task);
        }
        client.waiter().retry("eip " + id + " created", Waiter.READ, () -> {
            JsonNode eip = describeOrNull();
            if (eip != null && "CREATING".equals(eip.get("AddressStatus").asText())) {
                throw new Waiter.Retry("eip is still creating");
            }
            return eip == null ? NullNode.getInstance() : eip;
        });
        read();
    }

    public void read() throws Exception {
        JsonNode eip = client.waiter().retry("eip " + id + " read", Waiter.READ, () -> {
            JsonNode e = describeOrNull();
            return e == null ? NullNode.getInstance() : e;
        });
        if (eip.isNull()) {
            throw new AssertionError("the Read found eip " + id + " gone (the provider would plan to create it again)");
        }
        Map<String, String> tags = Tags.describe(client, "vpc", "eip", id);
        JsonNode packages = client.call("vpc", "DescribeBandwidthPackages",
                body("Filters", List.of(filter("resource.resource-id", id))));
        Fields.require("DescribeBandwidthPackages", packages, "BandwidthPackageSet");
        Drift.check("eip name", config.name(), eip.path("AddressName").asText(null));
        Drift.check("eip type", "EIP", eip.path("AddressType").asText(null));
        Drift.check("eip internet_charge_type", config.internetChargeType(),
                eip.path("InternetChargeType").asText(null));
        Drift.check("eip internet_max_bandwidth_out", config.bandwidthOut(),
                eip.path("Bandwidth").isNumber() ? eip.get("Bandwidth").asLong() : null);
        Drift.tags("eip tags", config.tags(), tags);
    }

    /** {@code UnattachEip}: DescribeAddresses; unless UNBIND, DisassociateAddress and its task. No wait for UNBIND. */
    void unattach() throws Exception {
        JsonNode eip = describeOrNull();
        if (eip == null || "UNBIND".equals(eip.get("AddressStatus").asText())) {
            return;
        }
        JsonNode r = client.call("vpc", "DisassociateAddress", body("AddressId", id));
        Long task = taskId("DisassociateAddress", r, false);
        if (task != null) {
            waitTask(task);
        }
    }

    public void delete() throws Exception {
        client.waiter().retry("eip " + id + " unattach", Waiter.WRITE, () -> {
            unattach();
            return Boolean.TRUE;
        });
        releaseWithRetry();
        client.waiter().retry("eip " + id + " released", Waiter.READ, () -> {
            if (describeOrNull() != null) {
                throw new Waiter.Retry("eip is still deleting");
            }
            return Boolean.TRUE;
        });
    }

    private void releaseWithRetry() throws Exception {
        client.waiter().retry("ReleaseAddresses " + id, Waiter.WRITE, () -> {
            try {
                return client.call("vpc", "ReleaseAddresses", body("AddressIds", List.of(id)));
            } catch (ProviderClient.ApiError e) {
                if (e.code().equals("DesOperation.MutexTaskRunning") || e.code().equals("OperationDenied.MutexTaskRunning")) {
                    throw new Waiter.Retry(e.getMessage());
                }
                throw e;
            }
        });
    }

    // ---- tencentcloud_eip_association (instance_id) ----

    public void associate(String instanceId) throws Exception {
        JsonNode eip = describeOrNull();
        if (eip == null) {
            throw new AssertionError("eip " + id + " not found before its association");
        }
        String status = eip.get("AddressStatus").asText();
        if (!"UNBIND".equals(status)) {
            throw new AssertionError("eip status is illegal: " + status + " (the association needs exactly UNBIND)");
        }
        client.call("vpc", "AssociateAddress", body("AddressId", id, "InstanceId", instanceId));
        associatedInstance = instanceId;
        client.waiter().retry("eip " + id + " BIND", Waiter.READ, () -> {
            JsonNode e = describeOrNull();
            String s = e == null ? "absent" : e.get("AddressStatus").asText();
            if (!"BIND".equals(s)) {
                throw new Waiter.Retry("eip status is still " + s);
            }
            return e;
        });
        readAssociation();
    }

    public void readAssociation() throws Exception {
        JsonNode eip = client.waiter().retry("eip association " + associationId() + " read", Waiter.READ, () -> {
            JsonNode e = describeOrNull();
            return e == null ? NullNode.getInstance() : e;
        });
        if (eip.isNull() || !associatedInstance.equals(eip.path("InstanceId").asText(null))) {
            throw new AssertionError("the association Read found " + associationId() + " gone: " + eip);
        }
    }

    public void disassociate() throws Exception {
        client.waiter().retry("eip association " + associationId() + " delete", Waiter.WRITE, () -> {
            unattach();
            return Boolean.TRUE;
        });
    }
}
