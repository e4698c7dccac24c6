package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ErrorCode;

/** DetachUserPolicy: detaches a policy from a sub-user; one that was not attached stays so, without an error. */
public final class DetachUserPolicy extends BaseAction<DetachUserPolicy.Request> {
    private final CamService service;

    public DetachUserPolicy(CamService service) {
        super("DetachUserPolicy", Request.class, 10, false);
        this.service = service;
    }

    public record Request(Long policyId, Long detachUin) {
    }

    public record Response() {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        long uin = CamRules.required("DetachUin", r.detachUin());
        service.store().write(owner, tx -> {
            CamPolicy policy = CamService.policy(tx, owner, r.policyId(), ErrorCode.CAM_POLICY_ID_NOT_FOUND);
            CamUser user = CamService.user(tx, owner, uin, ErrorCode.CAM_USER_NOT_EXIST);
            return tx.detach(owner, CamAttachment.Target.USER, user.uin(), policy.policyId());
        });
        return new Response();
    }
}
