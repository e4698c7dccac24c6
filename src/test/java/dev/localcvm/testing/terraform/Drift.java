package dev.localcvm.testing.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localcvm.testing.terraform.InstanceResource.Config;
import dev.localcvm.testing.terraform.InstanceResource.DataDisk;
import dev.localcvm.testing.terraform.InstanceResource.StateDisk;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@code terraform plan} right after a Read would compare: every configured argument against what the Read
 * put in the state. A difference here is a plan that is not empty (for ForceNew arguments such as data_disks, a
 * replacement of the instance).
 */
final class Drift {
    private Drift() {
    }

    static void check(String what, Object configured, Object read) {
        if (!Objects.equals(configured, read)) {
            throw new AssertionError("a second terraform plan would show a change of " + what + ": configured "
                    + configured + ", read " + read);
        }
    }

    static void instance(Config config, JsonNode instance, List<StateDisk> disks) {
        check("availability_zone", config.zone(), instance.get("Placement").path("Zone").asText(null));
        check("image_id", config.imageId(), instance.path("ImageId").asText(null));
        check("instance_type", config.instanceType(), instance.path("InstanceType").asText(null));
        check("instance_charge_type", "POSTPAID_BY_HOUR", instance.get("InstanceChargeType").asText());
        JsonNode internet = instance.get("InternetAccessible");
        check("internet_charge_type", config.internetChargeType(), internet.path("InternetChargeType").asText(null));
        check("internet_max_bandwidth_out", config.bandwidthOut(),
                internet.path("InternetMaxBandwidthOut").isNumber() ? internet.get("InternetMaxBandwidthOut").asLong()
                        : null);
        JsonNode system = instance.get("SystemDisk");
        check("system_disk_type", config.systemDiskType(), system.path("DiskType").asText(null));
        check("system_disk_size", config.systemDiskSize(),
                system.path("DiskSize").isNumber() ? system.get("DiskSize").asLong() : null);
        check("disable_api_termination", false, instance.path("DisableApiTermination").asBoolean(false));
        check("the number of data_disks", config.dataDisks().size(), disks.size());
        for (int k = 0; k < disks.size(); k++) {
            DataDisk want = config.dataDisks().get(k);
            StateDisk got = disks.get(k);
            check("data_disks." + k, want, new DataDisk(got.type(), got.size(), got.throughput(),
                    got.deleteWithInstance(), got.encrypt()));
            if (got.id() == null || !got.id().startsWith("disk-")) {
                throw new AssertionError("data_disks." + k + " has no data_disk_id a later Read can use: " + got);
            }
        }
    }

    static void tags(String what, Map<String, String> configured, Map<String, String> read) {
        check(what, configured, read);
    }
}
