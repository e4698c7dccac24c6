package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.error.ApiException;
import java.util.List;

/**
 * ListAttachedRolePolicies: the policies attached to a role (RoleId or RoleName), in the order they were attached;
 * PolicyType User or QCS keeps custom or preset ones, Keyword names containing it (any case). Page from 1 (default 1),
 * Rp 1-200 (default 20).
 */
public final class ListAttachedRolePolicies extends BaseAction<ListAttachedRolePolicies.Request> {
    private final CamService service;

    public ListAttachedRolePolicies(CamService service) {
        super("ListAttachedRolePolicies", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long page, Long rp, String roleId, String roleName, String policyType, String keyword) {
    }

    public record AttachedPolicyOfRole(long policyId, String policyName, String addTime, String policyType,
                                       long createMode, long deactived, List<String> deactivedDetail,
                                       String description) {
    }

    public record Response(List<AttachedPolicyOfRole> list, long totalNum) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        CamRules.Page page = CamRules.Page.of(r.page(), r.rp(), Long.MAX_VALUE, 200);
        String type = r.policyType();
        if (type != null && !List.of("User", "QCS").contains(type)) {
            throw CamRules.param("PolicyType", "`" + Checks.quote(type) + "` is not one of User, QCS");
        }
        String keyword = PolicyViews.keyword(r.keyword());
        List<CamAttachment> all = PolicyViews.matching(service.store().read(tx -> {
            CamRoleDetail role;
            try {
                role = CamService.role(tx, owner, "RoleId", r.roleId(), "RoleName", r.roleName());
            } catch (ApiException e) {
                // InvalidParameter.ParamError is the only parameter code CAM documents for this action.
                throw CamRules.param("RoleId", "or `RoleName` does not name a role of the account");
            }
            return tx.attached(owner, CamAttachment.Target.ROLE, role.role().roleId());
        }), keyword).stream().filter(a -> type == null || PolicyViews.policyType(a.policy()).equals(type)).toList();
        return new Response(page.slice(all).stream().map(a -> new AttachedPolicyOfRole(a.policy().policyId(),
                a.policy().name(), CamRules.time(a.attachedAt()), PolicyViews.policyType(a.policy()), PolicyViews.SYNTAX,
                0, List.of(), a.policy().description())).toList(), all.size());
    }
}
