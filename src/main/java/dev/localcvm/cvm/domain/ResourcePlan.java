package dev.localcvm.cvm.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the end of an instance does to the resources of other products attached to it (cvm-terminate.md §4.4):
 * the system disk and local disks always go; a prepaid instance's data disks go with it when TerminateInstances asked for
 * {@code ReleasePrepaidDataDisks}, other data disks when they were bought with {@code DeleteWithInstance};
 * the rest are detached and kept. Its elastic IP is released with {@code ReleaseAddress}, else unbound and
 * kept. The owning products apply the plan in the instance's own transaction.
 */
public record ResourcePlan(String instanceId, List<String> destroyedDisks, List<String> detachedDisks,
                           boolean releaseAddress) {
    /** The EIP types the seed lists as released by {@code ReleaseAddress}; a plain {@code EIP} is not one. */
    public static final Set<String> RELEASABLE = Set.of("HighQualityEIP", "AntiDDoSEIP", "EIPv6", "HighQualityEIPv6");

    public static ResourcePlan of(Instance i) {
        List<String> destroyed = new ArrayList<>();
        List<String> detached = new ArrayList<>();
        destroyed.add(i.spec().systemDisk().diskId());
        boolean prepaid = i.chargeType() == ChargeType.PREPAID;
        for (Instance.Disk d : i.spec().dataDisks()) {
            boolean goes = d.diskType().startsWith("LOCAL_")
                    || (prepaid ? i.releasePrepaidDataDisks() : d.deleteWithInstance());
            (goes ? destroyed : detached).add(d.diskId());
        }
        return new ResourcePlan(i.id(), List.copyOf(destroyed), List.copyOf(detached), i.releaseAddress());
    }
}
