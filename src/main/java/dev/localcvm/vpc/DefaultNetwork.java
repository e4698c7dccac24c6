package dev.localcvm.vpc;

import dev.localcvm.cvm.RegionCatalog;
import dev.localcvm.cvm.ResourceIds;
import java.util.List;

/**
 * The network every account has in every region without creating it: one VPC (172.16.0.0/16), one subnet per
 * zone (a /20 per zone number, the block RunInstances draws private addresses from) and one security group.
 * Their ids are the ones instances launched without a network of their own already show: a pure function of
 * the account and the region, so nothing is stored.
 */
public final class DefaultNetwork {
    public static final String VPC_CIDR = "172.16.0.0/16";
    /** Usable addresses of a /20: 4096 less the network, gateway and broadcast addresses. */
    static final int SUBNET_ADDRESSES = 4093;
    /** Our choice: the default network is shown as created at the epoch of the service's public launch. */
    static final String CREATED_TIME = "2020-01-01 00:00:00";

    public record Vpc(String vpcId, String name, String cidrBlock) {
    }

    public record Subnet(String subnetId, String vpcId, String name, String cidrBlock, String zone, String routeTableId) {
    }

    public record SecurityGroup(String securityGroupId, String name, String description) {
    }

    private DefaultNetwork() {
    }

    public static Vpc vpc(String uin, String region) {
        return new Vpc(ResourceIds.defaultVpcId(uin, region), "Default-VPC", VPC_CIDR);
    }

    /** The region's subnets in zone order; empty for a region localcvm does not know. */
    public static List<Subnet> subnets(String uin, String region) {
        String vpcId = vpc(uin, region).vpcId();
        String routeTable = ResourceIds.stable("rtb", uin + region);
        return RegionCatalog.region(region).map(r -> r.zones().stream()
                .map(z -> new Subnet(ResourceIds.defaultSubnetId(uin, z.zone()), vpcId, "Default-Subnet-" + z.zone(),
                        cidrOf(z.zone()), z.zone(), routeTable))
                .toList()).orElse(List.of());
    }

    public static SecurityGroup securityGroup(String uin, String region) {
        return new SecurityGroup(ResourceIds.defaultSecurityGroupId(uin, region), "default", "System created security group");
    }

    /** The zone's /20, the block {@link ResourceIds#privateIp(String)} draws from. */
    static String cidrOf(String zone) {
        return "172.16." + ResourceIds.subnetBase(zone) + ".0/20";
    }
}
