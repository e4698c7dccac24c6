package dev.localcvm.vpc;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.IdFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** DescribeSubnets: the default VPC's subnets of the request region, one per zone. */
public final class DescribeSubnets extends BaseAction<DescribeSubnets.Request> {
    static final Pattern SUBNET_ID = IdFormat.SUBNET.pattern();
    private static final Map<String, Function<DefaultNetwork.Subnet, String>> FILTERS = Map.of(
            "subnet-id", DefaultNetwork.Subnet::subnetId, "vpc-id", DefaultNetwork.Subnet::vpcId,
            "cidr-block", DefaultNetwork.Subnet::cidrBlock, "subnet-name", DefaultNetwork.Subnet::name,
            "zone", DefaultNetwork.Subnet::zone, "is-default", s -> "true", "is-remote-vpc-snat", s -> "false",
            "is-cdc-subnet", s -> "0");

    public DescribeSubnets() {
        super("DescribeSubnets", Request.class, 20);
    }

    public record Request(List<String> subnetIds, List<NetworkQuery.Filter> filters, Long offset, Long limit) {
    }

    public record SubnetView(String vpcId, String subnetId, String subnetName, String cidrBlock, boolean isDefault,
                             boolean enableBroadcast, String zone, String routeTableId, String createdTime,
                             long availableIpAddressCount, String ipv6CidrBlock, String networkAclId,
                             boolean isRemoteVpcSnat, long totalIpAddressCount, List<DescribeVpcs.Tag> tagSet,
                             String cdcId, long isCdcSubnet) {
    }

    public record Response(long totalCount, List<SubnetView> subnetSet) {
    }

    @Override
    public boolean needsStore() {
        return false;
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        return r.subnetIds() == null || r.subnetIds().isEmpty() ? List.of()
                : CamResource.names("vpc", ctx, "subnet", r.subnetIds());
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        var page = NetworkQuery.select(DefaultNetwork.subnets(ctx.account().uin(), ctx.region()), "SubnetIds",
                r.subnetIds(), SUBNET_ID, DefaultNetwork.Subnet::subnetId, r.filters(), FILTERS, r.offset(), r.limit());
        return new Response(page.totalCount(), page.items().stream()
                .map(s -> new SubnetView(s.vpcId(), s.subnetId(), s.name(), s.cidrBlock(), true, false, s.zone(),
                        s.routeTableId(), DefaultNetwork.CREATED_TIME, DefaultNetwork.SUBNET_ADDRESSES, "", "", false,
                        DefaultNetwork.SUBNET_ADDRESSES, List.of(), "", 0))
                .toList());
    }
}
