package dev.localcvm.sts;

import dev.localcvm.account.AccountService;
import dev.localcvm.account.ApiKey;
import dev.localcvm.account.Principal;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cam.CamDirectory;
import dev.localcvm.cam.CamRole;
import dev.localcvm.cam.policy.PolicyDocument;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AssumeRole: temporary credentials that sign as a session of a role. The caller must be admitted by the role's trust
 * policy; a caller that is not the root must also be allowed {@code sts:AssumeRole} on the role by its own policies,
 * which the gateway's authorizer checks against {@link #camResources} before this runs. The session may do what the
 * role's policies allow, narrowed by the optional session Policy; its key expires on the server clock.
 */
public final class AssumeRole extends BaseAction<AssumeRole.Request> {
    /** Both documented forms: {@code …:roleName/<name>} and {@code …:role/<roleId>}, service roles included. */
    static final Pattern ROLE_ARN = Pattern.compile(
            "qcs::cam::uin/(\\d{1,20}):(roleName|role|role/tencentcloudServiceRoleName|role/tencentcloudServiceRole)/"
                    + "([\\w+=,.@-]{1,128})");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,128}");
    static final long DEFAULT_SECONDS = 7200;
    static final long MAX_SECONDS = 43200;

    private final AccountService accounts;
    private final CamDirectory directory;

    public AssumeRole(AccountService accounts, CamDirectory directory) {
        super("AssumeRole", Request.class, 600);
        this.accounts = accounts;
        this.directory = directory;
    }

    public record Tag(String key, String value) {
    }

    public record Request(String roleArn, String roleSessionName, Long durationSeconds, String policy, String externalId,
                          List<Tag> tags, String sourceIdentity) {
    }

    public record Response(Credentials credentials, long expiredTime, String expiration) {
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        return r.roleArn() != null && ROLE_ARN.matcher(r.roleArn()).matches() ? List.of(r.roleArn()) : List.of();
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        if (r.roleArn() == null || r.roleArn().isEmpty()) {
            throw ApiException.missingParameter("RoleArn");
        }
        if (r.roleSessionName() == null || r.roleSessionName().isEmpty()) {
            throw ApiException.missingParameter("RoleSessionName");
        }
        Matcher arn = ROLE_ARN.matcher(r.roleArn());
        if (!arn.matches()) {
            throw new ApiException(ErrorCode.STS_PARAM_ERROR, "`RoleArn` must be `qcs::cam::uin/<uin>:roleName/<name>` "
                    + "or `qcs::cam::uin/<uin>:role/<roleId>`.");
        }
        if (!Credentials.SESSION_NAME.matcher(r.roleSessionName()).matches()) {
            throw new ApiException(ErrorCode.STS_PARAM_ERROR, "`RoleSessionName` must have 2 to 128 characters among "
                    + "letters, digits and `=,.@_-`.");
        }
        if (r.externalId() != null && !EXTERNAL_ID.matcher(r.externalId()).matches()) {
            throw new ApiException(ErrorCode.STS_PARAM_ERROR, "`ExternalId` must have 2 to 128 characters among "
                    + "letters, digits and `=,.@:/_-`.");
        }
        checkTags(r.tags());
        String policy = r.policy() == null || r.policy().isEmpty() ? null : Credentials.sessionPolicy(r.policy());
        CamRole role = find(arn.group(1), arn.group(2), arn.group(3))
                .orElseThrow(() -> new ApiException(ErrorCode.STS_ROLE_NOT_FOUND,
                        "The role `" + r.roleArn() + "` does not exist."));
        long seconds = Credentials.duration(r.durationSeconds(), DEFAULT_SECONDS,
                Math.min(MAX_SECONDS, role.maxSessionDuration()));
        String caller = callerQcs(ctx);
        if (!trusts(role, caller)) {
            throw new ApiException(ErrorCode.UNAUTHORIZED_OPERATION, "you are not authorized to perform operation "
                    + "(sts:AssumeRole)\nresource (" + r.roleArn() + ") has no permission\n");
        }
        Principal session = new Principal(Principal.Kind.ROLE_SESSION, role.ownerUin(), null, role.roleName(),
                role.roleId(), r.roleSessionName(), policy);
        ApiKey key = accounts.createTemporaryKey(session, Duration.ofSeconds(seconds));
        return new Response(Credentials.of(key), Credentials.expiredTime(key), Credentials.expiration(key));
    }

    private Optional<CamRole> find(String owner, String form, String nameOrId) {
        return form.endsWith("Name") ? directory.roleByName(owner, nameOrId) : directory.roleById(owner, nameOrId);
    }

    /** A trust policy that no longer parses admits nobody. */
    private static boolean trusts(CamRole role, String callerQcs) {
        try {
            return PolicyDocument.parse(role.trustPolicy()).trusts(callerQcs);
        } catch (ApiException e) {
            return false;
        }
    }

    /** The caller as a trust policy's {@code principal.qcs} names it. */
    static String callerQcs(CallContext ctx) {
        Principal p = ctx.principal();
        String owner = ctx.account().uin();
        return switch (p.kind()) {
            case ROOT -> "qcs::cam::uin/" + owner + ":root";
            case SUB_USER -> "qcs::cam::uin/" + owner + ":uin/" + p.uin();
            case ROLE_SESSION -> "qcs::sts:" + owner + ":assumed-role/" + p.roleId();
            case FEDERATED -> "qcs::sts:" + owner + ":federated-user/" + (p.uin() == null ? owner : p.uin());
        };
    }

    /** At most 50 session tags, each with a key, no key twice. */
    private static void checkTags(List<Tag> tags) {
        if (tags == null) {
            return;
        }
        if (tags.size() > 50) {
            throw new ApiException(ErrorCode.STS_PARAM_ERROR, "At most 50 `Tags` may be given.");
        }
        Set<String> keys = new HashSet<>();
        for (Tag t : tags) {
            if (t == null || t.key() == null || t.key().isEmpty() || t.key().length() > 128
                    || (t.value() != null && t.value().length() > 256)) {
                throw new ApiException(ErrorCode.STS_PARAM_ERROR, "Each of `Tags` needs a `Key` of 1 to 128 characters "
                        + "and a `Value` of at most 256.");
            }
            if (!keys.add(t.key())) {
                throw new ApiException(ErrorCode.STS_PARAM_ERROR, "The tag key `" + t.key() + "` is given twice.");
            }
        }
    }
}
