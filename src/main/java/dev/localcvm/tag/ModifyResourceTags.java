package dev.localcvm.tag;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * ModifyResourceTags: on one resource, sets the ReplaceTags (a key it has takes the new value in place) and removes
 * the DeleteTags keys, in one change. The Terraform provider changes tags of an existing resource with it.
 */
public final class ModifyResourceTags extends BaseAction<ModifyResourceTags.Request> {
    private final TagService service;

    public ModifyResourceTags(TagService service) {
        super("ModifyResourceTags", Request.class, 20, false);
        this.service = service;
    }

    public record TagKeyObject(String tagKey) {
    }

    public record Request(String resource, List<TagResources.TagParam> replaceTags, List<TagKeyObject> deleteTags) {
    }

    public record Response() {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        if (r.resource() == null || r.resource().isEmpty()) {
            throw ApiException.missingParameter("Resource");
        }
        List<Tag> replace = r.replaceTags() == null || r.replaceTags().isEmpty() ? List.of()
                : TagService.tagsToAdd(r.replaceTags());
        List<String> delete = new ArrayList<>();
        if (r.deleteTags() != null) {
            if (r.deleteTags().size() > 10) {
                throw ApiException.of(ErrorCode.TAG_NUM_PER_REQUEST, 10);
            }
            for (int i = 0; i < r.deleteTags().size(); i++) {
                TagKeyObject k = r.deleteTags().get(i);
                if (k == null || k.tagKey() == null) {
                    throw ApiException.missingParameter("DeleteTags." + i + ".TagKey");
                }
                TagService.key(k.tagKey());
                if (replace.stream().anyMatch(t -> t.key().equals(k.tagKey()))) {
                    throw ApiException.of(ErrorCode.TAG_DELETE_TAGS_PARAM_ERROR, k.tagKey());
                }
                delete.add(k.tagKey());
            }
        }
        String uin = ctx.account().uin();
        List<ResourceName> resource = service.resources("Resource", List.of(r.resource()), uin);
        service.update(uin, resource, ctx.now(), tags -> TagResources.merge(
                tags.stream().filter(t -> !delete.contains(t.key())).toList(), replace));
        return new Response();
    }
}
