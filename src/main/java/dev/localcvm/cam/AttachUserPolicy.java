package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ErrorCode;

/**
 * AttachUserPolicy: attaches a custom or preset policy to a sub-user (at most 200 per user); attaching it again
 * changes nothing. The user's next request is judged with it, on every replica.
 */
public final class AttachUserPolicy extends BaseAction<AttachUserPolicy.Request> {
    private final CamService service;

    public AttachUserPolicy(CamService service) {
        super("AttachUserPolicy", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long policyId, Long attachUin) {
    }

    public record Response() {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        long uin = CamRules.required("AttachUin", r.attachUin());
        service.store().write(owner, tx -> {
            CamPolicy policy = CamService.policy(tx, owner, r.policyId(), ErrorCode.CAM_POLICY_ID_NOT_FOUND);
            CamUser user = CamService.user(tx, owner, uin, ErrorCode.CAM_USER_NOT_EXIST);
            CamService.attach(tx, owner, CamAttachment.Target.USER, user.uin(), policy, ctx);
            return null;
        });
        return new Response();
    }
}
