package dev.localcvm.cam;

import dev.localcvm.account.AccessKeyInfo;
import dev.localcvm.account.ApiKey;
import dev.localcvm.account.Principal;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the four access-key actions share: whose keys, which key, and how CAM shows one. */
public final class AccessKeys {
    /** The form of every SecretId localcvm hands out, the defaults' and the environment's included. */
    private static final Pattern SECRET_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private AccessKeys() {
    }

    /** A key as ListAccessKeys shows it. */
    public record AccessKey(String accessKeyId, String status, String createTime) {
        static AccessKey of(AccessKeyInfo k) {
            return new AccessKey(k.secretId(), AccessKeys.status(k.enabled()), CamRules.time(k.createdAt()));
        }
    }

    static String status(boolean enabled) {
        return enabled ? "Active" : "Inactive";
    }

    /** The principal TargetUin (or, without it, the caller) stands for; its uin is the owner's for the root. */
    static Principal owner(CamService service, CallContext ctx, Long targetUin) {
        return service.store().read(tx -> CamService.keyOwner(tx, ctx, targetUin));
    }

    static List<AccessKeyInfo> keys(CamService service, Principal p) {
        return service.accounts().listKeys(p.ownerUin(), p.uin());
    }

    static String accessKeyId(String value) {
        CamRules.required("AccessKeyId", value);
        if (!SECRET_ID.matcher(value).matches()) {
            throw CamRules.param("AccessKeyId", "`" + Checks.quote(value) + "` is not an access key id");
        }
        return value;
    }

    /**
     * Why a key is not one of the principal's: another principal's permanent key in the same account is
     * OperationDenied.UinNotMatch; anything else (unknown, another account's, a temporary credential) is
     * {@code unknown}.
     */
    static ApiException notTheirs(CamService service, CallContext ctx, String secretId, ErrorCode unknown) {
        Optional<ApiKey> key = service.accounts().findKey(secretId);
        boolean sameAccount = key.isPresent() && !key.get().temporary()
                && key.get().account().uin().equals(ctx.account().uin());
        return ApiException.of(sameAccount ? ErrorCode.CAM_UIN_NOT_MATCH : unknown, secretId);
    }
}
