package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;

/**
 * AddUserToGroup: every pair of Info is checked (the group and the user exist, a group holds at most 100 users and a
 * user joins at most 10 groups) before any joins, so that a refused request changes nothing. A pair already joined
 * stays as it is.
 */
public final class AddUserToGroup extends BaseAction<AddUserToGroup.Request> {
    private final CamService service;

    public AddUserToGroup(CamService service) {
        super("AddUserToGroup", Request.class, 20, false);
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
            for (Memberships.GroupIdOfUidInfo e : info) {
                CamGroup g = CamService.group(tx, owner, e.groupId(), ErrorCode.CAM_GROUP_NOT_EXIST_PARAM);
                CamUser u = Memberships.user(tx, owner, e);
                if (tx.isMember(g.groupId(), u.uin())) {
                    continue;
                }
                // Counted after the pairs before it joined, so that one request cannot pass a limit either.
                if (tx.countMembers(g.groupId()) >= CamRules.MAX_USERS_PER_GROUP) {
                    throw ApiException.of(ErrorCode.CAM_GROUP_USER_FULL, g.groupId());
                }
                if (tx.groupsOf(owner, u.uin()).size() >= CamRules.MAX_GROUPS_PER_USER) {
                    throw ApiException.of(ErrorCode.CAM_USER_GROUP_FULL, u.name());
                }
                tx.addMember(owner, g.groupId(), u.uin(), ctx.now());
            }
            return null;
        });
        return new Response();
    }
}
