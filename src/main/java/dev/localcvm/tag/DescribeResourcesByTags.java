package dev.localcvm.tag;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.store.TagRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DescribeResourcesByTags: the resources that match every TagFilter (a filter matches a resource that has its key
 * with one of its values, or with any value when it lists none), each with all its tags.
 */
public final class DescribeResourcesByTags extends BaseAction<DescribeResourcesByTags.Request> {
    private static final int MAX_FILTER_VALUES = 6;
    private final TagService service;

    public DescribeResourcesByTags(TagService service) {
        super("DescribeResourcesByTags", Request.class, 100, false);
        this.service = service;
    }

    public record TagFilter(String tagKey, List<String> tagValue) {
    }

    public record Request(List<TagFilter> tagFilters, Long createUin, Long offset, Long limit, String resourcePrefix,
                          String resourceId, String resourceRegion, String serviceType) {
    }

    public record TagParam(String tagKey, String tagValue) {
    }

    public record ResourceTag(String resourceRegion, String serviceType, String resourcePrefix, String resourceId,
                              List<TagParam> tags) {
    }

    public record Response(long totalCount, long offset, long limit, List<ResourceTag> rows) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        if (r.tagFilters() == null || r.tagFilters().isEmpty()) {
            throw new ApiException(ErrorCode.TAG_FILTERS, "`TagFilters` must name at least one tag key.");
        }
        Checks.count("TagFilters", r.tagFilters(), 6);
        for (int i = 0; i < r.tagFilters().size(); i++) {
            TagFilter f = r.tagFilters().get(i);
            if (f == null || f.tagKey() == null || f.tagKey().isEmpty()) {
                throw ApiException.missingParameter("TagFilters." + i + ".TagKey");
            }
            if (f.tagValue() != null && f.tagValue().size() > MAX_FILTER_VALUES) {
                throw ApiException.of(ErrorCode.TAG_FILTERS_LENGTH_EXCEEDED, Checks.quote(f.tagKey()));
            }
        }
        TagService.region(r.resourceRegion());
        TagService.Page page = TagService.Page.of(r.offset(), r.limit(), 1000);
        String uin = ctx.account().uin();
        if (r.createUin() != null && !String.valueOf(r.createUin()).equals(uin)) {
            return new Response(0, page.offset(), page.limit(), List.of());
        }
        Map<ResourceName, List<Tag>> byResource = new LinkedHashMap<>();
        for (TagRepository.Row row : service.rows(uin, DescribeResourceTags.blankIsAny(r.serviceType()),
                DescribeResourceTags.blankIsAny(r.resourcePrefix()), DescribeResourceTags.blankIsAny(r.resourceRegion()),
                r.resourceId() == null || r.resourceId().isEmpty() ? null : List.of(r.resourceId()), ctx.now())) {
            byResource.computeIfAbsent(row.resource(), k -> new ArrayList<>()).add(row.tag());
        }
        List<ResourceTag> matched = byResource.entrySet().stream()
                .filter(e -> r.tagFilters().stream().allMatch(f -> e.getValue().stream().anyMatch(t -> t.key().equals(f.tagKey())
                        && (f.tagValue() == null || f.tagValue().isEmpty() || f.tagValue().contains(t.value())))))
                .map(e -> new ResourceTag(e.getKey().region(), e.getKey().service(), e.getKey().prefix(), e.getKey().id(),
                        e.getValue().stream().map(t -> new TagParam(t.key(), t.value())).toList()))
                .toList();
        return new Response(matched.size(), page.offset(), page.limit(), page.slice(matched));
    }
}
