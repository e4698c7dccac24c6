package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import dev.localcvm.testing.CvmFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TerminateInstances error codes of cvm-terminate.md §2, rows 38-46: the prepaid return policy (phase 10),
 * the operation quota (phase 11) and fault injection at commit (phase 12), with the official SDK. Account
 * attributes are set on fresh accounts so that they touch no other test.
 */
class TerminatePrepaidErrorCodesIT {
    static CvmFixture cvm;

    @BeforeAll
    static void start() {
        cvm = CvmFixture.start();
    }

    @AfterAll
    static void stop() {
        cvm.close();
    }

    @AfterEach
    void clearFaults() {
        cvm.admin("DELETE", "/_localcvm/faults", null);
    }

    /** Moves a RUNNING prepaid instance into the recycle bin (first call, isolation finished). */
    private static void isolate(CvmFixture f, String id) throws TencentCloudSDKException {
        f.terminate(id);
        f.settle();
        Instance i = f.describe(id);
        assertThat(i.getInstanceState()).isEqualTo("SHUTDOWN");
        assertThat(i.getLatestOperationState()).isEqualTo("SUCCESS");
    }

    // ---- phase 10: prepaid return policy (first calls only) ----

    @Test
    void row38UnpaidOrderRefusesPrepaidFirstCallsOnly() throws Exception {
        CvmFixture acct = cvm.newAccount("terminate-it");
        String prepaid = acct.running("PREPAID");
        String inBin = acct.running("PREPAID");
        isolate(acct, inBin);
        String postpaid = acct.running("POSTPAID_BY_HOUR");
        acct.setAccount(new JsonObject().put("unpaidOrder", true));

        acct.refusedTerminate("InvalidAccount.UnpaidOrder", prepaid);
        // The batch-level check answers before any per-id return check and before the return quota.
        acct.setInstance(prepaid, new JsonObject().put("returnable", false));
        acct.setAccount(new JsonObject().put("returnQuota", 0));
        acct.refusedTerminate("InvalidAccount.UnpaidOrder", prepaid);

        // A postpaid batch, and a prepaid second call, are not refused by it.
        acct.terminate(postpaid);
        assertThat(acct.state(postpaid)).isEqualTo("TERMINATING");
        acct.terminate(inBin);
        assertThat(acct.state(inBin)).isEqualTo("TERMINATING");
    }

    @Test
    void row39RedHatPrepaidFirstCall() throws Exception {
        String rhel = cvm.running("PREPAID", CvmFixture.RED_HAT_IMAGE, null, 1)[0];
        assertThat(cvm.describe(rhel).getOsName()).startsWith("Red Hat");
        TencentCloudSDKException e = cvm.refusedTerminate("UnsupportedOperation.RedHatInstanceTerminateUnsupported", rhel);
        assertThat(e.getMessage()).contains(rhel);

        // Only prepaid returns: a postpaid Red Hat instance is terminated.
        String postpaid = cvm.running("POSTPAID_BY_HOUR", CvmFixture.RED_HAT_IMAGE, null, 1)[0];
        cvm.terminate(postpaid);
        assertThat(cvm.state(postpaid)).isEqualTo("TERMINATING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SN2.MEDIUM4", "CN2.LARGE8", "FX2.MEDIUM16"})
    void row40PrepaidTypeOutsideTheReturnPolicy(String type) throws Exception {
        String[] ids = cvm.running("PREPAID", CvmFixture.IMAGE, type, 1);
        String ok = cvm.running("PREPAID");
        TencentCloudSDKException e = cvm.refusedTerminate("InvalidInstanceNotSupportedPrepaidInstance", ok, ids[0]);
        assertThat(e.getMessage()).contains(ids[0]);

        String postpaid = cvm.running("POSTPAID_BY_HOUR", CvmFixture.IMAGE, type, 1)[0];
        cvm.terminate(postpaid);
        assertThat(cvm.state(postpaid)).isEqualTo("TERMINATING");
    }

    @Test
    void row41Unreturnable() throws Exception {
        String[] ids = cvm.running("PREPAID", 2);
        cvm.setInstance(ids[1], new JsonObject().put("returnable", false));
        TencentCloudSDKException e = cvm.refusedTerminate("FailedOperation.Unreturnable", ids);
        assertThat(e.getMessage()).contains(ids[1]);
        cvm.terminate(ids[0]);
        assertThat(cvm.state(ids[0])).isEqualTo("SHUTDOWN");
    }

    @Test
    void rows39To41InRowOrderForOneId() throws Exception {
        String id = cvm.running("PREPAID", CvmFixture.RED_HAT_IMAGE, "SN2.MEDIUM4", 1)[0];
        cvm.setInstance(id, new JsonObject().put("returnable", false));
        cvm.refusedTerminate("UnsupportedOperation.RedHatInstanceTerminateUnsupported", id);
        cvm.setInstance(id, new JsonObject().put("osName", "TencentOS Server 3.1 (TK4)"));
        cvm.refusedTerminate("InvalidInstanceNotSupportedPrepaidInstance", id);
    }

    @Test
    void row42ReturnQuotaForABatch() throws Exception {
        CvmFixture acct = cvm.newAccount("terminate-it");
        acct.setAccount(new JsonObject().put("returnQuota", 1));
        String[] ids = acct.running("PREPAID", 2);
        acct.refusedTerminate("LimitExceeded.UserReturnQuota", ids);

        // One return fits; it uses the quota up, so the next first call is refused.
        acct.terminate(ids[0]);
        acct.settle();
        acct.refusedTerminate("LimitExceeded.UserReturnQuota", ids[1]);
        // A second call is no return: it is not refused.
        acct.terminate(ids[0]);
        assertThat(acct.state(ids[0])).isEqualTo("TERMINATING");
        // The quota is checked before the per-id return checks.
        acct.setInstance(ids[1], new JsonObject().put("returnable", false));
        acct.refusedTerminate("LimitExceeded.UserReturnQuota", ids[1]);
    }

