package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;

/** GetGroup: a user group with its members; an unknown group is FailedOperation (CAM documents no group code here). */
public final class GetGroup extends BaseAction<GetGroup.Request> {
    private final CamService service;

    public GetGroup(CamService service) {
        super("GetGroup", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long groupId) {
    }

    public record Response(long groupId, String groupName, long groupNum, String remark, String createTime,
                           List<GroupViews.GroupMemberInfo> userInfo) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        long id = CamRules.required("GroupId", r.groupId());
        record Read(CamGroup group, List<CamUser> members) {
        }
        Read read = service.store().read(tx -> new Read(tx.group(owner, id).orElseThrow(() -> new ApiException(
                ErrorCode.FAILED_OPERATION, "The user group `" + id + "` does not exist.")), tx.members(owner, id)));
        CamGroup g = read.group();
        return new Response(g.groupId(), g.name(), read.members().size(), g.remark(), CamRules.time(g.createdAt()),
                read.members().stream().map(GroupViews.GroupMemberInfo::of).toList());
    }
}
