package dev.localcvm.cam;

import dev.localcvm.account.AccountService;
import dev.localcvm.account.Principal;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.cam.policy.Presets;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.store.CamRepository;
import dev.localcvm.store.CamTx;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * What the CAM actions share: the store, the account service (API keys and their cache), and the lookups that refuse
 * with CAM's codes when what a request names does not exist.
 */
public final class CamService {
    /** Role ids are numbers from 2^62 up, the form CAM's own role ids have (19 digits). */
    static final long FIRST_ROLE_ID = 4_611_686_018_427_387_905L;
    static final long FIRST_GROUP_ID = 10_000L;
    /** Sub-users' UIDs count up from here (8 digits), so that their order is the order they were created in. */
    static final long FIRST_UID = 10_000_001L;
    private final SecureRandom random = new SecureRandom();
    private final CamRepository store;
    private final AccountService accounts;

    public CamService(CamRepository store, AccountService accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    public CamRepository store() {
        return store;
    }

    public AccountService accounts() {
        return accounts;
    }

    /** A new sub-user's uin: 12 digits starting 1001 (accounts' uins start 1000), so that the two never meet. */
    String newUserUin() {
        return "1001" + String.format("%08d", random.nextInt(100_000_000));
    }


    /** The account's sub-user of this uin, else {@code notFound}. */
    static CamUser user(CamTx tx, String owner, long uin, ErrorCode notFound) {
        return tx.userByUin(owner, String.valueOf(uin)).orElseThrow(() -> ApiException.of(notFound, uin));
    }

    /** The account's group of this id, else {@code notFound}. */
    static CamGroup group(CamTx tx, String owner, long groupId, ErrorCode notFound) {
        return tx.group(owner, groupId).orElseThrow(() -> ApiException.of(notFound, groupId));
    }

    /** A preset policy, or the account's custom policy, of this id. */
    static Optional<CamPolicy> policy(CamTx tx, String owner, long policyId) {
        if (policyId < Presets.FIRST_CUSTOM_ID) {
            return Presets.byId(policyId).map(CamPolicy::of);
        }
        return tx.policy(owner, policyId);
    }

    /** {@link #policy} or {@code notFound}; an id of 0 is malformed (InvalidParameter.PolicyIdError). */
    static CamPolicy policy(CamTx tx, String owner, Long policyId, ErrorCode notFound) {
        long id = CamRules.id("PolicyId", policyId, ErrorCode.CAM_POLICY_ID_ERROR);
        return policy(tx, owner, id).orElseThrow(() -> ApiException.of(notFound, id));
    }

    /** A preset policy, or the account's custom policy, of this name. */
    static Optional<CamPolicy> policyByName(CamTx tx, String owner, String name) {
        Optional<Presets.Preset> preset = Presets.byName(name);
        return preset.isPresent() ? preset.map(CamPolicy::of) : tx.policyByName(owner, name);
    }

    /** The role named by its id or its name (exactly one of them), else InvalidParameter.RoleNotExist. */
    static CamRoleDetail role(CamTx tx, String owner, String idParam, String roleId, String nameParam,
                              String roleName) {
        CamRules.oneOf(idParam, emptyToNull(roleId), nameParam, emptyToNull(roleName));
        Optional<CamRoleDetail> role = roleId != null && !roleId.isEmpty() ? tx.role(owner, roleId)
                : tx.roleByName(owner, roleName);
        return role.orElseThrow(() -> ApiException.of(ErrorCode.CAM_ROLE_NOT_EXIST,
                Checks.quote(roleId != null && !roleId.isEmpty() ? roleId : roleName)));
    }

    /** Attaches a policy to a user, group or role within CAM's limit of policies per entity. */
    static void attach(CamTx tx, String owner, CamAttachment.Target target, String targetId, CamPolicy policy,
                       CallContext ctx) {
        if (tx.countAttached(owner, target, targetId) >= CamRules.MAX_ATTACHED
                && tx.attached(owner, target, targetId).stream().noneMatch(a -> a.policy().policyId() == policy.policyId())) {
            throw new ApiException(ErrorCode.CAM_ATTACHMENT_FULL, ErrorCode.CAM_ATTACHMENT_FULL.message(null));
        }
        tx.attach(owner, target, targetId, policy.policyId(), ctx.now());
    }

    /**
     * Whose API keys a key action is about: the caller's own when TargetUin is absent, else the sub-user or root
     * TargetUin names. A sub-user (or a role session) may not touch the root's keys (OperationDenied.SubUin).
     *
     * @return the principal whose keys these are (its uin is the owner's own for the root)
     */
    static Principal keyOwner(CamTx tx, CallContext ctx, Long targetUin) {
        String owner = ctx.account().uin();
        Principal caller = ctx.principal();
        if (targetUin == null) {
            if (caller.isRoot() || caller.kind() == Principal.Kind.SUB_USER) {
                return caller;
            }
            throw CamRules.param("TargetUin", "is required when a role session or a federated user calls");
        }
        String target = String.valueOf(targetUin);
        if (target.equals(owner)) {
            if (!caller.isRoot()) {
                throw new ApiException(ErrorCode.CAM_SUB_UIN, ErrorCode.CAM_SUB_UIN.message(null));
            }
            return caller;
        }
        CamUser user = user(tx, owner, targetUin, ErrorCode.CAM_TARGET_USER_NOT_EXIST);
        return Principal.subUser(owner, user.uin(), user.name());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
