package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;

/**
 * DeleteUser: the sub-user, its group memberships, attached policies and API keys go in one transaction. A user with
 * keys is only deleted with Force=1 (else OperationDenied.HaveKeys); its keys stop working with the answer.
 */
public final class DeleteUser extends BaseAction<DeleteUser.Request> {
    private final CamService service;

    public DeleteUser(CamService service) {
        super("DeleteUser", Request.class, 20, false);
        this.service = service;
    }

    public record Request(String name, Long force) {
    }

    public record Response() {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        String name = CamRules.required("Name", r.name());
        boolean force = CamRules.flag("Force", r.force(), 0) == 1;
        List<String> deletedKeys = service.store().write(owner, tx -> {
            CamUser u = tx.userByName(owner, name)
                    .orElseThrow(() -> ApiException.of(ErrorCode.CAM_USER_NOT_EXIST, Checks.quote(name)));
            if (!force && !tx.keys(owner, u.uin()).isEmpty()) {
                throw ApiException.of(ErrorCode.CAM_HAVE_KEYS, name);
            }
            return tx.deleteUser(owner, u.uin());
        });
        service.accounts().forget(deletedKeys);
        return new Response();
    }
}
