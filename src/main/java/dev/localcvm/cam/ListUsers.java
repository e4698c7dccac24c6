package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import java.util.List;

/** ListUsers: every sub-user of the account, oldest first (the action has no paging). */
public final class ListUsers extends BaseAction<ListUsers.Request> {
    private final CamService service;

    public ListUsers(CamService service) {
        super("ListUsers", Request.class, 20, false);
        this.service = service;
    }

    public record Request() {
    }

    public record SubAccountInfo(long uin, String name, long uid, String remark, long consoleLogin, String phoneNum,
                                 String countryCode, String email, String createTime, String nickName) {
        static SubAccountInfo of(CamUser u) {
            return new SubAccountInfo(Long.parseLong(u.uin()), u.name(), u.uid(), u.remark(), u.consoleLogin(),
                    u.phoneNum(), u.countryCode(), u.email(), CamRules.time(u.createdAt()), null);
        }
    }

    public record Response(List<SubAccountInfo> data) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        return new Response(service.store().read(tx -> tx.users(ctx.account().uin())).stream()
                .map(SubAccountInfo::of).toList());
    }
}
