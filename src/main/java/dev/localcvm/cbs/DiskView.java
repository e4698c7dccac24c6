package dev.localcvm.cbs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The Disk data type of DescribeDisks: every field the official model has, never null where it holds a value. */
public record DiskView(
        boolean deleteWithInstance, String renewFlag, String diskType, String diskState, long snapshotCount,
        boolean autoRenewFlagError, boolean rollbacking, List<String> instanceIdList, boolean encrypt,
        String diskName, boolean backupDisk, List<Tag> tags, String instanceId, String attachMode,
        List<String> autoSnapshotPolicyIds, long throughputPerformance, boolean migrating, String diskId,
        long snapshotSize, Placement placement, boolean isReturnable, String deadlineTime, boolean attached,
        long diskSize, long migratePercent, String diskUsage, String diskChargeType, boolean portable,
        boolean snapshotAbility, boolean deadlineError, long rollbackPercent, long differDaysOfDeadline,
        long returnFailCode, boolean shareable, String createTime, boolean deleteSnapshot, long diskBackupQuota,
        long diskBackupCount, String instanceType, String lastAttachInsId, String errorPrompt,
        boolean burstPerformance, String encryptType, String kmsKeyId) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    public record Tag(String key, String value) {
    }

    public record Placement(String zone, long projectId, String cdcId, String cageId, String dedicatedClusterId) {
    }

    /** @param tags the disk's tags, from the tag store */
    static DiskView of(Disk d, List<dev.localcvm.tag.Tag> tags, Instant now) {
        boolean attached = d.instanceId() != null && d.state() != Disk.State.ATTACHING;
        String deadline = d.deadline() == null ? "" : TIME.format(d.deadline());
        long days = d.deadline() == null ? 0 : java.time.Duration.between(now, d.deadline()).toDays();
        return new DiskView(d.deleteWithInstance(), d.prepaid() ? "NOTIFY_AND_MANUAL_RENEW" : "", d.diskType(),
                d.state().name(), 0, false, false,
                d.instanceId() == null ? List.of() : List.of(d.instanceId()), d.encrypt(), d.diskName(), false,
                tags.stream().map(t -> new Tag(t.key(), t.value())).toList(), d.instanceId() == null ? "" : d.instanceId(), d.instanceId() == null ? "" : "READ_WRITE",
                List.of(), d.throughputPerformance() == null ? 0 : d.throughputPerformance(), false, d.diskId(), 0,
                new Placement(d.zone(), 0, "", "", ""), d.prepaid() && d.portable(), deadline, attached, d.diskSize(),
                0, d.usage().name(), d.chargeType(), d.portable(), true, false, 0, days, 0, false,
                TIME.format(d.createdTime()), false, 0, 0, "CVM", d.instanceId() == null ? "" : d.instanceId(), "",
                false, "", "");
    }
}
