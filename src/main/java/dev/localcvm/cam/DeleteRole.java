package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;

/**
 * DeleteRole: deletes a role (by RoleId or RoleName) and detaches its policies in one transaction; its sessions' next
 * requests find no policy and are refused.
 */
public final class DeleteRole extends BaseAction<DeleteRole.Request> {
    private final CamService service;

    public DeleteRole(CamService service) {
        super("DeleteRole", Request.class, 20, false);
        this.service = service;
    }

    public record Request(String roleId, String roleName) {
    }

    public record Response() {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        service.store().write(owner, tx -> {
            CamRoleDetail d = CamService.role(tx, owner, "RoleId", r.roleId(), "RoleName", r.roleName());
            tx.deleteRole(owner, d.role().roleId());
            return null;
        });
        return new Response();
    }
}
