package dev.localcvm.vpc;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.IdFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** DescribeVpcs: the account's default VPC in the request region. */
public final class DescribeVpcs extends BaseAction<DescribeVpcs.Request> {
    static final Pattern VPC_ID = IdFormat.VPC.pattern();
    private static final Map<String, Function<DefaultNetwork.Vpc, String>> FILTERS = Map.of(
            "vpc-id", DefaultNetwork.Vpc::vpcId, "vpc-name", DefaultNetwork.Vpc::name,
            "cidr-block", DefaultNetwork.Vpc::cidrBlock, "is-default", v -> "true", "is-multicast", v -> "false");

    public DescribeVpcs() {
        super("DescribeVpcs", Request.class, 20);
    }

    public record Request(List<String> vpcIds, List<NetworkQuery.Filter> filters, Long offset, Long limit) {
    }

    public record Tag(String key, String value) {
    }

    public record VpcView(String vpcName, String vpcId, String cidrBlock, boolean isDefault, boolean enableMulticast,
                          String createdTime, List<String> dnsServerSet, String domainName, String dhcpOptionsId,
                          boolean enableDhcp, String ipv6CidrBlock, List<Tag> tagSet, List<Object> assistantCidrSet,
                          List<Object> ipv6CidrBlockSet) {
    }

    public record Response(long totalCount, List<VpcView> vpcSet) {
    }

    @Override
    public boolean needsStore() {
        return false;
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        // Resource-level only when ids are named: a listing of everything is judged on `*`.
        return r.vpcIds() == null || r.vpcIds().isEmpty() ? List.of() : CamResource.names("vpc", ctx, "vpc", r.vpcIds());
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        var page = NetworkQuery.select(List.of(DefaultNetwork.vpc(ctx.account().uin(), ctx.region())), "VpcIds",
                r.vpcIds(), VPC_ID, DefaultNetwork.Vpc::vpcId, r.filters(), FILTERS, r.offset(), r.limit());
        return new Response(page.totalCount(), page.items().stream()
                .map(v -> new VpcView(v.name(), v.vpcId(), v.cidrBlock(), true, false, DefaultNetwork.CREATED_TIME,
                        List.of("183.60.83.19", "183.60.82.98"), "", "", true, "", List.of(), List.of(), List.of()))
                .toList());
    }
}
