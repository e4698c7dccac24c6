package dev.localcvm.it;

import static dev.localcvm.it.FederatedAccessIT.call;
import static dev.localcvm.it.FederatedAccessIT.client;
import static dev.localcvm.it.FederatedAccessIT.cvmAs;
import static dev.localcvm.it.FederatedAccessIT.encoded;
import static dev.localcvm.it.FederatedAccessIT.policy;
import static dev.localcvm.it.FederatedAccessIT.refusal;
import static dev.localcvm.it.FederatedAccessIT.statement;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import dev.localcvm.testing.CvmFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CAM enforced on sub-users' keys (their own policies and their groups') and on role sessions from sts AssumeRole
 * (the role's policies, narrowed by a session policy), with the official SDK against cvm, vpc and cbs.
 */
class SubUsersAndRolesIT {
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static final String REGION = CvmFixture.REGION;
    private static CvmFixture root;

    @BeforeAll
    static void start() {
        root = CvmFixture.start();
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    /** One account, its root's cam and sts clients. */
    private record Owner(CvmFixture cvm, CommonClient cam, CommonClient sts) {
        JsonNode cam(String action, Object... keyValues) throws Exception {
            return call(cam, action, keyValues);
        }

        /** A sub-user with an API key of its own: its uin and credential. */
        Map.Entry<Long, Credential> user(String name) throws Exception {
            JsonNode u = cam("AddUser", "Name", name, "UseApi", 1);
            return Map.entry(u.path("Uin").asLong(), new Credential(u.path("SecretId").asText(), u.path("SecretKey").asText()));
        }

        long policy(String name, String document) throws Exception {
            return cam("CreatePolicy", "PolicyName", name, "PolicyDocument", document).path("PolicyId").asLong();
        }

        String instance(String id) {
            return "qcs::cvm:" + REGION + ":uin/" + cvm.uin() + ":instance/" + id;
        }

        String roleArn(String name) {
            return "qcs::cam::uin/" + cvm.uin() + ":roleName/" + name;
        }

        Credential assume(CommonClient sts, String roleName, Object... more) throws Exception {
            Object[] args = new Object[4 + more.length];
            args[0] = "RoleArn";
            args[1] = roleArn(roleName);
            args[2] = "RoleSessionName";
            args[3] = "session-1";
            System.arraycopy(more, 0, args, 4, more.length);
            JsonNode c = call(sts, "AssumeRole", args).path("Credentials");
            return new Credential(c.path("TmpSecretId").asText(), c.path("TmpSecretKey").asText(),
                    c.path("Token").asText());
        }
    }

    private static Owner owner() {
        CvmFixture cvm = root.newAccount("cam-authz-" + ACCOUNTS.incrementAndGet());
        return new Owner(cvm, client(cvm, cvm.credential(), "cam", "2019-01-16", REGION),
                client(cvm, cvm.credential(), "sts", "2018-08-13", REGION));
    }

    private static String describeAll() {
        return policy(statement("allow", "\"cvm:Describe*\",\"vpc:Describe*\",\"cbs:Describe*\"", "\"*\"", null));
    }

    private static String trustRoot(String uin) {
        return "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":[\"name/sts:AssumeRole\"],"
                + "\"principal\":{\"qcs\":[\"qcs::cam::uin/" + uin + ":root\"]}}]}";
    }

    private static String trustUser(String uin, long sub) {
        return "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":[\"name/sts:AssumeRole\"],"
                + "\"principal\":{\"qcs\":[\"qcs::cam::uin/" + uin + ":uin/" + sub + "\"]}}]}";
    }

    @Test
    void aSubUsersKeyDoesWhatItsPoliciesAllowOnCvmVpcAndCbs() throws Exception {
        Owner o = owner();
        String id = o.cvm().running("POSTPAID_BY_HOUR");
        var user = o.user("dev");
        CvmClient asUser = cvmAs(o.cvm(), user.getValue(), REGION);
        CommonClient vpc = client(o.cvm(), user.getValue(), "vpc", "2017-03-12", REGION);
        CommonClient cbs = client(o.cvm(), user.getValue(), "cbs", "2017-03-12", REGION);

        // No policy: nothing is allowed.
        assertThat(CvmFixture.codeOf(() -> asUser.DescribeInstances(new DescribeInstancesRequest())))
                .isEqualTo("AuthFailure.UnauthorizedOperation");
        long reader = o.policy("reader", describeAll());
        o.cam("AttachUserPolicy", "PolicyId", reader, "AttachUin", user.getKey());

        assertThat(CvmFixture.describe(asUser, id)).isNotNull();
        assertThat(call(vpc, "DescribeVpcs").path("VpcSet").isArray()).isTrue();
        assertThat(call(cbs, "DescribeDisks").path("DiskSet").isArray()).isTrue();
        TencentCloudSDKException e = refusal(() -> asUser.TerminateInstances(CvmFixture.request(id)));
        assertThat(e.getErrorCode()).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(e.getMessage()).contains("(cvm:TerminateInstances)\nresource (" + o.instance(id) + ") has no permission");
        assertThat(CvmFixture.codeOf(() -> call(vpc, "AllocateAddresses"))).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(CvmFixture.codeOf(() -> call(cbs, "TerminateDisks", "DiskIds", List.of("disk-aaaaaaaa"))))
                .isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(o.cvm().state(id)).isEqualTo("RUNNING");

        JsonNode me = call(client(o.cvm(), user.getValue(), "sts", "2018-08-13", REGION), "GetCallerIdentity");
        assertThat(me.path("Type").asText()).isEqualTo("CAMUser");
        assertThat(me.path("Arn").asText()).isEqualTo("qcs::cam:" + o.cvm().uin() + ":uin/" + user.getKey());
        assertThat(me.path("UserId").asText()).isEqualTo(String.valueOf(user.getKey()));
        assertThat(me.path("AccountId").asText()).isEqualTo(o.cvm().uin());

        // Only this instance may be terminated: resource-level.
        long one = o.policy("one", policy(statement("allow", "\"cvm:TerminateInstances\"",
                "\"" + o.instance(id) + "\"", null)));
        o.cam("AttachUserPolicy", "PolicyId", one, "AttachUin", user.getKey());
        CvmFixture.terminate(asUser, id);

        // A detached policy stops applying on the next call.
        o.cam("DetachUserPolicy", "PolicyId", reader, "DetachUin", user.getKey());
        assertThat(CvmFixture.codeOf(() -> asUser.DescribeInstances(new DescribeInstancesRequest())))
                .isEqualTo("AuthFailure.UnauthorizedOperation");
    }

    @Test
    void aGroupsPoliciesApplyToItsMembersAndADeletedUsersKeyStopsWorking() throws Exception {
        Owner o = owner();
        var user = o.user("member");
        long group = o.cam("CreateGroup", "GroupName", "readers").path("GroupId").asLong();
        long uid = o.cam("GetUser", "Name", "member").path("Uid").asLong();
        o.cam("AddUserToGroup", "Info", List.of(Map.of("GroupId", group, "Uid", uid)));
        o.cam("AttachGroupPolicy", "PolicyId", o.policy("reader", describeAll()), "AttachGroupId", group);
        CvmClient asUser = cvmAs(o.cvm(), user.getValue(), REGION);
        assertThat(asUser.DescribeInstances(new DescribeInstancesRequest()).getTotalCount()).isZero();

        o.cam("DeleteUser", "Name", "member", "Force", 1);
        assertThat(CvmFixture.codeOf(() -> asUser.DescribeInstances(new DescribeInstancesRequest())))
                .isIn("AuthFailure.SecretIdNotFound", "AuthFailure.UnauthorizedOperation");
    }

    @Test
    void aRoleSessionWorksOnCvmVpcAndCbsAndASessionPolicyNarrowsIt() throws Exception {
        Owner o = owner();
        String id = o.cvm().running("POSTPAID_BY_HOUR");
        String roleId = o.cam("CreateRole", "RoleName", "operator", "PolicyDocument", trustRoot(o.cvm().uin()),
                "SessionDuration", 3600).path("RoleId").asText();
        long all = o.policy("all", policy(statement("allow", "\"cvm:*\",\"vpc:*\",\"cbs:*\"", "\"*\"", null)));
        o.cam("AttachRolePolicy", "PolicyId", all, "AttachRoleName", "operator");

        Credential session = o.assume(o.sts(), "operator", "DurationSeconds", 900);
        CvmClient asRole = cvmAs(o.cvm(), session, REGION);
        assertThat(CvmFixture.describe(asRole, id)).isNotNull();
        assertThat(call(client(o.cvm(), session, "vpc", "2017-03-12", REGION), "DescribeAddresses")
                .path("AddressSet").isArray()).isTrue();
        assertThat(call(client(o.cvm(), session, "cbs", "2017-03-12", REGION), "DescribeDisks")
                .path("DiskSet").isArray()).isTrue();
        JsonNode me = call(client(o.cvm(), session, "sts", "2018-08-13", REGION), "GetCallerIdentity");
        assertThat(me.path("Type").asText()).isEqualTo("CAMRole");
        assertThat(me.path("Arn").asText()).isEqualTo("qcs::sts:" + o.cvm().uin() + ":assumed-role/" + roleId);
        assertThat(me.path("UserId").asText()).isEqualTo(roleId + ":session-1");

        Credential narrowed = o.assume(o.sts(), "operator", "Policy", encoded(policy(statement("allow",
                "\"cvm:Describe*\"", "\"*\"", null))));
        CvmClient asNarrowed = cvmAs(o.cvm(), narrowed, REGION);
        assertThat(CvmFixture.describe(asNarrowed, id)).isNotNull();
        assertThat(refusal(() -> asNarrowed.TerminateInstances(CvmFixture.request(id))).getErrorCode())
                .isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(o.cvm().state(id)).isEqualTo("RUNNING");
        CvmFixture.terminate(asRole, id);

        // The role's own ARN form by id works too; the role's maximum bounds the duration.
        String byId = "qcs::cam::uin/" + o.cvm().uin() + ":role/" + roleId;
        assertThat(call(o.sts(), "AssumeRole", "RoleArn", byId, "RoleSessionName", "by-id").path("ExpiredTime")
                .asLong()).isPositive();
        assertThat(CvmFixture.codeOf(() -> call(o.sts(), "AssumeRole", "RoleArn", byId, "RoleSessionName", "s2",
                "DurationSeconds", 3601))).isEqualTo("InvalidParameter.OverTimeError");

        // The session expires on the server clock; a deleted role's session may do nothing.
        o.cvm().advanceClockOnly(Duration.ofSeconds(900));
        assertThat(CvmFixture.codeOf(() -> asRole.DescribeInstances(new DescribeInstancesRequest())))
                .isEqualTo("UnauthorizedOperation.InvalidToken");
        Credential later = o.assume(o.sts(), "operator");
        o.cam("DeleteRole", "RoleName", "operator");
        assertThat(CvmFixture.codeOf(() -> cvmAs(o.cvm(), later, REGION).DescribeInstances(new DescribeInstancesRequest())))
                .isEqualTo("AuthFailure.UnauthorizedOperation");
    }

    @Test
    void aSubUserNeedsTheTrustPolicyAndItsOwnPermissionToAssumeARole() throws Exception {
        Owner o = owner();
        var user = o.user("ops");
        CommonClient userSts = client(o.cvm(), user.getValue(), "sts", "2018-08-13", REGION);
        o.cam("CreateRole", "RoleName", "rooted", "PolicyDocument", trustRoot(o.cvm().uin()));
        o.cam("CreateRole", "RoleName", "for-ops", "PolicyDocument", trustUser(o.cvm().uin(), user.getKey()));

        TencentCloudSDKException own = refusal(() -> o.assume(userSts, "for-ops"));
        assertThat(own.getErrorCode()).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(own.getMessage()).contains("(sts:AssumeRole)\nresource (" + o.roleArn("for-ops") + ")");
        o.cam("AttachUserPolicy", "PolicyId", o.policy("assume", policy(statement("allow", "\"sts:AssumeRole\"",
                "\"qcs::cam::uin/" + o.cvm().uin() + ":roleName/*\"", null))), "AttachUin", user.getKey());

        assertThat(o.assume(userSts, "for-ops").getToken()).isNotEmpty();
        // A trust policy naming the account's root admits its sub-users too; one naming a sub-user admits only it.
        assertThat(o.assume(userSts, "rooted").getToken()).isNotEmpty();
        TencentCloudSDKException untrusted = refusal(() -> o.assume(o.sts(), "for-ops"));
        assertThat(untrusted.getErrorCode()).isEqualTo("UnauthorizedOperation");
        assertThat(untrusted.getMessage()).contains("(sts:AssumeRole)");
    }
}
