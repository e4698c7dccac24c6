package dev.localcvm.tag;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import java.util.ArrayList;
import java.util.List;

/**
 * TagResources: binds up to 10 tags to up to 10 resources. A key a resource already has takes the new value in
 * place; new keys follow its others. Every resource and tag is checked first, and one that fails refuses the whole
 * request (FailedResources is then never needed, and is empty).
 */
public final class TagResources extends BaseAction<TagResources.Request> {
    private final TagService service;

    public TagResources(TagService service) {
        super("TagResources", Request.class, 20, false);
        this.service = service;
    }

    public record TagParam(String tagKey, String tagValue) {
    }

    public record Request(List<String> resourceList, List<TagParam> tags) {
    }

    public record Response(List<TagService.FailedResource> failedResources) {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        List<Tag> given = TagService.tagsToAdd(r.tags());
        String uin = ctx.account().uin();
        List<ResourceName> resources = service.resources("ResourceList", r.resourceList(), uin);
        service.update(uin, resources, ctx.now(), tags -> merge(tags, given));
        return new Response(List.of());
    }

    /** {@code tags} with {@code given} set: a key already there takes the new value in place, new keys follow. */
    static List<Tag> merge(List<Tag> tags, List<Tag> given) {
        List<Tag> out = new ArrayList<>();
        for (Tag t : tags) {
            out.add(given.stream().filter(g -> g.key().equals(t.key())).findFirst().orElse(t));
        }
        given.stream().filter(g -> out.stream().noneMatch(t -> t.key().equals(g.key()))).forEach(out::add);
        return out;
    }
}
