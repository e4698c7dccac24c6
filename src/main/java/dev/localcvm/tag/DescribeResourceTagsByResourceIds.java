package dev.localcvm.tag;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.error.ApiException;
import dev.localcvm.store.TagRepository;
import java.util.Comparator;
import java.util.List;

/**
 * DescribeResourceTagsByResourceIds: the tags of up to 50 resources of one service, prefix and region, resource by
 * resource in the order asked, each resource's tags as given. Ids that have no tags (or do not exist) add nothing.
 */
public final class DescribeResourceTagsByResourceIds extends BaseAction<DescribeResourceTagsByResourceIds.Request> {
    private final TagService service;

    public DescribeResourceTagsByResourceIds(TagService service) {
        super("DescribeResourceTagsByResourceIds", Request.class, 100, false);
        this.service = service;
    }

    public record Request(String serviceType, String resourcePrefix, List<String> resourceIds, String resourceRegion,
                          Long offset, Long limit, String category) {
    }

    public record Response(long totalCount, long offset, long limit, List<TagService.TagResource> tags) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        required("ServiceType", r.serviceType());
        required("ResourcePrefix", r.resourcePrefix());
        if (r.resourceIds() == null || r.resourceIds().isEmpty()) {
            throw ApiException.missingParameter("ResourceIds");
        }
        Checks.count("ResourceIds", r.resourceIds(), 50);
        if (r.resourceRegion() == null) {
            throw ApiException.missingParameter("ResourceRegion");
        }
        TagService.region(r.resourceRegion());
        Checks.oneOf("Category", r.category(), List.of("Custom", "System", "All"));
        TagService.Page page = TagService.Page.of(r.offset(), r.limit(), 1000);
        List<String> ids = r.resourceIds().stream().distinct().toList();
        List<TagRepository.Row> rows = "System".equals(r.category()) ? List.of()
                : service.rows(ctx.account().uin(), r.serviceType(), r.resourcePrefix(),
                        r.resourceRegion().isEmpty() ? null : r.resourceRegion(), ids, ctx.now());
        // Resource by resource in the order asked; the store gives each one's tags in their own order.
        List<TagRepository.Row> ordered = rows.stream()
                .sorted(Comparator.comparingInt(row -> ids.indexOf(row.resource().id()))).toList();
        return new Response(ordered.size(), page.offset(), page.limit(),
                page.slice(ordered).stream().map(TagService.TagResource::of).toList());
    }

    static void required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.missingParameter(name);
        }
    }
}
