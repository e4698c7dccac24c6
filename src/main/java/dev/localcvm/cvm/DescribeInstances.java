package dev.localcvm.cvm;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.tag.Tag;
import java.util.List;
import java.util.Map;

/** DescribeInstances: by ids (request order) or by filters (newest first); destroyed ids are simply absent. */
public final class DescribeInstances extends BaseAction<DescribeInstances.Request> {
    private final CvmService service;
    private final InstanceLister lister;
    private final RenderedInstances rendered = new RenderedInstances();

    public DescribeInstances(CvmService service) {
        super("DescribeInstances", Request.class, 40);
        this.service = service;
        this.lister = new InstanceLister(service);
    }

    public record Filter(String name, List<String> values) {
    }

    public record Request(List<String> instanceIds, List<Filter> filters, Long offset, Long limit) {
    }

    /** Each element of the set is an {@link InstanceView}, already rendered as JSON. */
    public record Response(long totalCount, List<RawValue> instanceSet) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        if (r.instanceIds() != null && r.filters() != null) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "`InstanceIds` and `Filters` cannot be given together.");
        }
        long offset = InstanceLister.offset(r.offset());
        int limit = InstanceLister.limit(r.limit());
        String uin = ctx.account().uin();
        InstanceLister.Page page = r.instanceIds() != null
                ? lister.byIds(uin, ctx.region(), r.instanceIds(), offset, limit, ctx.now())
                : lister.byQuery(uin, ctx.region(), InstanceQuery.of(r.filters() == null ? null : r.filters().stream()
                        .map(f -> new InstanceQuery.Filter(f.name(), f.values())).toList(), ctx.region()),
                        offset, limit, ctx.now());
        Map<String, List<Tag>> tags = service.tagsOf(uin, page.instances().stream().map(Instance::id).toList());
        return new Response(page.totalCount(), page.instances().stream()
                .map(i -> rendered.json(i, tags.getOrDefault(i.id(), List.of()))).toList());
    }
}
