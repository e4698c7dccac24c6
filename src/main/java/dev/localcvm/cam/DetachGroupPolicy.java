package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ErrorCode;

/** DetachGroupPolicy: detaches a policy from a user group; one that was not attached stays so, without an error. */
public final class DetachGroupPolicy extends BaseAction<DetachGroupPolicy.Request> {
    private final CamService service;

    public DetachGroupPolicy(CamService service) {
        super("DetachGroupPolicy", Request.class, 10, false);
        this.service = service;
    }

    public record Request(Long policyId, Long detachGroupId) {
    }

    public record Response() {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        long groupId = CamRules.required("DetachGroupId", r.detachGroupId());
        service.store().write(owner, tx -> {
            CamPolicy policy = CamService.policy(tx, owner, r.policyId(), ErrorCode.CAM_POLICY_ID_NOT_FOUND);
            CamGroup group = CamService.group(tx, owner, groupId, ErrorCode.CAM_GROUP_NOT_EXIST);
            return tx.detach(owner, CamAttachment.Target.GROUP, String.valueOf(group.groupId()), policy.policyId());
        });
        return new Response();
    }
}
