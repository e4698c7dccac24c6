package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin switches on a credential (issue 16): a deny list, which acts as an explicit CAM deny on the key and holds
 * for the root too, and a read-only flag; both beside the MFA state and temporary keys, which keep working.
 */
class CredentialSwitchesIT {
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static CvmFixture root;

    @BeforeAll
    static void start() {
        root = CvmFixture.start();
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    private static CvmFixture account() {
        return root.newAccount("switches-" + ACCOUNTS.incrementAndGet());
    }

    private static JsonObject set(CvmFixture cvm, String secretId, JsonObject attributes) {
        return cvm.admin("POST", "/_localcvm/credentials/" + secretId + "/attributes", attributes);
    }

    private static CommonClient vpc(CvmFixture cvm) {
        return new CommonClient("vpc", "2017-03-12", cvm.credential(), CvmFixture.REGION,
                cvm.server().profile(TestServer.Mode.TC3_POST));
    }

    @Test
    void aDeniedActionIsRefusedInCamsWordsForTheRootAndChangesNothing() throws Exception {
        CvmFixture cvm = account();
        String id = cvm.running("POSTPAID_BY_HOUR");
        JsonObject view = set(cvm, cvm.credential().getSecretId(),
                new JsonObject().put("deniedActions", new JsonArray(List.of("cvm:TerminateInstances"))));
        assertThat(view.getJsonArray("deniedActions").getList()).containsExactly("cvm:TerminateInstances");
        assertThat(view.getBoolean("readOnly")).isFalse();

        TencentCloudSDKException e = cvm.refusedTerminate("AuthFailure.UnauthorizedOperation", id);
        assertThat(e.getMessage()).contains("you are not authorized to perform operation (cvm:TerminateInstances)\n"
                + "resource (qcs::cvm:ap-guangzhou:uin/" + cvm.uin() + ":instance/" + id + ") has no permission\n");
        assertThat(cvm.state(id)).isEqualTo("RUNNING");
        // Other actions are untouched.
        assertThat(cvm.describe(id)).isNotNull();

        set(cvm, cvm.credential().getSecretId(), new JsonObject().putNull("deniedActions"));
        cvm.terminate(id);
    }

    @Test
    void patternsMatchBareNamesServicesAndWildcards() throws Exception {
        CvmFixture cvm = account();
        String key = cvm.credential().getSecretId();
        set(cvm, key, new JsonObject().put("deniedActions", new JsonArray(List.of("Describe*"))));
        assertThat(CvmFixture.codeOf(() -> cvm.client().DescribeInstances(new DescribeInstancesRequest())))
                .isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(CvmFixture.codeOf(() -> vpc(cvm).call("DescribeAddresses", "{}")))
                .isEqualTo("AuthFailure.UnauthorizedOperation");

        set(cvm, key, new JsonObject().put("deniedActions", new JsonArray(List.of("vpc:*"))));
        assertThat(cvm.client().DescribeInstances(new DescribeInstancesRequest()).getTotalCount()).isZero();
        TencentCloudSDKException e = refused(() -> vpc(cvm).call("DescribeAddresses", "{}"));
        assertThat(e.getErrorCode()).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(e.getMessage()).contains("(vpc:DescribeAddresses)\nresource (*) has no permission");

        set(cvm, key, new JsonObject().put("deniedActions", new JsonArray(List.of("cvm:Run*"))));
        assertThat(vpc(cvm).call("DescribeAddresses", "{}")).contains("AddressSet");
        assertThat(CvmFixture.codeOf(() -> cvm.run("POSTPAID_BY_HOUR"))).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(CvmFixture.describeAll(cvm.client())).isEmpty();
    }

    @Test
    void aReadOnlyCredentialReadsButWritesNothing() throws Exception {
        CvmFixture cvm = account();
        String id = cvm.running("POSTPAID_BY_HOUR");
        set(cvm, cvm.credential().getSecretId(), new JsonObject().put("readOnly", true));

        assertThat(cvm.describe(id)).isNotNull();
        assertThat(vpc(cvm).call("DescribeVpcs", "{}")).contains("VpcSet");
        assertThat(CvmFixture.codeOf(() -> cvm.run("POSTPAID_BY_HOUR"))).isEqualTo("UnauthorizedOperation");
        cvm.refusedTerminate("UnauthorizedOperation", id);
        assertThat(CvmFixture.codeOf(() -> vpc(cvm).call("AllocateAddresses", "{}"))).isEqualTo("UnauthorizedOperation");
        assertThat(CvmFixture.describeAll(cvm.client())).hasSize(1);
        assertThat(cvm.state(id)).isEqualTo("RUNNING");

        set(cvm, cvm.credential().getSecretId(), new JsonObject().put("readOnly", false));
        cvm.terminate(id);
    }

    @Test
    void switchesLeaveEachOtherAndMfaAloneAndTemporaryKeysKeepWorking() throws Exception {
        CvmFixture cvm = account();
        String key = cvm.credential().getSecretId();
        set(cvm, key, new JsonObject().put("mfa", "FAILED"));
        JsonObject view = set(cvm, key, new JsonObject().put("readOnly", true));
        assertThat(view.getString("mfa")).isEqualTo("FAILED");
        assertThat(CvmFixture.codeOf(() -> cvm.client().DescribeInstances(new DescribeInstancesRequest())))
                .isEqualTo("AuthFailure.MFAFailure");
        view = set(cvm, key, new JsonObject().putNull("mfa"));
        assertThat(view.getBoolean("readOnly")).isTrue();
        assertThat(cvm.client().DescribeInstances(new DescribeInstancesRequest()).getTotalCount()).isZero();

        // A temporary key of the account has switches of its own.
        Credential temporary = cvm.temporaryKey(600);
        CvmClient withToken = cvm.server().cvm(TestServer.Mode.TC3_POST, CvmFixture.REGION, temporary);
        String id = CvmFixture.run(withToken, "POSTPAID_BY_HOUR", r -> { }).get(0);
        set(cvm, temporary.getSecretId(), new JsonObject().put("deniedActions", new JsonArray(List.of("Run*"))));
        assertThat(CvmFixture.codeOf(() -> CvmFixture.run(withToken, "POSTPAID_BY_HOUR", r -> { })))
                .isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(CvmFixture.describe(withToken, id)).isNotNull();
        cvm.advanceClockOnly(java.time.Duration.ofSeconds(601));
        assertThat(CvmFixture.codeOf(() -> withToken.DescribeInstances(new DescribeInstancesRequest())))
                .isEqualTo("UnauthorizedOperation.InvalidToken");
    }

    @Test
    void anUnknownCredentialIs404() {
        CvmFixture cvm = account();
        assertThat(cvm.server().adminRaw("POST", "/_localcvm/credentials/AKIDnope/attributes",
                new JsonObject().put("readOnly", true)).status()).isEqualTo(404);
    }

    private static TencentCloudSDKException refused(CvmFixture.Call call) {
        try {
            call.call();
        } catch (TencentCloudSDKException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a refusal");
    }
}
