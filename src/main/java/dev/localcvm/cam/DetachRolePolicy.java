package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;

/** DetachRolePolicy: detaches a policy from a role; one that was not attached stays so, without an error. */
public final class DetachRolePolicy extends BaseAction<DetachRolePolicy.Request> {
    private final CamService service;

    public DetachRolePolicy(CamService service) {
        super("DetachRolePolicy", Request.class, 10, false);
        this.service = service;
    }

    public record Request(Long policyId, String detachRoleId, String detachRoleName, String policyName) {
    }

    public record Response() {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        service.store().write(owner, tx -> {
            CamRoleDetail role = CamService.role(tx, owner, "DetachRoleId", r.detachRoleId(), "DetachRoleName",
                    r.detachRoleName());
            CamPolicy policy = RolePolicies.policy(tx, owner, r.policyId(), r.policyName());
            return tx.detach(owner, CamAttachment.Target.ROLE, role.role().roleId(), policy.policyId());
        });
        return new Response();
    }
}
