package dev.localcvm.vpc;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.IdFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** DescribeSecurityGroups: the account's default security group in the request region. */
public final class DescribeSecurityGroups extends BaseAction<DescribeSecurityGroups.Request> {
    static final Pattern SECURITY_GROUP_ID = IdFormat.SECURITY_GROUP.pattern();
    private static final Map<String, Function<DefaultNetwork.SecurityGroup, String>> FILTERS = Map.of(
            "security-group-id", DefaultNetwork.SecurityGroup::securityGroupId,
            "security-group-name", DefaultNetwork.SecurityGroup::name, "project-id", g -> "0");

    public DescribeSecurityGroups() {
        super("DescribeSecurityGroups", Request.class, 20);
    }

    public record Request(List<String> securityGroupIds, List<NetworkQuery.Filter> filters, Long offset, Long limit) {
    }

    public record SecurityGroupView(String securityGroupId, String securityGroupName, String securityGroupDesc,
                                    String projectId, boolean isDefault, String createdTime,
                                    List<DescribeVpcs.Tag> tagSet, String updateTime) {
    }

    public record Response(List<SecurityGroupView> securityGroupSet, long totalCount) {
    }

    @Override
    public boolean needsStore() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        var page = NetworkQuery.select(List.of(DefaultNetwork.securityGroup(ctx.account().uin(), ctx.region())),
                "SecurityGroupIds", r.securityGroupIds(), SECURITY_GROUP_ID, DefaultNetwork.SecurityGroup::securityGroupId,
                r.filters(), FILTERS, r.offset(), r.limit());
        return new Response(page.items().stream()
                .map(g -> new SecurityGroupView(g.securityGroupId(), g.name(), g.description(), "0", true,
                        DefaultNetwork.CREATED_TIME, List.of(), DefaultNetwork.CREATED_TIME))
                .toList(), page.totalCount());
    }
}
