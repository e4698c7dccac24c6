package dev.localcvm.sts;

import dev.localcvm.account.Principal;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;

/**
 * GetCallerIdentity: who signed the request. The values follow the API's documented examples: a cloud account (the
 * root or a sub-user) is {@code CAMUser} with Arn {@code qcs::cam:<owner>:uin/<uin>}; a role session is
 * {@code CAMRole} with Arn {@code qcs::sts:<owner>:assumed-role/<roleId>} and UserId {@code <roleId>:<session name>};
 * a federated user is {@code CAMUser} with Arn {@code qcs::sts:<owner>:federated-user/<issuer uin>} and UserId
 * {@code <issuer uin>:<name>}. Every signer may call it, whatever its policies say.
 */
public final class GetCallerIdentity extends BaseAction<GetCallerIdentity.Request> {
    public GetCallerIdentity() {
        super("GetCallerIdentity", Request.class, 20);
    }

    public record Request() {
    }

    public record Response(String arn, String accountId, String userId, String principalId, String type) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public boolean camAuthorized() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        Principal p = ctx.principal();
        String owner = ctx.account().uin();
        return switch (p.kind()) {
            case ROOT -> new Response("qcs::cam:" + owner + ":uin/" + owner, owner, owner, owner, "CAMUser");
            case SUB_USER -> new Response("qcs::cam:" + owner + ":uin/" + p.uin(), owner, p.uin(), p.uin(), "CAMUser");
            // Who assumed the role is not kept with the session; the account stands for it.
            case ROLE_SESSION -> new Response("qcs::sts:" + owner + ":assumed-role/" + p.roleId(), owner,
                    p.roleId() + ":" + p.sessionName(), owner, "CAMRole");
            case FEDERATED -> {
                String issuer = p.uin() == null ? owner : p.uin();
                yield new Response("qcs::sts:" + owner + ":federated-user/" + issuer, owner, issuer + ":" + p.name(),
                        issuer, "CAMUser");
            }
        };
    }
}
