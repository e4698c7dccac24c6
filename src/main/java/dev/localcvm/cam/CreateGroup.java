package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;

/** CreateGroup: a user group; its id comes from one counter shared by all accounts, so ids are never reused. */
public final class CreateGroup extends BaseAction<CreateGroup.Request> {
    private final CamService service;

    public CreateGroup(CamService service) {
        super("CreateGroup", Request.class, 20, false);
        this.service = service;
    }

    public record Request(String groupName, String remark) {
    }

    public record Response(long groupId) {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        String name = CamRules.groupName(r.groupName());
        String remark = CamRules.text("Remark", r.remark(), 300);
        long id = service.store().write(owner, tx -> {
            if (tx.groupNameTaken(owner, name)) {
                throw ApiException.of(ErrorCode.CAM_GROUP_NAME_IN_USE, name);
            }
            if (tx.countGroups(owner) >= CamRules.MAX_GROUPS) {
                throw new ApiException(ErrorCode.CAM_GROUP_FULL, ErrorCode.CAM_GROUP_FULL.message(null));
            }
            long groupId = tx.nextId("cam.group_id", CamService.FIRST_GROUP_ID);
            tx.insertGroup(new CamGroup(groupId, owner, name, remark, ctx.now()));
            return groupId;
        });
        return new Response(id);
    }
}
