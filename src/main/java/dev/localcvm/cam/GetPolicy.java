package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ErrorCode;

/** GetPolicy: a custom policy of the account (type 1) or a preset (type 2, without times), with its document. */
public final class GetPolicy extends BaseAction<GetPolicy.Request> {
    private final CamService service;

    public GetPolicy(CamService service) {
        super("GetPolicy", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long policyId) {
    }

    public record Response(String policyName, String description, long type, String addTime, String updateTime,
                           String policyDocument, String presetAlias, long isServiceLinkedRolePolicy) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        CamPolicy p = service.store().read(tx -> CamService.policy(tx, ctx.account().uin(), r.policyId(),
                ErrorCode.CAM_POLICY_ID_NOT_FOUND));
        return new Response(p.name(), p.description(), p.type(), CamRules.time(p.createdAt()),
                CamRules.time(p.updatedAt()), p.document(), null, 0);
    }
}
