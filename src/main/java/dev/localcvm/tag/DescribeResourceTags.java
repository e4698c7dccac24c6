package dev.localcvm.tag;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.store.TagRepository;
import java.util.List;

/** DescribeResourceTags: the account's tag bindings, narrowed by whichever of region, service, prefix, id are given. */
public final class DescribeResourceTags extends BaseAction<DescribeResourceTags.Request> {
    private final TagService service;

    public DescribeResourceTags(TagService service) {
        super("DescribeResourceTags", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long createUin, String resourceRegion, String serviceType, String resourcePrefix,
                          String resourceId, Long offset, Long limit, Long cosResourceId) {
    }

    public record Response(long totalCount, long offset, long limit, List<TagService.TagResource> rows) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        TagService.region(r.resourceRegion());
        Checks.range("CosResourceId", r.cosResourceId(), 0, 1);
        TagService.Page page = TagService.Page.of(r.offset(), r.limit(), 1000);
        String uin = ctx.account().uin();
        // Every resource here was created by its owner; COS buckets are not served.
        boolean none = (r.createUin() != null && !String.valueOf(r.createUin()).equals(uin))
                || Long.valueOf(1).equals(r.cosResourceId());
        List<TagRepository.Row> rows = none ? List.of() : service.rows(uin, blankIsAny(r.serviceType()),
                blankIsAny(r.resourcePrefix()), blankIsAny(r.resourceRegion()),
                r.resourceId() == null || r.resourceId().isEmpty() ? null : List.of(r.resourceId()), ctx.now());
        return new Response(rows.size(), page.offset(), page.limit(),
                page.slice(rows).stream().map(TagService.TagResource::of).toList());
    }

    static String blankIsAny(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
