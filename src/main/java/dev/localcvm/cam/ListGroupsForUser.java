package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;

/** ListGroupsForUser: the groups a sub-user (SubUin, else Uid) belongs to, in id order; Page/Rp paging. */
public final class ListGroupsForUser extends BaseAction<ListGroupsForUser.Request> {
    private final CamService service;

    public ListGroupsForUser(CamService service) {
        super("ListGroupsForUser", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long uid, Long rp, Long page, Long subUin) {
    }

    public record Response(long totalNum, List<GroupViews.GroupInfo> groupInfo) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        CamRules.Page page = CamRules.Page.of(r.page(), r.rp(), Long.MAX_VALUE, 200);
        if (r.subUin() == null && r.uid() == null) {
            throw ApiException.missingParameter("SubUin");
        }
        List<CamGroup> all = service.store().read(tx -> {
            CamUser u = r.subUin() != null ? CamService.user(tx, owner, r.subUin(), ErrorCode.CAM_USER_NOT_EXIST)
                    : tx.userByUid(owner, r.uid()).orElseThrow(() -> ApiException.of(ErrorCode.CAM_USER_NOT_EXIST,
                            r.uid()));
            return tx.groupsOf(owner, u.uin());
        });
        return new Response(all.size(), page.slice(all).stream().map(GroupViews.GroupInfo::of).toList());
    }
}
