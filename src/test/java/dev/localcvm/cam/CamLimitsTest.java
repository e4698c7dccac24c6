package dev.localcvm.cam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.localcvm.account.AccountService;
import dev.localcvm.account.ApiKey;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.Language;
import dev.localcvm.error.ApiException;
import dev.localcvm.store.AccountRepository;
import dev.localcvm.store.CamRepository;
import dev.localcvm.store.Database;
import dev.localcvm.store.StoreConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CAM's per-account limits, at the edge: the store is filled to the limit directly (reaching 1,000 users or 1,500
 * policies through the API would cost minutes per store), then the action is asked for one more. The refusals the
 * cheaper limits answer through the SDK are in CamIT and CamPolicyIT.
 */
class CamLimitsTest {
    private static final String TRUST =
            "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":\"name/sts:AssumeRole\","
                    + "\"principal\":{\"qcs\":[\"*\"]}}]}";
    private static final String DOCUMENT =
            "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":[\"cvm:*\"],\"resource\":\"*\"}]}";
    private Database db;
    private CamService service;
    private CallContext ctx;
    private String owner;

    @BeforeEach
    void open() {
        db = Database.open(StoreConfig.ephemeral());
        AccountService accounts = new AccountService(new AccountRepository(db), Clock.systemUTC());
        ApiKey key = accounts.createAccount("limits");
        owner = key.account().uin();
        service = new CamService(new CamRepository(db), accounts);
        ctx = new CallContext("limits", key.account(), key.secretId(), null, Language.EN_US, Instant.now());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String code(Runnable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        return e.wireCode();
    }

    /** {@code n} sub-users named u0.., with uins and UIDs of their own. */
    private void users(int n) {
        service.store().write(owner, tx -> {
            for (int i = 0; i < n; i++) {
                tx.insertUser(new CamUser(owner, "1001" + String.format("%08d", i), 90_000_000L + i, "u" + i, null, 0,
                        null, null, null, Instant.now()));
            }
            return null;
        });
    }

    @Test
    void anAccountHoldsAtMostOneThousandSubUsers() {
        users(CamRules.MAX_USERS - 1);
        new AddUser(service).execute(new AddUser.Request("last", null, null, null, null, null, null, null, null), ctx);
        assertThat(code(() -> new AddUser(service).execute(
                new AddUser.Request("one-more", null, null, null, null, null, null, null, null), ctx)))
                .isEqualTo("InvalidParameter.SubUserFull");
    }

    @Test
    void anAccountHoldsAtMostThreeHundredGroups() {
        service.store().write(owner, tx -> {
            for (int i = 0; i < CamRules.MAX_GROUPS; i++) {
                tx.insertGroup(new CamGroup(1 + i, owner, "g" + i, null, Instant.now()));
            }
            return null;
        });
        assertThat(code(() -> new CreateGroup(service).execute(new CreateGroup.Request("one-more", null), ctx)))
                .isEqualTo("InvalidParameter.GroupFull");
    }

    @Test
    void aGroupHoldsAtMostOneHundredUsers() {
        users(CamRules.MAX_USERS_PER_GROUP + 1);
        long group = new CreateGroup(service).execute(new CreateGroup.Request("full", null), ctx).groupId();
        service.store().write(owner, tx -> {
            for (int i = 0; i < CamRules.MAX_USERS_PER_GROUP; i++) {
                tx.addMember(owner, group, "1001" + String.format("%08d", i), Instant.now());
            }
            return null;
        });
        long last = Long.parseLong("1001" + String.format("%08d", CamRules.MAX_USERS_PER_GROUP));
        assertThat(code(() -> new AddUserToGroup(service).execute(new AddUserToGroup.Request(
                List.of(new Memberships.GroupIdOfUidInfo(group, null, last))), ctx)))
                .isEqualTo("InvalidParameter.GroupUserFull");
    }

    @Test
    void anAccountHoldsAtMostFifteenHundredCustomPolicies() {
        service.store().write(owner, tx -> {
            for (int i = 0; i < CamRules.MAX_CUSTOM_POLICIES; i++) {
                tx.insertPolicy(owner, new CamPolicy(500_000_000L + i, "p" + i, null, DOCUMENT, false, Instant.now(),
                        Instant.now()));
            }
            return null;
        });
        assertThat(code(() -> new CreatePolicy(service).execute(new CreatePolicy.Request("one-more", DOCUMENT, null),
                ctx))).isEqualTo("FailedOperation.PolicyFull");
    }

    @Test
    void anAccountHoldsAtMostOneThousandRoles() {
        service.store().write(owner, tx -> {
            for (int i = 0; i < CamRules.MAX_ROLES; i++) {
                CamRole role = new CamRole(owner, String.valueOf(1_000_000L + i), "r" + i, TRUST, null, 43_200,
                        Instant.now());
                tx.insertRole(new CamRoleDetail(role, 0, 0, Instant.now()));
            }
            return null;
        });
        assertThat(code(() -> new CreateRole(service).execute(new CreateRole.Request("one-more", TRUST, null, null,
                null, null), ctx))).isEqualTo("InvalidParameter.RoleFull");
    }
}
