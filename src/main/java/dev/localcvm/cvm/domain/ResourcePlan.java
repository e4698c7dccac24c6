package dev.localcvm.cvm.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the end of an instance does to the resources of other products attached to it (cvm-terminate.md §4.4):
 * the system disk (part of the instance) and local disks always go; a prepaid instance's data disks go with it when TerminateInstances asked for
 * {@code ReleasePrepaidDataDisks}, other data disks when they were bought with {@code DeleteWithInstance};
 * the rest are detached and kept. Its elastic IP is released with {@code ReleaseAddress}, else unbound and
 * kept. The owning products apply the plan in the instance's own transaction.
 */
public record ResourcePlan(String instanceId, List<String> destroyedDisks, List<String> detachedDisks,
                           boolean releaseAddress) {
    /** The EIP types the seed lists as released by {@code ReleaseAddress}; a plain {@code EIP} is not one. */
    public static final Set<String> RELEASABLE = Set.of("HighQualityEIP", "AntiDDoSEIP", "EIPv6", "HighQualityEIPv6");

    /**
     * The id of an instance's system disk: its instance's, under the disk prefix ({@code ins-x} → {@code disk-x}).
     * A system disk lives and dies with its instance and is part of it, so cbs shows it from the instance and
     * finds it by this id without a row of its own. (Instances launched before this rule keep the random id
     * they were given.)
     */
    public static String systemDiskId(String instanceId) {
        return "disk-" + instanceId.substring(instanceId.indexOf('-') + 1);
    }

    /** The instance whose system disk {@code diskId} would be under {@link #systemDiskId(String)}. */
    public static String instanceOfSystemDisk(String diskId) {
        return "ins-" + diskId.substring(diskId.indexOf('-') + 1);
    }

    /** Only data disks are listed: the system disk goes with its instance's row, having none of its own. */
    public static ResourcePlan of(Instance i) {
        List<String> destroyed = new ArrayList<>();
        List<String> detached = new ArrayList<>();
        boolean prepaid = i.chargeType() == ChargeType.PREPAID;
        for (Instance.Disk d : i.spec().dataDisks()) {
            boolean goes = d.diskType().startsWith("LOCAL_")
                    || (prepaid ? i.releasePrepaidDataDisks() : d.deleteWithInstance());
            (goes ? destroyed : detached).add(d.diskId());
        }
        return new ResourcePlan(i.id(), List.copyOf(destroyed), List.copyOf(detached), i.releaseAddress());
    }
}
