package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import java.util.List;

/**
 * ListAttachedGroupPolicies: the policies attached to a user group, in the order they were attached, those whose name
 * contains Keyword (any case). Page from 1 (default 1), Rp 1-200 (default 20); an unknown group is
 * InvalidParameter.ParamError, the only parameter code CAM documents for this action.
 */
public final class ListAttachedGroupPolicies extends BaseAction<ListAttachedGroupPolicies.Request> {
    private final CamService service;

    public ListAttachedGroupPolicies(CamService service) {
        super("ListAttachedGroupPolicies", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long targetGroupId, Long page, Long rp, String keyword) {
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
        long groupId = CamRules.required("TargetGroupId", r.targetGroupId());
        CamRules.Page page = CamRules.Page.of(r.page(), r.rp(), Long.MAX_VALUE, 200);
        String keyword = PolicyViews.keyword(r.keyword());
        List<CamAttachment> all = PolicyViews.matching(service.store().read(tx -> {
            tx.group(owner, groupId).orElseThrow(() -> CamRules.param("TargetGroupId",
                    "`" + groupId + "` is not a user group of the account"));
            return tx.attached(owner, CamAttachment.Target.GROUP, String.valueOf(groupId));
        }), keyword);
        return new Response(all.size(),
                page.slice(all).stream().map(a -> PolicyViews.AttachPolicyInfo.of(a, owner)).toList());
    }
}
