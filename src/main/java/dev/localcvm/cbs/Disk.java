package dev.localcvm.cbs;

import dev.localcvm.cvm.domain.ChargeType;
import dev.localcvm.cvm.domain.Instance;
import java.time.Instant;

/**
 * One cloud disk as the cbs product sees it. Immutable; saved by compare-and-set on {@code version}.
 * ATTACHING and DETACHING last the transition delay: {@code pendingState} is what the disk becomes at
 * {@code dueAt}, applied by {@link #settle(Instant)} on every read and write.
 *
 * @param instanceId the instance it is attached to, or attaching to; null when unattached
 */
public record Disk(String diskId, String uin, String region, String zone, String instanceId, Usage usage,
                   State state, String chargeType, String diskType, long diskSize, boolean deleteWithInstance,
                   boolean encrypt, Long throughputPerformance, String diskName, Instant createdTime,
                   Instant deadline, State pendingState, Instant dueAt, long version) {

    public enum Usage { SYSTEM_DISK, DATA_DISK }

    public enum State { ATTACHED, UNATTACHED, ATTACHING, DETACHING, TORECYCLE }

    /** A disk's charge type follows its instance's: prepaid, or else postpaid by the hour. */
    public static String chargeTypeOf(Instance i) {
        return i.chargeType() == ChargeType.PREPAID ? "PREPAID" : "POSTPAID_BY_HOUR";
    }

    /** An instance's system disk as cbs shows it: part of the instance, attached for as long as it lives. */
    public static Disk systemDiskOf(Instance i) {
        Instance.Disk d = i.spec().systemDisk();
        return new Disk(d.diskId(), i.uin(), i.region(), i.spec().zone(), i.id(), Usage.SYSTEM_DISK, State.ATTACHED,
                chargeTypeOf(i), d.diskType(), d.diskSize(), true, d.encrypt(), d.throughputPerformance(),
                d.diskName() == null ? "" : d.diskName(), i.createdTime(), i.spec().expiredTime(), null, null, 0);
    }

    public boolean prepaid() {
        return "PREPAID".equals(chargeType);
    }

    /** Only cloud data disks are elastic ("portable"): a system or local disk lives and dies with its instance. */
    public boolean portable() {
        return usage == Usage.DATA_DISK && !diskType.startsWith("LOCAL_");
    }

    /** The disk at {@code now}: a transition that fell due applied. */
    public Disk settle(Instant now) {
        if (pendingState == null || now.isBefore(dueAt)) {
            return this;
        }
        return with(pendingState, pendingState == State.UNATTACHED ? null : instanceId, null, null);
    }

    /** A copy that is, or is not, destroyed with the instance it is attached to (AttachDisks may say anew). */
    public Disk deletedWithInstance(boolean deleted) {
        return new Disk(diskId, uin, region, zone, instanceId, usage, state, chargeType, diskType, diskSize, deleted,
                encrypt, throughputPerformance, diskName, createdTime, deadline, pendingState, dueAt, version);
    }

    /** A copy in another state; the transition (if any) completes at {@code due}. */
    public Disk with(State newState, String newInstanceId, State pending, Instant due) {
        return new Disk(diskId, uin, region, zone, newInstanceId, usage, newState, chargeType, diskType, diskSize,
                deleteWithInstance, encrypt, throughputPerformance, diskName, createdTime, deadline, pending, due,
                version);
    }
}
