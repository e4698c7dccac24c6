package dev.localcvm.sts;

import dev.localcvm.account.AccountService;
import dev.localcvm.account.ApiKey;
import dev.localcvm.account.Principal;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * GetFederationToken: temporary credentials for a federated user named by the caller, limited to the given Policy and,
 * when a sub-user issues them, to what that sub-user may do. The API documents 1800 s by default, at most 7200 s for
 * the root and 129600 s for a sub-user. Only a permanent key (the root's or a sub-user's) may issue them.
 */
public final class GetFederationToken extends BaseAction<GetFederationToken.Request> {
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{2,32}");
    static final long DEFAULT_SECONDS = 1800;
    static final long ROOT_MAX_SECONDS = 7200;
    static final long SUB_USER_MAX_SECONDS = 129600;

    private final AccountService accounts;

    public GetFederationToken(AccountService accounts) {
        super("GetFederationToken", Request.class, 600);
        this.accounts = accounts;
    }

    public record Request(String name, String policy, Long durationSeconds) {
    }

    public record Response(Credentials credentials, long expiredTime, String expiration) {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        if (r.name() == null || r.name().isEmpty()) {
            throw ApiException.missingParameter("Name");
        }
        if (r.policy() == null || r.policy().isEmpty()) {
            throw ApiException.missingParameter("Policy");
        }
        if (!NAME.matcher(r.name()).matches()) {
            throw new ApiException(ErrorCode.STS_PARAM_ERROR, "`Name` must have 2 to 32 characters among letters, "
                    + "digits and `=,.@_-`.");
        }
        String policy = Credentials.sessionPolicy(r.policy());
        Principal caller = ctx.principal();
        if (caller.kind() != Principal.Kind.ROOT && caller.kind() != Principal.Kind.SUB_USER) {
            throw new ApiException(ErrorCode.UNAUTHORIZED_OPERATION,
                    "GetFederationToken needs a permanent key of the root account or of a sub-user.");
        }
        long seconds = Credentials.duration(r.durationSeconds(), DEFAULT_SECONDS,
                caller.isRoot() ? ROOT_MAX_SECONDS : SUB_USER_MAX_SECONDS);
        Principal federated = new Principal(Principal.Kind.FEDERATED, caller.ownerUin(), caller.uin(), r.name(), null,
                null, policy);
        ApiKey key = accounts.createTemporaryKey(federated, Duration.ofSeconds(seconds));
        return new Response(Credentials.of(key), Credentials.expiredTime(key), Credentials.expiration(key));
    }
}
