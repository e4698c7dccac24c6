package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import java.util.List;

/** GetRole: a role by RoleId or RoleName (exactly one), with its trust policy. Every role here is a user role. */
public final class GetRole extends BaseAction<GetRole.Request> {
    private final CamService service;

    public GetRole(CamService service) {
        super("GetRole", Request.class, 20, false);
        this.service = service;
    }

    public record Request(String roleId, String roleName) {
    }

    public record RoleInfo(String roleId, String roleName, String policyDocument, String description, String addTime,
                           String updateTime, long consoleLogin, String roleType, long sessionDuration,
                           String deletionTaskId, List<CreateRole.RoleTags> tags) {
    }

    public record Response(RoleInfo roleInfo) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        CamRoleDetail d = service.store().read(tx -> CamService.role(tx, ctx.account().uin(), "RoleId", r.roleId(),
                "RoleName", r.roleName()));
        CamRole role = d.role();
        return new Response(new RoleInfo(role.roleId(), role.roleName(), role.trustPolicy(), role.description(),
                CamRules.time(role.createdAt()), CamRules.time(d.updatedAt()), d.consoleLogin(), "user",
                d.sessionDuration(), null, List.of()));
    }
}
