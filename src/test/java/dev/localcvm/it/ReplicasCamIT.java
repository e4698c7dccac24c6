package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.testing.JsonBody;
import dev.localcvm.testing.Replicas;
import dev.localcvm.testing.TestServer;
import dev.localcvm.testing.TestServer.Mode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one PostgreSQL (issue 16): what the root changes in CAM through one replica, the other enforces
 * on the very next request, because a non-root signer's policies, keys and roles are read from the store on every
 * request and never cached.
 */
class ReplicasCamIT {
    private static final String REGION = Replicas.REGION;
    private static final String DENIED = "AuthFailure.UnauthorizedOperation";
    private Replicas replicas;

    @BeforeEach
    void start() {
        replicas = Replicas.start(Duration.ofSeconds(1), false, ServerClock.system(), ServerClock.system());
    }

    @AfterEach
    void stop() {
        replicas.close();
    }

    private static CommonClient client(TestServer server, String product, String version, Credential credential) {
        return new CommonClient(product, version, credential, REGION, server.profile(Mode.TC3_POST));
    }

    private static Credential root(TestServer server) {
        return new Credential(server.secretId(), server.secretKey());
    }

    private static JsonNode cam(TestServer server, String action, Object... keyValues) throws Exception {
        CommonClient client = client(server, "cam", "2019-01-16", root(server));
        return JsonBody.response(client, action, keyValues);
    }

    private static long createPolicy(TestServer server, String name, String effect, String action) throws Exception {
        String document = JsonBody.of("version", "2.0", "statement", List.of(JsonBody.map(
                "effect", effect, "action", List.of(action), "resource", List.of("*"))));
        return cam(server, "CreatePolicy", "PolicyName", name, "PolicyDocument", document).path("PolicyId").asLong();
    }

    private static String describeCode(TestServer server, Credential credential) {
        CvmClient cvm = server.cvm(Mode.TC3_POST, REGION, credential);
        try {
            cvm.DescribeInstances(new DescribeInstancesRequest());
            return "ok";
        } catch (TencentCloudSDKException e) {
            return e.getErrorCode();
        }
    }

    @Test
    void policyChangesMadeThroughOneReplicaAreEnforcedByTheOtherAtOnce() throws Exception {
        TestServer a = replicas.a();
        TestServer b = replicas.b();
        JsonNode user = cam(a, "AddUser", "Name", "reaper", "UseApi", 1, "ConsoleLogin", 0);
        String uin = user.path("Uin").asText();
        Credential reaper = new Credential(user.path("SecretId").asText(), user.path("SecretKey").asText());
        assertThat(describeCode(b, reaper)).as("no policy yet").isEqualTo(DENIED);

        long reads = createPolicy(a, "reads", "allow", "cvm:Describe*");
        cam(a, "AttachUserPolicy", "PolicyId", reads, "AttachUin", Long.parseLong(uin));
        assertThat(describeCode(b, reaper)).as("attached on A, used on B").isEqualTo("ok");

        cam(b, "DetachUserPolicy", "PolicyId", reads, "DetachUin", Long.parseLong(uin));
        assertThat(describeCode(a, reaper)).as("detached on B, used on A").isEqualTo(DENIED);

        cam(a, "AttachUserPolicy", "PolicyId", reads, "AttachUin", Long.parseLong(uin));
        assertThat(describeCode(b, reaper)).isEqualTo("ok");
        long deny = createPolicy(b, "no-describe", "deny", "cvm:DescribeInstances");
        cam(b, "AttachUserPolicy", "PolicyId", deny, "AttachUin", Long.parseLong(uin));
        assertThat(describeCode(a, reaper)).as("a deny attached on B wins on A").isEqualTo(DENIED);

        cam(a, "DeletePolicy", "PolicyId", List.of(deny));
        assertThat(describeCode(b, reaper)).as("the deny deleted on A").isEqualTo("ok");

        cam(a, "UpdateAccessKey", "AccessKeyId", reaper.getSecretId(), "Status", "Inactive", "TargetUin",
                Long.parseLong(uin));
        assertThat(describeCode(b, reaper)).as("a key disabled on A is refused by B")
                .isEqualTo("AuthFailure.SecretIdNotFound");
    }

    @Test
    void aRoleSessionFromOneReplicaLosesWhatTheOtherTakesFromItsRole() throws Exception {
        TestServer a = replicas.a();
        TestServer b = replicas.b();
        String owner = a.server().defaultKey().account().uin();
        String trust = JsonBody.of("version", "2.0", "statement", List.of(JsonBody.map("effect", "allow",
                "action", List.of("name/sts:AssumeRole"),
                "principal", JsonBody.map("qcs", List.of("qcs::cam::uin/" + owner + ":root")))));
        JsonNode role = cam(a, "CreateRole", "RoleName", "ci-reaper", "PolicyDocument", trust);
        String roleId = role.path("RoleId").asText();
        long reads = createPolicy(a, "role-reads", "allow", "cvm:Describe*");
        cam(a, "AttachRolePolicy", "PolicyId", reads, "AttachRoleId", roleId);

        CommonClient sts = client(b, "sts", "2018-08-13", root(b));
        JsonNode credentials = JsonBody.response(sts, "AssumeRole",
                "RoleArn", "qcs::cam::uin/" + owner + ":roleName/ci-reaper", "RoleSessionName", "run-1",
                "DurationSeconds", 900).path("Credentials");
        Credential session = new Credential(credentials.path("TmpSecretId").asText(),
                credentials.path("TmpSecretKey").asText(), credentials.path("Token").asText());
        assertThat(describeCode(a, session)).as("issued by B, used on A").isEqualTo("ok");

        cam(b, "DeleteRole", "RoleId", roleId);
        assertThat(describeCode(a, session)).as("the role deleted on B").isEqualTo(DENIED);
    }
}
