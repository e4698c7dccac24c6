package dev.localcvm.cam;

import dev.localcvm.account.AccountService;
import dev.localcvm.account.Principal;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;

/**
 * CreateAccessKey: a new API key for the sub-user TargetUin names, or for the caller without it. The count of two keys
 * and the user's existence are checked in the transaction that inserts the key, so that neither a concurrent
 * CreateAccessKey nor a DeleteUser can slip between them.
 */
public final class CreateAccessKey extends BaseAction<CreateAccessKey.Request> {
    private final CamService service;

    public CreateAccessKey(CamService service) {
        super("CreateAccessKey", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long targetUin) {
    }

    public record AccessKeyDetail(String accessKeyId, String secretAccessKey, String status, String createTime) {
    }

    public record Response(AccessKeyDetail accessKey) {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        AccountService.KeyPair key = service.accounts().newKeyPair();
        service.store().write(owner, tx -> {
            Principal p = CamService.keyOwner(tx, ctx, r.targetUin());
            if (tx.keys(owner, p.uin()).size() >= CamRules.MAX_KEYS) {
                throw new ApiException(ErrorCode.CAM_ACCESS_KEY_OVER_LIMIT,
                        ErrorCode.CAM_ACCESS_KEY_OVER_LIMIT.message(null));
            }
            tx.insertKey(p, key.secretId(), key.secretKey(), ctx.now());
            return p;
        });
        return new Response(new AccessKeyDetail(key.secretId(), key.secretKey(), AccessKeys.status(true),
                CamRules.time(ctx.now())));
    }
}
