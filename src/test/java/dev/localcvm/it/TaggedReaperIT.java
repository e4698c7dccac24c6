package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Tag;
import com.tencentcloudapi.cvm.v20170312.models.TagSpecification;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.JsonBody;
import dev.localcvm.testing.TestServer.Mode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's "CAM and STS" worked example, step by step (issue 16): a reaper that runs as a sub-user, or as a
 * session of a role, whose policy allows cvm:TerminateInstances only on instances tagged env=ci. It terminates what
 * it should, a batch holding one instance it may not touch is refused whole and changes nothing, and a deny
 * statement overrides the allow.
 */
class TaggedReaperIT {
    private static CvmFixture server;

    @BeforeAll
    static void start() {
        server = CvmFixture.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The reaper's policy of the README: describe anything, terminate only what is tagged env=ci. */
    static String reaperPolicy(String ownerUin) {
        return JsonBody.of("version", "2.0", "statement", List.of(
                JsonBody.map("effect", "allow", "action", List.of("cvm:Describe*"), "resource", List.of("*")),
                JsonBody.map("effect", "allow", "action", List.of("cvm:TerminateInstances"),
                        "resource", List.of("qcs::cvm:ap-guangzhou:uin/" + ownerUin + ":instance/*"),
                        "condition", Map.of("for_any_value:string_equal", Map.of("qcs:resource_tag", List.of("env&ci"))))));
    }

    private record Owner(CvmFixture cvm, CommonClient cam, CommonClient sts) {
        JsonNode call(CommonClient client, String action, Object... keyValues) throws Exception {
            return JsonBody.response(client, action, keyValues);
        }

        String tagged(String env) throws TencentCloudSDKException {
            RunInstancesRequest run = cvm.runRequest("POSTPAID_BY_HOUR", CvmFixture.IMAGE, null, 1);
            if (env != null) {
                Tag tag = new Tag();
                tag.setKey("env");
                tag.setValue(env);
                TagSpecification spec = new TagSpecification();
                spec.setResourceType("instance");
                spec.setTags(new Tag[] {tag});
                run.setTagSpecification(new TagSpecification[] {spec});
            }
            String id = cvm.launch(run)[0];
            cvm.settle();
            return id;
        }

        CvmClient as(Credential credential) {
            return cvm.server().cvm(Mode.TC3_POST, CvmFixture.REGION, credential);
        }
    }

    private static Owner owner(String name) {
        CvmFixture cvm = server.newAccount(name);
        return new Owner(cvm,
                new CommonClient("cam", "2019-01-16", cvm.credential(), CvmFixture.REGION, cvm.server().profile(Mode.TC3_POST)),
                new CommonClient("sts", "2018-08-13", cvm.credential(), CvmFixture.REGION, cvm.server().profile(Mode.TC3_POST)));
    }

    private static TencentCloudSDKException refused(CvmClient client, String... ids) {
        try {
            CvmFixture.terminate(client, ids);
        } catch (TencentCloudSDKException e) {
            return e;
        }
        throw new AssertionError("TerminateInstances " + List.of(ids) + " was not refused");
    }

    @Test
    void aSubUserReaperTerminatesOnlyTaggedInstancesAndADenyOverridesItsAllow() throws Exception {
        Owner root = owner("reaper-sub-user");
        String ci1 = root.tagged("ci");
        String ci2 = root.tagged("ci");
        String ci3 = root.tagged("ci");
        String prod = root.tagged("prod");
        String untagged = root.tagged(null);

        // Step 1-3 of the README: a sub-user with an API key, a policy, the attachment.
        JsonNode user = root.call(root.cam(), "AddUser", "Name", "reaper", "UseApi", 1, "ConsoleLogin", 0);
        long uin = user.path("Uin").asLong();
        Credential key = new Credential(user.path("SecretId").asText(), user.path("SecretKey").asText());
        long policy = root.call(root.cam(), "CreatePolicy", "PolicyName", "ci-reaper",
                "PolicyDocument", reaperPolicy(root.cvm().uin())).path("PolicyId").asLong();
        root.call(root.cam(), "AttachUserPolicy", "PolicyId", policy, "AttachUin", uin);
        CvmClient reaper = root.as(key);

        // A batch with one instance the policy does not cover: refused whole, naming it, nothing changed.
        Map<String, String> before = root.cvm().snapshots(ci1, ci2, prod, untagged);
        TencentCloudSDKException e = refused(reaper, ci1, ci2, prod, untagged);
        assertThat(e.getErrorCode()).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(e.getMessage()).contains("you are not authorized to perform operation (cvm:TerminateInstances)")
                .contains("resource (qcs::cvm:ap-guangzhou:uin/" + root.cvm().uin() + ":instance/" + prod
                        + ") has no permission");
        assertThat(root.cvm().snapshots(ci1, ci2, prod, untagged)).isEqualTo(before);
        assertThat(refused(reaper, untagged).getMessage()).contains(":instance/" + untagged + ")");

        // What the policy covers goes.
        CvmFixture.terminate(reaper, ci1, ci2);
        assertThat(root.cvm().snapshots(ci1, ci2)).as("terminated")
                .doesNotContainEntry(ci1, before.get(ci1)).doesNotContainEntry(ci2, before.get(ci2));

        // Step 5: a deny statement wins over the allow.
        long deny = root.call(root.cam(), "CreatePolicy", "PolicyName", "no-terminate", "PolicyDocument",
                JsonBody.of("version", "2.0", "statement", List.of(JsonBody.map("effect", "deny",
                        "action", List.of("cvm:TerminateInstances"), "resource", List.of("*"))))).path("PolicyId").asLong();
        root.call(root.cam(), "AttachUserPolicy", "PolicyId", deny, "AttachUin", uin);
        String before3 = root.cvm().snapshot(ci3);
        assertThat(refused(reaper, ci3).getMessage()).contains(":instance/" + ci3 + ")");
        assertThat(root.cvm().snapshot(ci3)).isEqualTo(before3);
        root.call(root.cam(), "DetachUserPolicy", "PolicyId", deny, "DetachUin", uin);
        CvmFixture.terminate(reaper, ci3);
    }

    @Test
    void aRoleSessionWithTheSamePolicyReapsThroughItsTemporaryCredentials() throws Exception {
        Owner root = owner("reaper-role");
        String ci = root.tagged("ci");
        String untagged = root.tagged(null);
        String trust = JsonBody.of("version", "2.0", "statement", List.of(JsonBody.map("effect", "allow",
                "action", List.of("name/sts:AssumeRole"),
                "principal", Map.of("qcs", List.of("qcs::cam::uin/" + root.cvm().uin() + ":root")))));
        String roleId = root.call(root.cam(), "CreateRole", "RoleName", "ci-reaper", "PolicyDocument", trust)
                .path("RoleId").asText();
        long policy = root.call(root.cam(), "CreatePolicy", "PolicyName", "ci-reaper",
                "PolicyDocument", reaperPolicy(root.cvm().uin())).path("PolicyId").asLong();
        root.call(root.cam(), "AttachRolePolicy", "PolicyId", policy, "AttachRoleId", roleId);

        JsonNode credentials = root.call(root.sts(), "AssumeRole", "RoleArn",
                "qcs::cam::uin/" + root.cvm().uin() + ":roleName/ci-reaper", "RoleSessionName", "nightly",
                "DurationSeconds", 3600).path("Credentials");
        CvmClient reaper = root.as(new Credential(credentials.path("TmpSecretId").asText(),
                credentials.path("TmpSecretKey").asText(), credentials.path("Token").asText()));

        Map<String, String> before = root.cvm().snapshots(ci, untagged);
        assertThat(refused(reaper, ci, untagged).getErrorCode()).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(root.cvm().snapshots(ci, untagged)).isEqualTo(before);
        CvmFixture.terminate(reaper, ci);
        assertThat(root.cvm().snapshot(ci)).as("terminated").isNotEqualTo(before.get(ci));

        // The session ends on the server clock: an hour later its key is refused.
        root.cvm().advance(3601);
        assertThat(refused(reaper, untagged).getErrorCode()).isEqualTo("UnauthorizedOperation.InvalidToken");
    }
}
