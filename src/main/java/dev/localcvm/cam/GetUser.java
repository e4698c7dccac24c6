package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;

/** GetUser: one sub-user by name. localcvm records no console logins, so the last login's address and time are null. */
public final class GetUser extends BaseAction<GetUser.Request> {
    private final CamService service;

    public GetUser(CamService service) {
        super("GetUser", Request.class, 20, false);
        this.service = service;
    }

    public record Request(String name) {
    }

    public record Response(long uin, String name, long uid, String remark, long consoleLogin, String phoneNum,
                           String countryCode, String email, String recentlyLoginIP, String recentlyLoginTime) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String name = CamRules.required("Name", r.name());
        CamUser u = service.store().read(tx -> tx.userByName(ctx.account().uin(), name))
                .orElseThrow(() -> ApiException.of(ErrorCode.CAM_USER_NOT_EXIST, Checks.quote(name)));
        return new Response(Long.parseLong(u.uin()), u.name(), u.uid(), u.remark(), u.consoleLogin(), u.phoneNum(),
                u.countryCode(), u.email(), null, null);
    }
}
