package dev.localcvm.cvm;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.JsonOutput;
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
    private final PreparedPages pages = new PreparedPages();

    public DescribeInstances(CvmService service) {
        super("DescribeInstances", Request.class, 40);
        this.service = service;
        this.lister = new InstanceLister(service);
    }

    public record Filter(String name, List<String> values) {
    }

    public record Request(List<String> instanceIds, List<Filter> filters, Long offset, Long limit) {
    }

    /**
     * Each element of the set is an {@link InstanceView}, already rendered as JSON. The action writes the bytes
     * that serialising this record writes (see {@link #page}); the record states the shape.
     */
    public record Response(long totalCount, List<RawValue> instanceSet) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public JsonOutput execute(Request r, CallContext ctx) {
        // The due check, the count, the page and the tag probe on one connection instead of one each.
        return service.instances().onOneConnection(() -> list(r, ctx));
    }

    private JsonOutput list(Request r, CallContext ctx) {
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
        return pages.page(new PageKey(uin, ctx.region(), r), page.totalCount(), renderings(rendered, page.instances(), tags));
    }

    /**
     * What names a page: records compare every field, lists included. (The request's text did the same, but building
     * it cost more than the comparison.)
     */
    private record PageKey(String uin, String region, Request request) {
    }

    /** Each instance's cached rendering with its tags, in page order. */
    static byte[][] renderings(RenderedInstances rendered, List<Instance> instances, Map<String, List<Tag>> tags) {
        byte[][] out = new byte[instances.size()][];
        for (int k = 0; k < out.length; k++) {
            Instance i = instances.get(k);
            out[k] = rendered.utf8(i, tags.getOrDefault(i.id(), List.of()));
        }
        return out;
    }
}
