package dev.localcvm.tag;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;

/**
 * UnTagResources: removes up to 10 keys from up to 10 resources. A key a resource does not have is no error (the
 * action's documented codes have none for it). The whole request is checked before anything changes.
 */
public final class UnTagResources extends BaseAction<UnTagResources.Request> {
    private final TagService service;

    public UnTagResources(TagService service) {
        super("UnTagResources", Request.class, 20, false);
        this.service = service;
    }

    public record Request(List<String> resourceList, List<String> tagKeys) {
    }

    public record Response(List<TagService.FailedResource> failedResources) {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        if (r.tagKeys() == null || r.tagKeys().isEmpty()) {
            throw ApiException.missingParameter("TagKeys");
        }
        if (r.tagKeys().size() > 10) {
            throw ApiException.of(ErrorCode.TAG_NUM_PER_REQUEST, 10);
        }
        for (int i = 0; i < r.tagKeys().size(); i++) {
            if (r.tagKeys().get(i) == null) {
                throw ApiException.missingParameter("TagKeys." + i);
            }
            TagService.key(r.tagKeys().get(i));
        }
        String uin = ctx.account().uin();
        List<ResourceName> resources = service.resources("ResourceList", r.resourceList(), uin);
        service.update(uin, resources, ctx.now(), tags -> tags.stream().filter(t -> !r.tagKeys().contains(t.key())).toList());
        return new Response(List.of());
    }
}
