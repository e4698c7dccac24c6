package dev.localcvm.cam;

import dev.localcvm.account.Principal;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ErrorCode;
import java.util.List;

/**
 * UpdateAccessKey: sets a key Active or Inactive. An inactive key is refused like an unknown one
 * (AuthFailure.SecretIdNotFound) from the next request on, on every replica: the key cache forgets it.
 */
public final class UpdateAccessKey extends BaseAction<UpdateAccessKey.Request> {
    private final CamService service;

    public UpdateAccessKey(CamService service) {
        super("UpdateAccessKey", Request.class, 20, false);
        this.service = service;
    }

    public record Request(String accessKeyId, String status, Long targetUin) {
    }

    public record Response() {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String id = AccessKeys.accessKeyId(r.accessKeyId());
        String status = CamRules.required("Status", r.status());
        if (!List.of("Active", "Inactive").contains(status)) {
            throw CamRules.param("Status", "must be Active or Inactive");
        }
        Principal p = AccessKeys.owner(service, ctx, r.targetUin());
        if (!service.accounts().setKeyEnabled(p.ownerUin(), p.uin(), id, status.equals("Active"))) {
            throw AccessKeys.notTheirs(service, ctx, id, ErrorCode.CAM_SECRET_NOT_EXIST);
        }
        return new Response();
    }
}
