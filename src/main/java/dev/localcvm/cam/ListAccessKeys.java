package dev.localcvm.cam;

import dev.localcvm.account.Principal;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import java.util.List;

/** ListAccessKeys: the permanent keys of the sub-user TargetUin names, or of the caller; never their secrets. */
public final class ListAccessKeys extends BaseAction<ListAccessKeys.Request> {
    private final CamService service;

    public ListAccessKeys(CamService service) {
        super("ListAccessKeys", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long targetUin) {
    }

    public record Response(List<AccessKeys.AccessKey> accessKeys) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        Principal p = AccessKeys.owner(service, ctx, r.targetUin());
        return new Response(AccessKeys.keys(service, p).stream().map(AccessKeys.AccessKey::of).toList());
    }
}
