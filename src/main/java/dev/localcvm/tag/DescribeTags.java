package dev.localcvm.tag;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import java.util.Comparator;
import java.util.List;

/**
 * DescribeTags: the account's distinct key-value pairs, by key then value. Every tag here is bound to a resource (a
 * tag lives only on resources), so none can be deleted on its own: CanDelete is 0.
 */
public final class DescribeTags extends BaseAction<DescribeTags.Request> {
    private final TagService service;

    public DescribeTags(TagService service) {
        super("DescribeTags", Request.class, 60, false);
        this.service = service;
    }

    public record Request(String tagKey, String tagValue, Long offset, Long limit, Long createUin, List<String> tagKeys,
                          Long showProject) {
    }

    public record TagWithDelete(String tagKey, String tagValue, long canDelete, String category) {
    }

    public record Response(long totalCount, long offset, long limit, List<TagWithDelete> tags) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        TagService.Page page = TagService.Page.of(r.offset(), r.limit(), 1000);
        Checks.count("TagKeys", r.tagKeys(), 1000);
        Checks.range("ShowProject", r.showProject(), 0, 1);
        String uin = ctx.account().uin();
        boolean none = r.createUin() != null && !String.valueOf(r.createUin()).equals(uin);
        List<Tag> pairs = none ? List.of() : service.rows(uin, null, null, null, null, ctx.now()).stream()
                .map(dev.localcvm.store.TagRepository.Row::tag)
                // TagKeys, when given, takes the place of TagKey (the docs' precedence).
                .filter(t -> r.tagKeys() != null ? r.tagKeys().contains(t.key())
                        : (r.tagKey() == null || r.tagKey().equals(t.key()))
                        && (r.tagValue() == null || r.tagValue().equals(t.value())))
                .distinct().sorted(Comparator.comparing(Tag::key).thenComparing(Tag::value)).toList();
        return new Response(pairs.size(), page.offset(), page.limit(),
                page.slice(pairs).stream().map(t -> new TagWithDelete(t.key(), t.value(), 0, "Custom")).toList());
    }
}
