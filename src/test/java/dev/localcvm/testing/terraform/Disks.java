package dev.localcvm.testing.terraform;

import static dev.localcvm.testing.terraform.ProviderClient.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** {@code svccbs.CbsService.DescribeDiskList}: cbs DescribeDisks {DiskIds, Limit:100}. */
final class Disks {
    private Disks() {
    }

    static List<JsonNode> list(ProviderClient client, List<String> ids) throws Exception {
        JsonNode r = client.call("cbs", "DescribeDisks", body("DiskIds", ids, "Limit", 100));
        Fields.require("DescribeDisks", r, "DiskSet[].DiskId", "DiskSet[].DiskName", "DiskSet[].DiskState",
                "DiskSet[].DiskSize", "DiskSet[].DiskType", "DiskSet[].Encrypt", "DiskSet[].DeleteWithInstance",
                "DiskSet[].ThroughputPerformance");
        List<JsonNode> disks = new ArrayList<>();
        r.get("DiskSet").forEach(disks::add);
        return disks;
    }

    /** The Read's disk waiters retry while a disk is EXPANDING. */
    static void notExpanding(JsonNode disk) {
        if ("EXPANDING".equals(disk.get("DiskState").asText())) {
            throw new Waiter.Retry("data_disk " + disk.get("DiskId").asText() + " is expending");
        }
    }
}
