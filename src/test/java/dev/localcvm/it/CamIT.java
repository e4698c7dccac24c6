package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.Credential;
import dev.localcvm.testing.CamAccount;
import dev.localcvm.testing.CamAccount.SubUser;
import dev.localcvm.testing.CvmFixture;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cam product's users, API keys and groups (issue 16) through the SDK's generic client; each test has an account
 * of its own. Policies and roles are in {@link CamPolicyIT}. Whether a sub-user may call an action is authorization's
 * business: these tests only ask whether its key authenticates.
 */
class CamIT {
    private static final String NOT_FOUND = "AuthFailure.SecretIdNotFound";
    private static CvmFixture root;

    @BeforeAll
    static void start() {
        root = CvmFixture.start();
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    @Test
    void aSubUserLivesFromAddUserToDeleteUser() throws Exception {
        CamAccount a = CamAccount.create(root);
        JsonNode added = a.call("AddUser", "Name", "alice", "Remark", "ops", "ConsoleLogin", 0);
        assertThat(added.path("Uin").asText()).matches("1001[0-9]{8}");
        assertThat(added.path("Uid").asText()).matches("[1-9][0-9]{7}");
        assertThat(added.path("SecretId").isNull()).isTrue();
        assertThat(added.path("Password").isNull()).isTrue();
        JsonNode got = a.call("GetUser", "Name", "alice");
        assertThat(got.path("Uin").asLong()).isEqualTo(added.path("Uin").asLong());
        assertThat(got.path("Uid").asLong()).isEqualTo(added.path("Uid").asLong());
        assertThat(got.path("Remark").asText()).isEqualTo("ops");
        assertThat(got.path("ConsoleLogin").asLong()).isZero();
        a.call("AddUser", "Name", "bob", "ConsoleLogin", 1, "PhoneNum", "13800000000", "CountryCode", "86",
                "Email", "bob@example.com");
        List<String> names = new ArrayList<>();
        a.call("ListUsers").path("Data").forEach(u -> names.add(u.path("Name").asText()));
        assertThat(names).containsExactly("alice", "bob");
        a.call("DeleteUser", "Name", "alice");
        assertThat(a.code("GetUser", "Name", "alice")).isEqualTo("ResourceNotFound.UserNotExist");
        assertThat(a.code("DeleteUser", "Name", "alice")).isEqualTo("ResourceNotFound.UserNotExist");
        assertThat(a.call("ListUsers").path("Data")).hasSize(1);
        // Another account sees none of them.
        assertThat(CamAccount.create(root).code("GetUser", "Name", "bob")).isEqualTo("ResourceNotFound.UserNotExist");
    }

    @Test
    void addUserRefusesWhatCamRefuses() throws Exception {
        CamAccount a = CamAccount.create(root);
        a.call("AddUser", "Name", "carol");
        assertThat(a.code("AddUser", "Name", "carol")).isEqualTo("InvalidParameter.SubUserNameInUse");
        assertThat(a.code("AddUser", "Name", "has space")).isEqualTo("InvalidParameter.UserNameIllegal");
        assertThat(a.code("AddUser", "Name", "x".repeat(65))).isEqualTo("InvalidParameter.UserNameIllegal");
        assertThat(a.code("AddUser")).isEqualTo("MissingParameter");
        assertThat(a.code("AddUser", "Name", "dave", "ConsoleLogin", 2)).isEqualTo("InvalidParameter.ParamError");
        assertThat(a.code("AddUser", "Name", "dave", "UseApi", 3)).isEqualTo("InvalidParameter.ParamError");
        assertThat(a.code("AddUser", "Name", "dave", "ConsoleLogin", 1, "Password", "short"))
                .isEqualTo("InvalidParameter.PasswordViolatedRules");
        assertThat(a.code("AddUser", "Name", "dave", "PhoneNum", "12ab")).isEqualTo("InvalidParameter.ParamError");
        assertThat(a.code("AddUser", "Name", "dave", "Email", "nobody")).isEqualTo("InvalidParameter.ParamError");
        assertThat(a.code("AddUser", "Name", "dave", "Remark", "r".repeat(301))).isEqualTo("InvalidParameter.ParamError");
        // None of the refused requests created anyone.
        assertThat(a.call("ListUsers").path("Data")).hasSize(1);
        JsonNode generated = a.call("AddUser", "Name", "dave", "ConsoleLogin", 1);
        assertThat(generated.path("Password").asText()).hasSize(32);
        assertThat(a.call("AddUser", "Name", "erin", "ConsoleLogin", 1, "Password", "Str0ng!pass")
                .path("Password").isNull()).isTrue();
    }

    @Test
    void twoAddUsersOfOneNameMakeOneUser() throws Exception {
        CamAccount a = CamAccount.create(root);
        CountDownLatch go = new CountDownLatch(1);
        Callable<String> add = () -> {
            go.await();
            try {
                a.call("AddUser", "Name", "racer");
                return "OK";
            } catch (com.tencentcloudapi.common.exception.TencentCloudSDKException e) {
                return e.getErrorCode();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(add);
            Future<String> second = pool.submit(add);
            go.countDown();
            assertThat(List.of(first.get(), second.get()))
                    .containsExactlyInAnyOrder("OK", "InvalidParameter.SubUserNameInUse");
        } finally {
            pool.shutdownNow();
        }
        assertThat(a.call("ListUsers").path("Data")).hasSize(1);
    }

    @Test
    void aSubUsersKeyAuthenticatesUntilItIsDisabledOrDeleted() throws Exception {
        CamAccount a = CamAccount.create(root);
        SubUser u = a.addUser("keyed", true);
        assertThat(u.credential().getSecretId()).startsWith("AKID");
        // Signed twice, so that a server caching keys holds it when it is disabled.
        assertThat(a.cvmOutcome(u.credential())).isNotEqualTo(NOT_FOUND);
        assertThat(a.cvmOutcome(u.credential())).isNotEqualTo(NOT_FOUND);
        JsonNode keys = a.call("ListAccessKeys", "TargetUin", u.uin()).path("AccessKeys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).path("AccessKeyId").asText()).isEqualTo(u.credential().getSecretId());
        assertThat(keys.get(0).path("Status").asText()).isEqualTo("Active");
        assertThat(keys.get(0).has("SecretAccessKey")).isFalse();

        a.call("UpdateAccessKey", "AccessKeyId", u.credential().getSecretId(), "Status", "Inactive", "TargetUin", u.uin());
        assertThat(a.cvmOutcome(u.credential())).isEqualTo(NOT_FOUND);
        assertThat(a.call("ListAccessKeys", "TargetUin", u.uin()).path("AccessKeys").get(0).path("Status").asText())
                .isEqualTo("Inactive");
        a.call("UpdateAccessKey", "AccessKeyId", u.credential().getSecretId(), "Status", "Active", "TargetUin", u.uin());
        assertThat(a.cvmOutcome(u.credential())).isNotEqualTo(NOT_FOUND);

        JsonNode second = a.call("CreateAccessKey", "TargetUin", u.uin()).path("AccessKey");
        Credential secondKey = new Credential(second.path("AccessKeyId").asText(), second.path("SecretAccessKey").asText());
        assertThat(second.path("Status").asText()).isEqualTo("Active");
        assertThat(a.cvmOutcome(secondKey)).isNotEqualTo(NOT_FOUND);
        assertThat(a.code("CreateAccessKey", "TargetUin", u.uin())).isEqualTo("OperationDenied.AccessKeyOverLimit");
        assertThat(a.call("ListAccessKeys", "TargetUin", u.uin()).path("AccessKeys")).hasSize(2);

        a.call("DeleteAccessKey", "AccessKeyId", u.credential().getSecretId(), "TargetUin", u.uin());
        assertThat(a.cvmOutcome(u.credential())).isEqualTo(NOT_FOUND);
        assertThat(a.code("DeleteUser", "Name", "keyed")).isEqualTo("OperationDenied.HaveKeys");
        assertThat(a.cvmOutcome(secondKey)).isNotEqualTo(NOT_FOUND);
        a.call("DeleteUser", "Name", "keyed", "Force", 1);
        assertThat(a.cvmOutcome(secondKey)).isEqualTo(NOT_FOUND);
    }

    @Test
    void keyActionsRefuseOtherPrincipalsKeys() throws Exception {
        CamAccount a = CamAccount.create(root);
        SubUser u = a.addUser("one", true);
        SubUser v = a.addUser("two", true);
        String rootKey = a.cvm().credential().getSecretId();
        assertThat(a.code("UpdateAccessKey", "AccessKeyId", v.credential().getSecretId(), "Status", "Inactive",
                "TargetUin", u.uin())).isEqualTo("OperationDenied.UinNotMatch");
        assertThat(a.code("DeleteAccessKey", "AccessKeyId", rootKey, "TargetUin", u.uin()))
                .isEqualTo("OperationDenied.UinNotMatch");
        assertThat(a.code("UpdateAccessKey", "AccessKeyId", "AKIDnoSuchKey", "Status", "Inactive", "TargetUin", u.uin()))
                .isEqualTo("ResourceNotFound.SecretNotExist");
        assertThat(a.code("UpdateAccessKey", "AccessKeyId", u.credential().getSecretId(), "Status", "Off",
                "TargetUin", u.uin())).isEqualTo("InvalidParameter.ParamError");
        assertThat(a.code("ListAccessKeys", "TargetUin", 100199999999L)).isEqualTo("InvalidParameter.UserNotExist");
        assertThat(a.code("CreateAccessKey", "TargetUin", 100199999999L)).isEqualTo("InvalidParameter.UserNotExist");
        // Another account's key is unknown here, not another principal's.
        String foreign = CamAccount.create(root).cvm().credential().getSecretId();
        assertThat(a.code("DeleteAccessKey", "AccessKeyId", foreign)).isEqualTo("OperationDenied.UinNotMatch");
        assertThat(a.code("UpdateAccessKey", "AccessKeyId", foreign, "Status", "Inactive"))
                .isEqualTo("ResourceNotFound.SecretNotExist");
        // Nothing changed: every key still authenticates.
        for (Credential c : List.of(u.credential(), v.credential(), a.cvm().credential())) {
            assertThat(a.cvmOutcome(c)).isNotEqualTo(NOT_FOUND);
        }
    }

    @Test
    void theCallerManagesItsOwnKeysWithoutTargetUin() throws Exception {
        CamAccount a = CamAccount.create(root);
        JsonNode own = a.call("ListAccessKeys").path("AccessKeys");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).path("AccessKeyId").asText()).isEqualTo(a.cvm().credential().getSecretId());
        a.call("CreateAccessKey");
        assertThat(a.code("CreateAccessKey", "TargetUin", Long.parseLong(a.uin())))
                .isEqualTo("OperationDenied.AccessKeyOverLimit");
        assertThat(a.call("ListAccessKeys").path("AccessKeys")).hasSize(2);
    }

    @Test
    void groupsHoldUsersAndRefuseWhatCamRefuses() throws Exception {
        CamAccount a = CamAccount.create(root);
        long ops = a.call("CreateGroup", "GroupName", "ops", "Remark", "on call").path("GroupId").asLong();
        long dev = a.call("CreateGroup", "GroupName", "dev").path("GroupId").asLong();
        assertThat(dev).isGreaterThan(ops);
        assertThat(a.code("CreateGroup", "GroupName", "ops")).isEqualTo("InvalidParameter.GroupNameInUse");
        assertThat(a.code("CreateGroup", "GroupName", "g".repeat(65))).isEqualTo("InvalidParameter.ParamError");
        SubUser u = a.addUser("member", false);
        SubUser v = a.addUser("other", false);
        a.call("AddUserToGroup", "Info", List.of(Map.of("GroupId", ops, "Uin", u.uin()),
                Map.of("GroupId", dev, "Uid", v.uid())));
        JsonNode group = a.call("GetGroup", "GroupId", ops);
        assertThat(group.path("GroupName").asText()).isEqualTo("ops");
        assertThat(group.path("GroupNum").asLong()).isEqualTo(1);
        assertThat(group.path("UserInfo").get(0).path("Uin").asLong()).isEqualTo(u.uin());
        assertThat(a.call("ListGroupsForUser", "SubUin", u.uin()).path("GroupInfo").get(0).path("GroupId").asLong())
                .isEqualTo(ops);
        assertThat(a.call("ListUsersForGroup", "GroupId", dev).path("UserInfo").get(0).path("Name").asText())
                .isEqualTo("other");

        assertThat(a.code("AddUserToGroup", "Info", List.of(Map.of("GroupId", ops))))
                .isEqualTo("InvalidParameter.UserUinAndUinNotAllNull");
        assertThat(a.code("AddUserToGroup", "Info", List.of(Map.of("GroupId", 1, "Uin", u.uin()))))
                .isEqualTo("InvalidParameter.GroupNotExist");
        // A pair that would join and one that cannot: neither joins.
        assertThat(a.code("AddUserToGroup", "Info", List.of(Map.of("GroupId", dev, "Uin", u.uin()),
                Map.of("GroupId", dev, "Uin", 100199999999L)))).isEqualTo("ResourceNotFound.UserNotExist");
        assertThat(a.call("ListUsersForGroup", "GroupId", dev).path("TotalNum").asLong()).isEqualTo(1);
        assertThat(a.code("ListUsersForGroup", "GroupId", 1)).isEqualTo("ResourceNotFound.GroupNotExist");

        a.call("RemoveUserFromGroup", "Info", List.of(Map.of("GroupId", ops, "Uin", u.uin())));
        assertThat(a.call("GetGroup", "GroupId", ops).path("GroupNum").asLong()).isZero();
        assertThat(a.code("RemoveUserFromGroup", "Info", List.of(Map.of("GroupId", 1, "Uin", u.uin()))))
                .isEqualTo("FailedOperation");
        // Deleting a user takes it out of its groups.
        a.call("DeleteUser", "Name", "other");
        assertThat(a.call("ListUsersForGroup", "GroupId", dev).path("TotalNum").asLong()).isZero();
    }

    @Test
    void aUserJoinsAtMostTenGroups() throws Exception {
        CamAccount a = CamAccount.create(root);
        SubUser u = a.addUser("joiner", false);
        List<Map<String, Object>> info = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            info.add(Map.of("GroupId", a.call("CreateGroup", "GroupName", "g" + i).path("GroupId").asLong(),
                    "Uin", u.uin()));
        }
        assertThat(a.code("AddUserToGroup", "Info", info)).isEqualTo("InvalidParameter.UserGroupFull");
        assertThat(a.call("ListGroupsForUser", "SubUin", u.uin()).path("TotalNum").asLong()).isZero();
        a.call("AddUserToGroup", "Info", info.subList(0, 10));
        JsonNode page = a.call("ListGroupsForUser", "SubUin", u.uin(), "Page", 2, "Rp", 4);
        assertThat(page.path("TotalNum").asLong()).isEqualTo(10);
        assertThat(page.path("GroupInfo")).hasSize(4);
        assertThat(a.call("ListGroups", "Keyword", "G1").path("TotalNum").asLong()).isEqualTo(2);
        assertThat(a.code("ListGroups", "Page", 0)).isEqualTo("InvalidParameter.ParamError");
        assertThat(a.code("ListGroups", "Rp", 201)).isEqualTo("InvalidParameter.ParamError");
    }

    @Test
    void resetDropsSubUserKeysAndKeepsTheRoots() throws Exception {
        CamAccount a = CamAccount.create(root);
        SubUser u = a.addUser("reset-me", true);
        assertThat(a.cvmOutcome(u.credential())).isNotEqualTo(NOT_FOUND);
        a.cvm().admin("POST", "/_localcvm/reset", new JsonObject());
        assertThat(a.cvmOutcome(u.credential())).isEqualTo(NOT_FOUND);
        assertThat(a.cvmOutcome(a.cvm().credential())).isEqualTo("OK");
        assertThat(a.code("GetUser", "Name", "reset-me")).isEqualTo("ResourceNotFound.UserNotExist");
    }
}
