package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import dev.localcvm.testing.CamAccount;
import dev.localcvm.testing.CamAccount.SubUser;
import dev.localcvm.testing.CvmFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cam product's policies, attachments and roles (issue 16) through the SDK's generic client, each test with an
 * account of its own: custom policies beside the presets, attaching them to users, groups and roles, what deleting
 * does to attachments, and every refusal these actions answer.
 */
class CamPolicyIT {
    private static final String READ_CVM =
            "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":[\"cvm:Describe*\"],\"resource\":\"*\"}]}";
    private static final String ALL_CAM =
            "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":[\"cam:*\"],\"resource\":\"*\"}]}";
    private static CvmFixture root;

    @BeforeAll
    static void start() {
        root = CvmFixture.start();
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    private static String trust(CamAccount a) {
        return "{\"version\":\"2.0\",\"statement\":[{\"action\":\"name/sts:AssumeRole\",\"effect\":\"allow\","
                + "\"principal\":{\"qcs\":[\"qcs::cam::uin/" + a.uin() + ":root\"]}}]}";
    }

    private static List<String> names(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(p -> out.add(p.path(field).asText()));
        return out;
    }

    @Test
    void aCustomPolicyIsCreatedReadListedAndDeleted() throws Exception {
        CamAccount a = CamAccount.create(root);
        long id = a.call("CreatePolicy", "PolicyName", "read-cvm", "PolicyDocument", READ_CVM,
                "Description", "reads instances").path("PolicyId").asLong();
        assertThat(id).isGreaterThanOrEqualTo(100_000_000L);
        JsonNode p = a.call("GetPolicy", "PolicyId", id);
        assertThat(p.path("PolicyName").asText()).isEqualTo("read-cvm");
        assertThat(p.path("Type").asLong()).isEqualTo(1);
        assertThat(p.path("PolicyDocument").asText()).isEqualTo(READ_CVM);
        assertThat(p.path("Description").asText()).isEqualTo("reads instances");
        assertThat(p.path("AddTime").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

        JsonNode local = a.call("ListPolicies", "Scope", "Local");
        assertThat(local.path("TotalNum").asLong()).isEqualTo(1);
        assertThat(local.path("List").get(0).path("PolicyId").asLong()).isEqualTo(id);
        a.call("DeletePolicy", "PolicyId", List.of(id));
        assertThat(a.code("GetPolicy", "PolicyId", id)).isEqualTo("ResourceNotFound.PolicyIdNotFound");
        assertThat(a.call("ListPolicies", "Scope", "Local").path("TotalNum").asLong()).isZero();
        // Another account's policy is not found here.
        long foreign = CamAccount.create(root).call("CreatePolicy", "PolicyName", "theirs", "PolicyDocument", READ_CVM)
                .path("PolicyId").asLong();
        assertThat(a.code("GetPolicy", "PolicyId", foreign)).isEqualTo("ResourceNotFound.PolicyIdNotFound");
    }

    @Test
    void presetsAreListedBesideCustomPolicies() throws Exception {
        CamAccount a = CamAccount.create(root);
        a.call("CreatePolicy", "PolicyName", "mine", "PolicyDocument", READ_CVM);
        JsonNode presets = a.call("ListPolicies", "Scope", "QCS", "Rp", 200);
        assertThat(names(presets.path("List"), "PolicyName")).contains("QcloudCVMFullAccess", "QcloudCVMReadOnlyAccess")
                .doesNotContain("mine");
        presets.path("List").forEach(p -> assertThat(p.path("Type").asLong()).isEqualTo(2));
        long total = a.call("ListPolicies").path("TotalNum").asLong();
        assertThat(total).isEqualTo(presets.path("TotalNum").asLong() + 1);
        JsonNode cvm = a.call("ListPolicies", "Keyword", "cvmfull");
        assertThat(names(cvm.path("List"), "PolicyName")).containsExactly("QcloudCVMFullAccess");
        long presetId = cvm.path("List").get(0).path("PolicyId").asLong();
        JsonNode preset = a.call("GetPolicy", "PolicyId", presetId);
        assertThat(preset.path("Type").asLong()).isEqualTo(2);
        assertThat(preset.path("PolicyDocument").asText()).contains("cvm:*");
        // Paging: Rp 1 gives one policy per page, in policy id order.
        JsonNode second = a.call("ListPolicies", "Rp", 1, "Page", 2);
        assertThat(second.path("TotalNum").asLong()).isEqualTo(total);
        assertThat(second.path("List")).hasSize(1);
        assertThat(second.path("List").get(0).path("PolicyId").asLong())
                .isGreaterThan(a.call("ListPolicies", "Rp", 1).path("List").get(0).path("PolicyId").asLong());
        assertThat(a.code("ListPolicies", "Rp", 201)).isEqualTo("InvalidParameter.ParamError");
        assertThat(a.code("ListPolicies", "Page", 0)).isEqualTo("InvalidParameter.ParamError");
        assertThat(a.code("ListPolicies", "Page", 201)).isEqualTo("InvalidParameter.ParamError");
        assertThat(a.code("ListPolicies", "Scope", "Mine")).isEqualTo("InvalidParameter.ScopeError");
        assertThat(a.code("ListPolicies", "Keyword", "k".repeat(129)))
                .isEqualTo("InvalidParameter.SearchKeywordLengthError");
        assertThat(a.code("DeletePolicy", "PolicyId", List.of(presetId))).isEqualTo("InvalidParameter.PolicyIdError");
    }

    @Test
    void createPolicyRefusesWhatCamRefuses() throws Exception {
        CamAccount a = CamAccount.create(root);
        a.call("CreatePolicy", "PolicyName", "taken", "PolicyDocument", READ_CVM);
        assertThat(a.code("CreatePolicy", "PolicyName", "taken", "PolicyDocument", READ_CVM))
                .isEqualTo("FailedOperation.PolicyNameInUse");
        assertThat(a.code("CreatePolicy", "PolicyName", "QcloudCVMFullAccess", "PolicyDocument", READ_CVM))
                .isEqualTo("FailedOperation.PolicyNameInUse");
        assertThat(a.code("CreatePolicy", "PolicyName", "bad name", "PolicyDocument", READ_CVM))
                .isEqualTo("InvalidParameter.PolicyNameError");
        assertThat(a.code("CreatePolicy", "PolicyName", "long", "PolicyDocument", READ_CVM,
                "Description", "描".repeat(101))).isEqualTo("InvalidParameter.DescriptionLengthOverlimit");
        assertThat(a.code("CreatePolicy", "PolicyName", "huge", "PolicyDocument",
                READ_CVM.replace("cvm:Describe*", "cvm:" + "D".repeat(6200))))
                .isEqualTo("InvalidParameter.PolicyDocumentLengthOverLimit");
        assertThat(a.code("CreatePolicy", "PolicyName", "nodoc")).isEqualTo("MissingParameter");
        // A malformed document: the policy language's code, and a message that says where.
        String badEffect = READ_CVM.replace("\"allow\"", "\"permit\"");
        TencentCloudSDKException e = refusal(() -> a.call("CreatePolicy", "PolicyName", "bad", "PolicyDocument",
                badEffect));
        assertThat(e.getErrorCode()).isEqualTo("InvalidParameter.EffectError");
        assertThat(e.getMessage()).contains("statement[0]");
        assertThat(a.call("ListPolicies", "Scope", "Local").path("TotalNum").asLong()).isEqualTo(1);
        assertThat(a.code("GetPolicy", "PolicyId", 0)).isEqualTo("InvalidParameter.PolicyIdError");
        assertThat(a.code("DeletePolicy", "PolicyId", List.of(999_999_999L))).isEqualTo("ResourceNotFound.PolicyIdNotFound");
    }

    @Test
    void policiesAttachToUsersAndGroupsAndGoWithTheirPolicy() throws Exception {
        CamAccount a = CamAccount.create(root);
        SubUser u = a.addUser("attached", false);
        long custom = a.call("CreatePolicy", "PolicyName", "custom", "PolicyDocument", READ_CVM).path("PolicyId").asLong();
        long preset = a.call("ListPolicies", "Keyword", "QcloudVPCReadOnlyAccess").path("List").get(0)
                .path("PolicyId").asLong();
        a.call("AttachUserPolicy", "PolicyId", custom, "AttachUin", u.uin());
        a.call("AttachUserPolicy", "PolicyId", preset, "AttachUin", u.uin());
        a.call("AttachUserPolicy", "PolicyId", preset, "AttachUin", u.uin());
        JsonNode attached = a.call("ListAttachedUserPolicies", "TargetUin", u.uin());
        assertThat(attached.path("TotalNum").asLong()).isEqualTo(2);
        assertThat(names(attached.path("List"), "PolicyType")).containsExactlyInAnyOrder("User", "QCS");
        assertThat(a.call("ListAttachedUserPolicies", "TargetUin", u.uin(), "Rp", 1, "Page", 2).path("List"))
                .hasSize(1);
        long group = a.call("CreateGroup", "GroupName", "readers").path("GroupId").asLong();
        a.call("AttachGroupPolicy", "PolicyId", custom, "AttachGroupId", group);
        assertThat(a.call("ListAttachedGroupPolicies", "TargetGroupId", group).path("TotalNum").asLong()).isEqualTo(1);
        JsonNode listed = a.call("ListPolicies", "Scope", "Local").path("List").get(0);
        assertThat(listed.path("AttachEntityCount").asLong()).isEqualTo(2);

        a.call("DetachUserPolicy", "PolicyId", preset, "DetachUin", u.uin());
        assertThat(a.call("ListAttachedUserPolicies", "TargetUin", u.uin()).path("TotalNum").asLong()).isEqualTo(1);
        // Deleting a policy detaches it from everyone.
        a.call("DeletePolicy", "PolicyId", List.of(custom));
        assertThat(a.call("ListAttachedUserPolicies", "TargetUin", u.uin()).path("TotalNum").asLong()).isZero();
        assertThat(a.call("ListAttachedGroupPolicies", "TargetGroupId", group).path("TotalNum").asLong()).isZero();

        assertThat(a.code("AttachUserPolicy", "PolicyId", preset, "AttachUin", 100199999999L))
                .isEqualTo("ResourceNotFound.UserNotExist");
        assertThat(a.code("AttachUserPolicy", "PolicyId", custom, "AttachUin", u.uin()))
                .isEqualTo("ResourceNotFound.PolicyIdNotFound");
        assertThat(a.code("AttachGroupPolicy", "PolicyId", preset, "AttachGroupId", 1))
                .isEqualTo("ResourceNotFound.GroupNotExist");
        assertThat(a.code("ListAttachedUserPolicies", "TargetUin", 100199999999L)).isEqualTo("InvalidParameter.ParamError");
        // Deleting a user removes its attachments: a user of the same name starts with none.
        a.call("AttachUserPolicy", "PolicyId", preset, "AttachUin", u.uin());
        a.call("DeleteUser", "Name", "attached");
        SubUser again = a.addUser("attached", false);
        assertThat(a.call("ListAttachedUserPolicies", "TargetUin", again.uin()).path("TotalNum").asLong()).isZero();
    }

    @Test
    void aUserHoldsAtMostTwoHundredPolicies() throws Exception {
        CamAccount a = CamAccount.create(root);
        SubUser u = a.addUser("collector", false);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            ids.add(a.call("CreatePolicy", "PolicyName", "p" + i, "PolicyDocument", READ_CVM).path("PolicyId").asLong());
        }
        for (int i = 0; i < 200; i++) {
            a.call("AttachUserPolicy", "PolicyId", ids.get(i), "AttachUin", u.uin());
        }
        assertThat(a.code("AttachUserPolicy", "PolicyId", ids.get(200), "AttachUin", u.uin()))
                .isEqualTo("InvalidParameter.AttachmentFull");
        // Attaching one it already holds is no new attachment.
        a.call("AttachUserPolicy", "PolicyId", ids.get(0), "AttachUin", u.uin());
        assertThat(a.call("ListAttachedUserPolicies", "TargetUin", u.uin()).path("TotalNum").asLong()).isEqualTo(200);
    }

    @Test
    void rolesCarryTrustPoliciesAndAttachedPolicies() throws Exception {
        CamAccount a = CamAccount.create(root);
        String roleId = a.call("CreateRole", "RoleName", "reaper", "PolicyDocument", trust(a), "Description", "cleans",
                "SessionDuration", 3600).path("RoleId").asText();
        assertThat(roleId).matches("[0-9]{19}");
        JsonNode info = a.call("GetRole", "RoleName", "reaper").path("RoleInfo");
        assertThat(info.path("RoleId").asText()).isEqualTo(roleId);
        assertThat(info.path("PolicyDocument").asText()).isEqualTo(trust(a));
        assertThat(info.path("SessionDuration").asLong()).isEqualTo(3600);
        assertThat(a.call("GetRole", "RoleId", roleId).path("RoleInfo").path("RoleName").asText()).isEqualTo("reaper");

        a.call("AttachRolePolicy", "PolicyName", "QcloudCVMFullAccess", "AttachRoleName", "reaper");
        long custom = a.call("CreatePolicy", "PolicyName", "role-read", "PolicyDocument", READ_CVM).path("PolicyId")
                .asLong();
        a.call("AttachRolePolicy", "PolicyId", custom, "AttachRoleId", roleId);
        JsonNode attached = a.call("ListAttachedRolePolicies", "RoleId", roleId);
        assertThat(attached.path("TotalNum").asLong()).isEqualTo(2);
        assertThat(names(a.call("ListAttachedRolePolicies", "RoleName", "reaper", "PolicyType", "QCS").path("List"),
                "PolicyName")).containsExactly("QcloudCVMFullAccess");
        a.call("DetachRolePolicy", "PolicyId", custom, "DetachRoleName", "reaper");
        assertThat(a.call("ListAttachedRolePolicies", "RoleId", roleId).path("TotalNum").asLong()).isEqualTo(1);

        a.call("DeleteRole", "RoleId", roleId);
        assertThat(a.code("GetRole", "RoleId", roleId)).isEqualTo("InvalidParameter.RoleNotExist");
        // A role created again under the name has no policies.
        String again = a.call("CreateRole", "RoleName", "reaper", "PolicyDocument", trust(a)).path("RoleId").asText();
        assertThat(again).isNotEqualTo(roleId);
        assertThat(a.call("ListAttachedRolePolicies", "RoleId", again).path("TotalNum").asLong()).isZero();
    }

    @Test
    void roleActionsRefuseWhatCamRefuses() throws Exception {
        CamAccount a = CamAccount.create(root);
        a.call("CreateRole", "RoleName", "taken", "PolicyDocument", trust(a));
        assertThat(a.code("CreateRole", "RoleName", "taken", "PolicyDocument", trust(a)))
                .isEqualTo("InvalidParameter.RoleNameInUse");
        assertThat(a.code("CreateRole", "RoleName", "bad name", "PolicyDocument", trust(a)))
                .isEqualTo("InvalidParameter.RoleNameError");
        assertThat(a.code("CreateRole", "RoleName", "long", "PolicyDocument", trust(a), "SessionDuration", 43201))
                .isEqualTo("InvalidParameter.ParamError");
        assertThat(a.code("CreateRole", "RoleName", "login", "PolicyDocument", trust(a), "ConsoleLogin", 5))
                .isEqualTo("InvalidParameter.ParamError");
        assertThat(a.code("CreateRole", "RoleName", "noprincipal", "PolicyDocument", READ_CVM))
                .isEqualTo("InvalidParameter.PrincipalError");
        assertThat(a.code("GetRole", "RoleName", "nobody")).isEqualTo("InvalidParameter.RoleNotExist");
        assertThat(a.code("GetRole")).isEqualTo("InvalidParameter.ParamError");
        assertThat(a.code("DeleteRole", "RoleName", "nobody")).isEqualTo("InvalidParameter.RoleNotExist");
        assertThat(a.code("AttachRolePolicy", "PolicyName", "no-such-policy", "AttachRoleName", "taken"))
                .isEqualTo("InvalidParameter.PolicyIdNotExist");
        assertThat(a.code("AttachRolePolicy", "PolicyId", 999_999_999L, "AttachRoleName", "taken"))
                .isEqualTo("InvalidParameter.PolicyIdNotExist");
        assertThat(a.code("AttachRolePolicy", "PolicyName", "bad name", "AttachRoleName", "taken"))
                .isEqualTo("InvalidParameter.PolicyNameError");
        assertThat(a.code("AttachRolePolicy", "PolicyName", "QcloudCVMFullAccess", "AttachRoleName", "nobody"))
                .isEqualTo("InvalidParameter.RoleNotExist");
        assertThat(a.call("ListAttachedRolePolicies", "RoleName", "taken").path("TotalNum").asLong()).isZero();
    }

    @Test
    void aSubUserAllowedCamManagesItsOwnKeysButNotTheRoots() throws Exception {
        CamAccount a = CamAccount.create(root);
        SubUser u = a.addUser("self", true);
        long camAll = a.call("CreatePolicy", "PolicyName", "cam-all", "PolicyDocument", ALL_CAM).path("PolicyId").asLong();
        a.call("AttachUserPolicy", "PolicyId", camAll, "AttachUin", u.uin());
        CommonClient asUser = CamAccount.client(a.cvm(), u.credential());
        JsonNode own = CamAccount.call(asUser, "ListAccessKeys").path("AccessKeys");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).path("AccessKeyId").asText()).isEqualTo(u.credential().getSecretId());
        TencentCloudSDKException e = refusal(() -> CamAccount.call(asUser, "ListAccessKeys", "TargetUin",
                Long.parseLong(a.uin())));
        assertThat(e.getErrorCode()).isEqualTo("OperationDenied.SubUin");
        assertThat(refusal(() -> CamAccount.call(asUser, "CreateAccessKey", "TargetUin", Long.parseLong(a.uin())))
                .getErrorCode()).isEqualTo("OperationDenied.SubUin");
        CamAccount.call(asUser, "CreateAccessKey");
        assertThat(a.call("ListAccessKeys", "TargetUin", u.uin()).path("AccessKeys")).hasSize(2);
    }

    private static TencentCloudSDKException refusal(CvmFixture.Call call) throws Exception {
        try {
            call.call();
        } catch (TencentCloudSDKException e) {
            return e;
        }
        throw new AssertionError("expected an API error, but the call succeeded");
    }
}
