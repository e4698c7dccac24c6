package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ErrorCode;
import java.util.List;

/** ListUsersForGroup: a user group's members in the order they joined; Page/Rp paging. */
public final class ListUsersForGroup extends BaseAction<ListUsersForGroup.Request> {
    private final CamService service;

    public ListUsersForGroup(CamService service) {
        super("ListUsersForGroup", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long groupId, Long page, Long rp) {
    }

    public record Response(long totalNum, List<GroupViews.GroupMemberInfo> userInfo) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        long id = CamRules.required("GroupId", r.groupId());
        CamRules.Page page = CamRules.Page.of(r.page(), r.rp(), Long.MAX_VALUE, 200);
        List<CamUser> all = service.store().read(tx -> {
            CamService.group(tx, owner, id, ErrorCode.CAM_GROUP_NOT_EXIST);
            return tx.members(owner, id);
        });
        return new Response(all.size(), page.slice(all).stream().map(GroupViews.GroupMemberInfo::of).toList());
    }
}
