package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ErrorCode;

/** AttachGroupPolicy: attaches a policy to a user group (at most 200 per group); every member is judged with it. */
public final class AttachGroupPolicy extends BaseAction<AttachGroupPolicy.Request> {
    private final CamService service;

    public AttachGroupPolicy(CamService service) {
        super("AttachGroupPolicy", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long policyId, Long attachGroupId) {
    }

    public record Response() {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        long groupId = CamRules.required("AttachGroupId", r.attachGroupId());
        service.store().write(owner, tx -> {
            CamPolicy policy = CamService.policy(tx, owner, r.policyId(), ErrorCode.CAM_POLICY_ID_NOT_FOUND);
            CamGroup group = CamService.group(tx, owner, groupId, ErrorCode.CAM_GROUP_NOT_EXIST);
            CamService.attach(tx, owner, CamAttachment.Target.GROUP, String.valueOf(group.groupId()), policy, ctx);
            return null;
        });
        return new Response();
    }
}