    @Test
    void row42ReturnsUsedAtTheQuota() throws Exception {
        CvmFixture acct = cvm.newAccount("terminate-it");
        String id = acct.running("PREPAID");
        acct.setAccount(new JsonObject().put("returnQuota", 5).put("returnsUsed", 5));
        acct.refusedTerminate("LimitExceeded.UserReturnQuota", id);
        acct.setAccount(new JsonObject().put("returnsUsed", 4));
        acct.terminate(id);
        assertThat(acct.state(id)).isEqualTo("SHUTDOWN");
    }

    // ---- phase 11: operation quota ----

    @Test
    void row43TerminateQuotaBelowTheBatchSize() throws Exception {
        CvmFixture acct = cvm.newAccount("terminate-it");
        String[] ids = acct.running("POSTPAID_BY_HOUR", 3);
        acct.setAccount(new JsonObject().put("terminateQuota", 1));
        acct.refusedTerminate("UnsupportedOperation.UserLimitOperationExceedQuota", ids[0], ids[1]);

        acct.setAccount(new JsonObject().put("terminateQuota", 0));
        acct.refusedTerminate("UnsupportedOperation.UserLimitOperationExceedQuota", ids[2]);
        // Earlier phases answer first: a stopping instance gives its state code (phase 8).
        acct.setInstance(ids[2], new JsonObject().put("state", "STOPPING"));
        acct.refusedTerminate("UnsupportedOperation.InstanceStateStopping", ids[2]);
        acct.setAccount(new JsonObject().put("terminateQuota", 1));
        acct.terminate(ids[0]);
        assertThat(acct.state(ids[0])).isEqualTo("TERMINATING");
        acct.setAccount(new JsonObject().putNull("terminateQuota"));
        acct.terminate(ids[1]);
        assertThat(acct.state(ids[1])).isEqualTo("TERMINATING");
    }

    // ---- phase 12: fault injection at commit ----

    private static List<JsonObject> rulesFor(String id) {
        JsonArray rules = cvm.admin("GET", "/_localcvm/faults", null).getJsonArray("Rules");
        return rules.stream().map(JsonObject.class::cast).filter(r -> id.equals(r.getString("instanceId"))).toList();
    }

    @ParameterizedTest
    @CsvSource({
            "UnsupportedOperation.RedHatInstanceUnsupported, POSTPAID_BY_HOUR",
            "InternalError.TradeUnknownError, PREPAID",
            "InternalServerError, POSTPAID_BY_HOUR"})
    void rows44To46InjectedAtCommit(String code, String chargeType) throws Exception {
        CvmFixture acct = cvm.newAccount("terminate-it");
        // Room for two prepaid returns: the bystander's and the retry's (the refused calls must use none).
        acct.setAccount(new JsonObject().put("returnQuota", 2));
        String id = acct.running(chargeType);
        String bystander = acct.running(chargeType);
        acct.admin("POST", "/_localcvm/faults", new JsonObject().put("action", "TerminateInstances").put("code", code)
                .put("instanceId", id).put("remaining", 2));
        assertThat(rulesFor(id)).singleElement().satisfies(r -> assertThat(r.getInteger("remaining")).isEqualTo(2));

        // An instance the rule does not name is not affected.
        acct.terminate(bystander);

        acct.refusedTerminate(code, id);
        assertThat(rulesFor(id)).singleElement().satisfies(r -> assertThat(r.getInteger("remaining")).isEqualTo(1));
        acct.refusedTerminate(code, id);
        assertThat(rulesFor(id)).as("the rule is spent after `remaining` uses").isEmpty();

        // The retry succeeds; for a prepaid return, the failed calls used none of the return quota.
        String requestId = acct.terminate(id);
        Instance after = acct.describe(id);
        assertThat(after.getInstanceState()).isEqualTo(chargeType.equals("PREPAID") ? "SHUTDOWN" : "TERMINATING");
        assertThat(after.getLatestOperationRequestId()).isEqualTo(requestId);
    }

    @Test
    void anEarlierPhaseFailureDoesNotSpendTheRule() throws Exception {
        String id = cvm.running("POSTPAID_BY_HOUR");
        cvm.setInstance(id, new JsonObject().put("disableApiTermination", true));
        cvm.admin("POST", "/_localcvm/faults", new JsonObject().put("action", "TerminateInstances")
                .put("code", "InternalServerError").put("instanceId", id).put("remaining", 1));

        cvm.refusedTerminate("UnsupportedOperation.InstancesProtected", id);
        assertThat(rulesFor(id)).singleElement().satisfies(r -> assertThat(r.getInteger("remaining")).isEqualTo(1));

        cvm.setInstance(id, new JsonObject().put("disableApiTermination", false));
        cvm.refusedTerminate("InternalServerError", id);
        assertThat(rulesFor(id)).isEmpty();
        cvm.terminate(id);
        assertThat(cvm.state(id)).isEqualTo("TERMINATING");
    }

    @Test
    void aFaultInABatchChangesNoInstanceOfIt() throws Exception {
        String[] ids = cvm.running("POSTPAID_BY_HOUR", 3);
        cvm.admin("POST", "/_localcvm/faults", new JsonObject().put("action", "TerminateInstances")
                .put("code", "InternalServerError").put("instanceId", ids[2]).put("remaining", 1));
        cvm.refusedTerminate("InternalServerError", ids);
        for (String id : ids) {
            assertThat(cvm.state(id)).isEqualTo("RUNNING");
        }
    }
}
