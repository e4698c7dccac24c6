package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;

/**
 * AttachRolePolicy: attaches a policy (PolicyId or PolicyName) to a role (AttachRoleId or AttachRoleName), at most
 * 200 per role; its sessions' next requests are judged with it.
 */
public final class AttachRolePolicy extends BaseAction<AttachRolePolicy.Request> {
    private final CamService service;

    public AttachRolePolicy(CamService service) {
        super("AttachRolePolicy", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long policyId, String attachRoleId, String attachRoleName, String policyName) {
    }

    public record Response() {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        service.store().write(owner, tx -> {
            CamRoleDetail role = CamService.role(tx, owner, "AttachRoleId", r.attachRoleId(), "AttachRoleName",
                    r.attachRoleName());
            CamPolicy policy = RolePolicies.policy(tx, owner, r.policyId(), r.policyName());
            CamService.attach(tx, owner, CamAttachment.Target.ROLE, role.role().roleId(), policy, ctx);
            return null;
        });
        return new Response();
    }
}
