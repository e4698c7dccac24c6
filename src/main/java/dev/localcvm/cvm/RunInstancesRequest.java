package dev.localcvm.cvm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localcvm.api.params.Param;
import java.util.List;

/**
 * RunInstances' request: every field of the official model. Structures localcvm does not model are
 * taken as {@link JsonNode}: accepted whatever their content, and ignored.
 */
public record RunInstancesRequest(
        String instanceChargeType, InstanceChargePrepaid instanceChargePrepaid, Placement placement,
        String instanceType, String imageId, SystemDisk systemDisk, List<DataDisk> dataDisks,
        VirtualPrivateCloud virtualPrivateCloud, InternetAccessible internetAccessible, Long instanceCount,
        Long minCount, String instanceName, LoginSettings loginSettings, List<String> securityGroupIds,
        EnhancedService enhancedService, String clientToken, String hostName, JsonNode actionTimer,
        List<String> disasterRecoverGroupIds, List<TagSpecification> tagSpecification,
        JsonNode instanceMarketOptions, String userData, JsonNode metadata, Boolean dryRun, JsonNode cpuTopology,
        String camRoleName, String hpcClusterId, JsonNode launchTemplate, String dedicatedClusterId,
        List<String> chcIds, Boolean disableApiTermination, Boolean enableJumboFrame) {

    public record InstanceChargePrepaid(Long period, String renewFlag) {
    }

    public record Placement(String zone, Long projectId, List<String> hostIds, String hostId) {
    }

    public record SystemDisk(String diskType, String diskId, Long diskSize, String cdcId, String diskName) {
    }

    public record DataDisk(Long diskSize, String diskType, String diskId, Boolean deleteWithInstance, String snapshotId,
                           Boolean encrypt, String kmsKeyId, Long throughputPerformance, String cdcId,
                           Boolean burstPerformance, String diskName) {
    }

    public record VirtualPrivateCloud(String vpcId, String subnetId, Boolean asVpcGateway,
                                      List<String> privateIpAddresses, Long ipv6AddressCount) {
    }

    public record InternetAccessible(String internetChargeType, Long internetMaxBandwidthOut, Boolean publicIpAssigned,
                                     String bandwidthPackageId, String internetServiceProvider,
                                     @Param("IPv4AddressType") String ipv4AddressType,
                                     @Param("IPv6AddressType") String ipv6AddressType,
                                     @Param("AntiDDoSPackageId") String antiDdosPackageId) {
    }

    public record LoginSettings(String password, List<String> keyIds, String keepImageLogin) {
    }

    /** Each service's {@code Enabled}; a service left out is on (public images have all three). */
    public record EnhancedService(ServiceEnabled securityService, ServiceEnabled monitorService,
                                  ServiceEnabled automationService) {
    }

    public record ServiceEnabled(Boolean enabled) {
    }

    public record TagSpecification(String resourceType, List<Tag> tags) {
    }

    public record Tag(String key, String value) {
    }
}
