package dev.localcvm.cvm.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One instance as the domain sees it. Immutable: every change makes a copy through {@link #toBuilder()}
 * and is saved by compare-and-set on {@code version}. Timed changes are data: {@link Pending} says what
 * the instance becomes at what time, {@code releaseAt} when the platform destroys it (recycle-bin expiry,
 * LAUNCH_FAILED purge); {@link #settle(Instant)} applies whatever has fallen due.
 */
public record Instance(
        String id, String uin, String region, long version, Spec spec,
        String name, InstanceState state, ChargeType chargeType, boolean disableApiTermination,
        List<String> securityGroupIds, String camRoleName, String hostName, List<String> publicIps,
        String latestOperation, String latestOperationState, String latestOperationRequestId,
        String latestOperationErrorMsg, String isolatedSource, String stopChargingMode,
        Instant createdTime, Pending pending, Instant releaseAt,
        boolean releaseAddress, boolean releasePrepaidDataDisks, Flags flags) {

    public static final String OPERATING = "OPERATING";
    public static final String SUCCESS = "SUCCESS";
    public static final String FAILED = "FAILED";

    /** What the instance becomes at {@code dueAt}: {@code target}, or destroyed when target is null. */
    public record Pending(InstanceState target, Instant dueAt, String failMessage) {
        public boolean destroys() {
            return target == null;
        }
    }

    /** The hidden admin attributes (cvm-terminate.md §2) that only the admin API sets. */
    public record Flags(boolean frozen, boolean banned, boolean foreignOwner, String applicationRole,
                        boolean notSupported, boolean specialType, boolean taskRunning, boolean returnable) {
        public static final Flags NONE = new Flags(false, false, false, null, false, false, false, true);
    }

    /**
     * The configuration RunInstances fixed; only the attached data disks change afterwards. {@code tags} are those
     * RunInstances was given, which the tag store took over (the instance's tags now are there). {@code launch} is
     * null in documents written before it existed: read it through {@link #launchOrDefaults()}.
     */
    public record Spec(String zone, long projectId, String instanceType, int cpu, int memory, String imageId,
                       String osName, Disk systemDisk, List<Disk> dataDisks, List<String> privateIps,
                       long internetMaxBandwidthOut, String internetChargeType, String vpcId, String subnetId,
                       List<String> keyIds, List<Tag> tags, String uuid, String renewFlag, Instant expiredTime,
                       Launch launch) {
        public Launch launchOrDefaults() {
            return launch == null ? Launch.DEFAULTS : launch;
        }
    }

    /**
     * RunInstances' launch settings that nothing else decides: the enhanced services, the user data, whether a
     * password was set (never the password itself), whether the image's login is kept, and the caller's
     * {@code PublicIpAssigned} (null when not given).
     */
    public record Launch(boolean securityService, boolean monitorService, boolean automationService, String userData,
                         boolean passwordSet, boolean keepImageLogin, Boolean publicIpAssigned) {
        /** What a public image gets when RunInstances says nothing: all three services on. */
        public static final Launch DEFAULTS = new Launch(true, true, true, null, false, false, null);

        public Launch withUserData(String value) {
            return new Launch(securityService, monitorService, automationService, value, passwordSet, keepImageLogin,
                    publicIpAssigned);
        }
    }

    /**
     * A cloud disk as the instance shows it; the cbs product keeps the same disk as a row of its own. Rows of
     * earlier versions lack the last three fields: not encrypted, no extra throughput, no name.
     */
    public record Disk(String diskId, String diskType, long diskSize, boolean deleteWithInstance, boolean encrypt,
                       Long throughputPerformance, String diskName) {
        public Disk(String diskId, String diskType, long diskSize, boolean deleteWithInstance) {
            this(diskId, diskType, diskSize, deleteWithInstance, false, null, null);
        }
    }

    /** This instance with other attached data disks (AttachDisks, DetachDisks). */
    public Instance withDataDisks(List<Disk> dataDisks) {
        Spec s = spec;
        return toBuilder().spec(new Spec(s.zone(), s.projectId(), s.instanceType(), s.cpu(), s.memory(), s.imageId(),
                s.osName(), s.systemDisk(), List.copyOf(dataDisks), s.privateIps(), s.internetMaxBandwidthOut(),
                s.internetChargeType(), s.vpcId(), s.subnetId(), s.keyIds(), s.tags(), s.uuid(), s.renewFlag(),
                s.expiredTime(), s.launch())).build();
    }

    /** This instance with other launch settings (ModifyInstancesAttribute's UserData). */
    public Instance withLaunch(Launch launch) {
        Spec s = spec;
        return toBuilder().spec(new Spec(s.zone(), s.projectId(), s.instanceType(), s.cpu(), s.memory(), s.imageId(),
                s.osName(), s.systemDisk(), s.dataDisks(), s.privateIps(), s.internetMaxBandwidthOut(),
                s.internetChargeType(), s.vpcId(), s.subnetId(), s.keyIds(), s.tags(), s.uuid(), s.renewFlag(),
                s.expiredTime(), launch)).build();
    }

    public record Tag(String key, String value) {
    }

    /** Whether a PREPAID first call is still isolating: SHUTDOWN while the isolation is in flight. */
    public boolean isolating() {
        return state == InstanceState.SHUTDOWN && pending != null && pending.target() == InstanceState.SHUTDOWN;
    }

    /** The earliest time something is due, for the sweeper's index; null when nothing is. */
    public Instant dueAt() {
        if (pending != null) {
            return pending.dueAt();
        }
        return releaseAt;
    }

    /**
     * When {@link #settle(Instant)} destroys this instance: the end of a termination, the LAUNCH_FAILED
     * purge or the recycle-bin release; {@code otherwise} when no timer destroys it.
     */
    public Instant destroyedAt(Instant otherwise) {
        if (pending != null && pending.destroys()) {
            return pending.dueAt();
        }
        if (pending != null && pending.target() == InstanceState.LAUNCH_FAILED) {
            return pending.dueAt().plus(Lifecycle.LAUNCH_FAILED_RETENTION);
        }
        return releaseAt != null ? releaseAt : otherwise;
    }

    /** This instance as it is at {@code now}: due transitions applied, or empty once destroyed. */
    public Optional<Instance> settle(Instant now) {
        Instance current = this;
        if (current.pending != null && !now.isBefore(current.pending.dueAt())) {
            Pending p = current.pending;
            if (p.destroys()) {
                return Optional.empty();
            }
            Builder b = current.toBuilder().state(p.target()).pending(null)
                    .latestOperationState(p.failMessage() == null ? SUCCESS : FAILED)
                    .latestOperationErrorMsg(p.failMessage() == null ? "" : p.failMessage());
            if (p.target() == InstanceState.LAUNCH_FAILED) {
                b.releaseAt(p.dueAt().plus(Lifecycle.LAUNCH_FAILED_RETENTION));
            }
            current = b.build();
        }
        if (current.pending == null && current.releaseAt != null && !now.isBefore(current.releaseAt)) {
            return Optional.empty();
        }
        return Optional.of(current);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies an instance with some fields changed; {@link #build()} bumps nothing, the store does. */
    public static final class Builder {
        private String id, uin, region, name, camRoleName, hostName, latestOperation, latestOperationState,
                latestOperationRequestId, latestOperationErrorMsg, isolatedSource, stopChargingMode;
        private long version;
        private Spec spec;
        private InstanceState state;
        private ChargeType chargeType;
        private boolean disableApiTermination, releaseAddress, releasePrepaidDataDisks;
        private List<String> securityGroupIds, publicIps;
        private Instant createdTime, releaseAt;
        private Pending pending;
        private Flags flags;

        public Builder() {
        }

        private Builder(Instance i) {
            id = i.id; uin = i.uin; region = i.region; version = i.version; spec = i.spec; name = i.name;
            state = i.state; chargeType = i.chargeType; disableApiTermination = i.disableApiTermination;
            securityGroupIds = i.securityGroupIds; camRoleName = i.camRoleName; hostName = i.hostName;
            publicIps = i.publicIps; latestOperation = i.latestOperation; latestOperationState = i.latestOperationState;
            latestOperationRequestId = i.latestOperationRequestId; latestOperationErrorMsg = i.latestOperationErrorMsg;
            isolatedSource = i.isolatedSource; stopChargingMode = i.stopChargingMode; createdTime = i.createdTime;
            pending = i.pending; releaseAt = i.releaseAt; releaseAddress = i.releaseAddress;
            releasePrepaidDataDisks = i.releasePrepaidDataDisks; flags = i.flags;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder uin(String v) { uin = v; return this; }
        public Builder region(String v) { region = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder spec(Spec v) { spec = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder state(InstanceState v) { state = v; return this; }
        public Builder chargeType(ChargeType v) { chargeType = v; return this; }
        public Builder disableApiTermination(boolean v) { disableApiTermination = v; return this; }
        public Builder securityGroupIds(List<String> v) { securityGroupIds = v; return this; }
        public Builder camRoleName(String v) { camRoleName = v; return this; }
        public Builder hostName(String v) { hostName = v; return this; }
        public Builder publicIps(List<String> v) { publicIps = v; return this; }
        public Builder latestOperation(String v) { latestOperation = v; return this; }
        public Builder latestOperationState(String v) { latestOperationState = v; return this; }
        public Builder latestOperationRequestId(String v) { latestOperationRequestId = v; return this; }
        public Builder latestOperationErrorMsg(String v) { latestOperationErrorMsg = v; return this; }
        public Builder isolatedSource(String v) { isolatedSource = v; return this; }
        public Builder stopChargingMode(String v) { stopChargingMode = v; return this; }
        public Builder createdTime(Instant v) { createdTime = v; return this; }
        public Builder pending(Pending v) { pending = v; return this; }
        public Builder releaseAt(Instant v) { releaseAt = v; return this; }
        public Builder releaseAddress(boolean v) { releaseAddress = v; return this; }
        public Builder releasePrepaidDataDisks(boolean v) { releasePrepaidDataDisks = v; return this; }
        public Builder flags(Flags v) { flags = v; return this; }

        /** Marks the start of an accepted write: LatestOperation* as §6 describes. */
        public Builder operation(Operation op, String requestId) {
            latestOperation = op.apiName();
            latestOperationState = OPERATING;
            latestOperationRequestId = requestId;
            latestOperationErrorMsg = "";
            return this;
        }

        public Instance build() {
            return new Instance(id, uin, region, version, spec, name, state, chargeType, disableApiTermination,
                    List.copyOf(securityGroupIds), camRoleName, hostName, publicIps == null ? null : List.copyOf(publicIps),
                    latestOperation, latestOperationState, latestOperationRequestId, latestOperationErrorMsg,
                    isolatedSource, stopChargingMode, createdTime, pending, releaseAt, releaseAddress,
                    releasePrepaidDataDisks, flags);
        }
    }
}
