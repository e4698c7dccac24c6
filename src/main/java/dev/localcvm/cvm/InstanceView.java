package dev.localcvm.cvm;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.localcvm.cvm.domain.ImageCatalog;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The Instance data type of DescribeInstances (cvm-terminate.md §7): every field, always present. */
public record InstanceView(
        Placement placement, String instanceId, String instanceType, @JsonProperty("CPU") long cpu, long memory,
        String restrictState, String instanceName, String instanceChargeType, SystemDisk systemDisk,
        List<DataDisk> dataDisks, List<String> privateIpAddresses, List<String> publicIpAddresses,
        InternetAccessible internetAccessible, VirtualPrivateCloud virtualPrivateCloud, String imageId,
        String renewFlag, String createdTime, String expiredTime, String osName, List<String> securityGroupIds,
        LoginSettings loginSettings, String instanceState, List<Tag> tags, String stopChargingMode, String uuid,
        String latestOperation, String latestOperationState, String latestOperationRequestId,
        String disasterRecoverGroupId, @JsonProperty("IPv6Addresses") List<String> ipv6Addresses, String camRoleName,
        String hpcClusterId, List<String> rdmaIpAddresses, String dedicatedClusterId, String isolatedSource,
        @JsonProperty("GPUInfo") Object gpuInfo, String licenseType, boolean disableApiTermination,
        String defaultLoginUser, long defaultLoginPort, String latestOperationErrorMsg,
        @JsonProperty("PublicIPv6Addresses") List<String> publicIpv6Addresses, List<String> disasterRecoverGroupIds,
        Object metadata, Object cpuTopology, Integer partitionNumber) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    public record Placement(String zone, long projectId, List<String> hostIds, String hostId) {
    }

    public record SystemDisk(String diskType, String diskId, long diskSize, String cdcId, String diskName,
                             boolean encrypt, String kmsKeyId) {
    }

    public record DataDisk(long diskSize, String diskType, String diskId, boolean deleteWithInstance, String snapshotId,
                           boolean encrypt, String kmsKeyId, Long throughputPerformance, String cdcId,
                           boolean burstPerformance, String diskName) {
    }

    public record InternetAccessible(String internetChargeType, long internetMaxBandwidthOut, boolean publicIpAssigned,
                                     String bandwidthPackageId, String internetServiceProvider,
                                     @JsonProperty("IPv4AddressType") String ipv4AddressType,
                                     @JsonProperty("IPv6AddressType") String ipv6AddressType,
                                     @JsonProperty("AntiDDoSPackageId") String antiDdosPackageId) {
    }

    public record VirtualPrivateCloud(String vpcId, String subnetId, boolean asVpcGateway,
                                      List<String> privateIpAddresses, Long ipv6AddressCount) {
    }

    /** Password is always null: localcvm keeps only whether one was set. */
    public record LoginSettings(String password, List<String> keyIds, String keepImageLogin) {
    }

    public record Tag(String key, String value) {
    }

    public static String time(Instant t) {
        return t == null ? null : TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** @param tags the instance's tags, from the tag store */
    public static InstanceView of(Instance i, List<dev.localcvm.tag.Tag> tags) {
        Instance.Spec s = i.spec();
        boolean windows = ImageCatalog.find(s.imageId()).map(ImageCatalog.Image::windows).orElse(false);
        List<String> publicIps = i.publicIps() == null || i.publicIps().isEmpty() ? null : i.publicIps();
        Instance.Launch launch = s.launchOrDefaults();
        return new InstanceView(
                new Placement(s.zone(), s.projectId(), List.of(), null), i.id(), s.instanceType(), s.cpu(), s.memory(),
                i.flags().banned() ? "PROTECTIVELY_ISOLATED" : "NORMAL", i.name(), i.chargeType().name(),
                new SystemDisk(s.systemDisk().diskType(), s.systemDisk().diskId(), s.systemDisk().diskSize(), null,
                        s.systemDisk().diskName(), false, null),
                s.dataDisks().stream().map(d -> new DataDisk(d.diskSize(), d.diskType(), d.diskId(), d.deleteWithInstance(),
                        null, d.encrypt(), null, d.throughputPerformance() == null ? 0L : d.throughputPerformance(), null,
                        false, d.diskName())).toList(),
                s.privateIps(), publicIps,
                new InternetAccessible(s.internetChargeType(), s.internetMaxBandwidthOut(),
                        !Boolean.FALSE.equals(launch.publicIpAssigned()) && publicIps != null, null,
                        "BGP", null, null, null),
                new VirtualPrivateCloud(s.vpcId(), s.subnetId(), false, null, null),
                s.imageId(), s.renewFlag(), time(i.createdTime()), time(s.expiredTime()), s.osName(), i.securityGroupIds(),
                new LoginSettings(null, s.keyIds(), launch.keepImageLogin() ? "TRUE" : "FALSE"), i.state().name(),
                tags.stream().map(t -> new Tag(t.key(), t.value())).toList(),
                i.state() == InstanceState.STOPPED ? i.stopChargingMode() : "NOT_APPLICABLE", s.uuid(),
                i.latestOperation(), i.latestOperationState(), i.latestOperationRequestId(),
                "", null, i.camRoleName() == null ? "" : i.camRoleName(), "", List.of(), "", i.isolatedSource(),
                null, "TencentCloud", i.disableApiTermination(), windows ? "Administrator" : "root", windows ? 3389 : 22,
                i.latestOperationErrorMsg() == null ? "" : i.latestOperationErrorMsg(), null, List.of(), null, null, null);
    }
}
