package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;

/**
 * RemoveUserFromGroup (the action CAM names RemoveUserFromGroup; the "RemoveUserFromGroups"): takes each user of
 * Info out of its group. Every pair is resolved first; a group that does not exist is FailedOperation (CAM documents
 * no group code for this action), a user who is not a member is left as is.
 */
public final class RemoveUserFromGroup extends BaseAction<RemoveUserFromGroup.Request> {
    private final CamService service;

    public RemoveUserFromGroup(CamService service) {
        super("RemoveUserFromGroup", Request.class, 20, false);
        this.service = service;
    }

    public record Request(List<Memberships.GroupIdOfUidInfo> info) {
    }

    public record Response() {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        List<Memberships.GroupIdOfUidInfo> info = Memberships.info(r.info());
        service.store().write(owner, tx -> {
            List<Memberships.Pair> pairs = info.stream().map(e -> new Memberships.Pair(
                    tx.group(owner, e.groupId()).orElseThrow(() -> new ApiException(ErrorCode.FAILED_OPERATION,
                            "The user group `" + e.groupId() + "` does not exist.")),
                    Memberships.user(tx, owner, e))).toList();
            pairs.forEach(p -> tx.removeMember(p.group().groupId(), p.user().uin()));
            return null;
        });
        return new Response();
    }
}
