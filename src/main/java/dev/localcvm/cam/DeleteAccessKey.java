package dev.localcvm.cam;

import dev.localcvm.account.Principal;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ErrorCode;

/**
 * DeleteAccessKey: deletes a key of the sub-user TargetUin names, or of the caller; it stops authenticating with the
 * answer. A key that is not theirs is OperationDenied.UinNotMatch, the only refusal CAM documents for it.
 */
public final class DeleteAccessKey extends BaseAction<DeleteAccessKey.Request> {
    private final CamService service;

    public DeleteAccessKey(CamService service) {
        super("DeleteAccessKey", Request.class, 20, false);
        this.service = service;
    }

    public record Request(String accessKeyId, Long targetUin) {
    }

    public record Response() {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String id = AccessKeys.accessKeyId(r.accessKeyId());
        Principal p = AccessKeys.owner(service, ctx, r.targetUin());
        if (!service.accounts().deleteKey(p.ownerUin(), p.uin(), id)) {
            throw AccessKeys.notTheirs(service, ctx, id, ErrorCode.CAM_UIN_NOT_MATCH);
        }
        return new Response();
    }
}
