package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import java.util.List;

/**
 * ListAttachedUserPolicies: the policies attached to the sub-user itself (not those of its groups), in the order they
 * were attached. Page from 1 (default 1), Rp 1-200 (default 20). An unknown user is InvalidParameter.ParamError, the
 * only parameter code CAM documents for this action.
 */
public final class ListAttachedUserPolicies extends BaseAction<ListAttachedUserPolicies.Request> {
    private final CamService service;

    public ListAttachedUserPolicies(CamService service) {
        super("ListAttachedUserPolicies", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long targetUin, Long page, Long rp) {
    }

    public record Response(long totalNum, List<PolicyViews.AttachPolicyInfo> list) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        long uin = CamRules.required("TargetUin", r.targetUin());
        CamRules.Page page = CamRules.Page.of(r.page(), r.rp(), Long.MAX_VALUE, 200);
        List<CamAttachment> all = service.store().read(tx -> {
            tx.userByUin(owner, String.valueOf(uin))
                    .orElseThrow(() -> CamRules.param("TargetUin", "`" + uin + "` is not a sub-user of the account"));
            return tx.attached(owner, CamAttachment.Target.USER, String.valueOf(uin));
        });
        return new Response(all.size(),
                page.slice(all).stream().map(a -> PolicyViews.AttachPolicyInfo.of(a, owner)).toList());
    }
}
