package dev.localcvm.cvm;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import java.util.List;

/** DescribeInstancesStatus: ids and states only, with DescribeInstances' ordering and absence rules. */
public final class DescribeInstancesStatus extends BaseAction<DescribeInstancesStatus.Request> {
    private final InstanceLister lister;

    public DescribeInstancesStatus(CvmService service) {
        super("DescribeInstancesStatus", Request.class, 40);
        this.lister = new InstanceLister(service);
    }

    public record Request(List<String> instanceIds, Long offset, Long limit) {
    }

    public record InstanceStatus(String instanceId, String instanceState) {
    }

    public record Response(long totalCount, List<InstanceStatus> instanceStatusSet) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        long offset = InstanceLister.offset(r.offset());
        int limit = InstanceLister.limit(r.limit());
        String uin = ctx.account().uin();
        InstanceLister.Page page = r.instanceIds() != null
                ? lister.byIds(uin, ctx.region(), r.instanceIds(), offset, limit, ctx.now())
                : lister.byQuery(uin, ctx.region(), InstanceQuery.of(null, ctx.region()), offset, limit, ctx.now());
        return new Response(page.totalCount(), page.instances().stream()
                .map(i -> new InstanceStatus(i.id(), i.state().name())).toList());
    }
}
