package dev.localcvm.vpc;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.cvm.CvmService;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * DescribeUsedIpAddress: which private addresses of a subnet of the default VPC are taken, and by which
 * instance. An instance that is gone no longer holds its address.
 */
public final class DescribeUsedIpAddress extends BaseAction<DescribeUsedIpAddress.Request> {
    private final CvmService cvm;

    public DescribeUsedIpAddress(CvmService cvm) {
        super("DescribeUsedIpAddress", Request.class, 20);
        this.cvm = cvm;
    }

    public record Request(String vpcId, String subnetId, List<String> ipAddresses, List<NetworkQuery.Filter> filters,
                          Long offset, Long limit) {
    }

    public record IpAddressState(String vpcId, String subnetId, String ipAddress, String resourceType,
                                 String resourceId) {
    }

    public record Response(List<IpAddressState> ipAddressStates, long totalCount) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        if (r.vpcId() == null) {
            throw ApiException.missingParameter("VpcId");
        }
        Checks.page(r.offset(), r.limit());
        Checks.count("IpAddresses", r.ipAddresses(), 100);
        Checks.ids(r.ipAddresses(), Checks.IPV4, ErrorCode.INVALID_PARAMETER_VALUE_MALFORMED);
        if (r.ipAddresses() != null && r.filters() != null) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_COEXIST,
                    "`IpAddresses` and `Filters` cannot be given together.");
        }
        String uin = ctx.account().uin();
        DefaultNetwork.Vpc vpc = DefaultNetwork.vpc(uin, ctx.region());
        Checks.id(r.vpcId(), DescribeVpcs.VPC_ID, ErrorCode.INVALID_PARAMETER_VALUE_MALFORMED);
        if (!vpc.vpcId().equals(r.vpcId())) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "The VPC `" + r.vpcId() + "` does not exist.");
        }
        List<DefaultNetwork.Subnet> subnets = DefaultNetwork.subnets(uin, ctx.region()).stream()
                .filter(s -> r.subnetId() == null || s.subnetId().equals(r.subnetId())).toList();
        if (r.subnetId() != null) {
            Checks.id(r.subnetId(), DescribeSubnets.SUBNET_ID, ErrorCode.INVALID_PARAMETER_VALUE_MALFORMED);
            if (subnets.isEmpty()) {
                throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "The subnet `" + r.subnetId() + "` does not exist.");
            }
        }
        List<String> wantedIps = r.ipAddresses();
        List<String> wantedResources = null;
        if (r.filters() != null) {
            for (NetworkQuery.Filter f : r.filters()) {
                switch (f.name() == null ? "" : f.name()) {
                    case "ip-addresses" -> wantedIps = f.values() == null ? List.of() : f.values();
                    case "resource-id" -> wantedResources = f.values() == null ? List.of() : f.values();
                    default -> throw new ApiException(ErrorCode.INVALID_PARAMETER_FILTER_INVALID_KEY,
                            "The filter `" + Checks.quote(String.valueOf(f.name())) + "` is not supported.");
                }
            }
        }
        List<IpAddressState> used = new ArrayList<>();
        for (DefaultNetwork.Subnet s : subnets) {
            for (Instance i : cvm.inSubnet(uin, ctx.region(), s.subnetId(), ctx.now())) {
                for (String ip : i.spec().privateIps()) {
                    if ((wantedIps == null || wantedIps.contains(ip))
                            && (wantedResources == null || wantedResources.contains(i.id()))) {
                        used.add(new IpAddressState(vpc.vpcId(), s.subnetId(), ip, "CVM", i.id()));
                    }
                }
            }
        }
        long offset = r.offset() == null ? 0 : r.offset();
        int limit = r.limit() == null ? 20 : r.limit().intValue();
        return new Response(used.stream().skip(offset).limit(limit).toList(), used.size());
    }
}
