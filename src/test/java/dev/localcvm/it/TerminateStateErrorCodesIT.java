package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.ModifyInstancesAttributeRequest;
import com.tencentcloudapi.cvm.v20170312.models.RebootInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StartInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest;
import dev.localcvm.testing.CvmFixture;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TerminateInstances error codes of cvm-terminate.md §2, rows 19-37 (charge type, restrictions,
 * protection, state, operation in flight), and the all-or-nothing batch of §3, with the official SDK.
 */
class TerminateStateErrorCodesIT {
    static CvmFixture cvm;

    @BeforeAll
    static void start() {
        cvm = CvmFixture.start();
    }

    @AfterAll
    static void stop() {
        cvm.close();
    }

    private static String[] ids(String... ids) {
        return ids;
    }

    // ---- phase 5: charge type ----

    @Test
    void row19MixedPostpaidAndSpot() throws Exception {
        String postpaid = cvm.running("POSTPAID_BY_HOUR");
        String spot = cvm.running("SPOTPAID");
        cvm.refusedTerminate("UnsupportedOperation.InstanceMixedPricingModel", postpaid, spot);
        cvm.refusedTerminate("UnsupportedOperation.InstanceMixedPricingModel", spot, postpaid);
    }

    @Test
    void row19MixedPostpaidAndPrepaid() throws Exception {
        String postpaid = cvm.running("POSTPAID_BY_HOUR");
        String prepaid = cvm.running("PREPAID");
        cvm.refusedTerminate("UnsupportedOperation.InstanceMixedPricingModel", postpaid, prepaid);
        // Each alone is fine.
        cvm.terminate(postpaid);
        cvm.terminate(prepaid);
        assertThat(cvm.state(postpaid)).isEqualTo("TERMINATING");
        assertThat(cvm.state(prepaid)).isEqualTo("SHUTDOWN");
    }

    @Test
    void row20Underwrite() throws Exception {
        String[] both = cvm.running("POSTPAID_BY_HOUR", 2);
        cvm.setInstance(both[0], new JsonObject().put("chargeType", "UNDERWRITE"));
        cvm.setInstance(both[1], new JsonObject().put("chargeType", "UNDERWRITE"));
        TencentCloudSDKException e = cvm.refusedTerminate("UnsupportedOperation.InstanceChargeType", both);
        assertThat(e.getMessage()).contains(both[0]);
        // Mixed is checked before the unsupported type.
        String postpaid = cvm.running("POSTPAID_BY_HOUR");
        cvm.refusedTerminate("UnsupportedOperation.InstanceMixedPricingModel", both[0], postpaid);
    }

    // ---- phases 6 and 7: restrictions, protection ----

    @ParameterizedTest
    @CsvSource({"banned, UnsupportedOperation.InstanceStateBanning", "frozen, UnsupportedOperation.InstanceStateFreezing"})
    void rows21And22BannedAndFrozen(String flag, String code) throws Exception {
        String[] ids = cvm.running("POSTPAID_BY_HOUR", 2);
        cvm.setInstance(ids[1], new JsonObject().put(flag, true));
        cvm.refusedTerminate(code, ids);
        cvm.setInstance(ids[1], new JsonObject().put(flag, false));
        cvm.terminate(ids);
        assertThat(cvm.state(ids[0])).isEqualTo("TERMINATING");
        assertThat(cvm.state(ids[1])).isEqualTo("TERMINATING");
    }

    @Test
    void row21BanningComesBeforeFreezing() throws Exception {
        String[] ids = cvm.running("POSTPAID_BY_HOUR", 2);
        cvm.setInstance(ids[0], new JsonObject().put("frozen", true));
        cvm.setInstance(ids[1], new JsonObject().put("banned", true));
        // Per id in request order, and banning before freezing for one id.
        cvm.refusedTerminate("UnsupportedOperation.InstanceStateFreezing", ids[0], ids[1]);
        cvm.setInstance(ids[0], new JsonObject().put("banned", true));
        cvm.refusedTerminate("UnsupportedOperation.InstanceStateBanning", ids[0], ids[1]);
    }

    @Test
    void row23ProtectedAtLaunch() throws Exception {
        RunInstancesRequest req = cvm.runRequest("POSTPAID_BY_HOUR", CvmFixture.IMAGE, null, 1);
        req.setDisableApiTermination(true);
        String id = cvm.launch(req)[0];
        cvm.settle();
        assertThat(cvm.describe(id).getDisableApiTermination()).isTrue();
        TencentCloudSDKException e = cvm.refusedTerminate("UnsupportedOperation.InstancesProtected", id);
        assertThat(e.getMessage()).contains(id);
    }

    @Test
    void row23ProtectedByModifyInstancesAttribute() throws Exception {
        String id = cvm.running("POSTPAID_BY_HOUR");
        modify(id, true);
        cvm.settle();
        cvm.refusedTerminate("UnsupportedOperation.InstancesProtected", id);
        // Protection (phase 7) is checked before the state (phase 8): also while the instance is stopping.
        stop(id);
        assertThat(cvm.state(id)).isEqualTo("STOPPING");
        cvm.refusedTerminate("UnsupportedOperation.InstancesProtected", id);
        cvm.settle();

        modify(id, false);
        cvm.settle();
        cvm.terminate(id);
        assertThat(cvm.state(id)).isEqualTo("TERMINATING");
    }

    // ---- phase 8: state ----

    @Test
    void row24Pending() throws Exception {
        String id = cvm.pending("POSTPAID_BY_HOUR");
        assertThat(cvm.state(id)).isEqualTo("PENDING");
        cvm.refusedTerminate("UnsupportedOperation.InstanceStatePending", id);
    }

    @Test
    void row25LaunchFailed() throws Exception {
        CvmFixture other = cvm.newAccount("terminate-it");
        other.setAccount(new JsonObject().put("failNextLaunches", 1));
        String id = other.pending("POSTPAID_BY_HOUR");
        other.settle();
        Instance failed = other.describe(id);
        assertThat(failed.getInstanceState()).isEqualTo("LAUNCH_FAILED");
        assertThat(failed.getLatestOperationState()).isEqualTo("FAILED");
        other.refusedTerminate("UnsupportedOperation.InstanceStateLaunchFailed", id);
    }

    @Test
    void row26Starting() throws Exception {
        String id = cvm.running("POSTPAID_BY_HOUR");
        stop(id);
        cvm.settle();
        assertThat(cvm.state(id)).isEqualTo("STOPPED");
        StartInstancesRequest start = new StartInstancesRequest();
        start.setInstanceIds(ids(id));
        cvm.client().StartInstances(start);
        assertThat(cvm.state(id)).isEqualTo("STARTING");
        cvm.refusedTerminate("UnsupportedOperation.InstanceStateStarting", id);
    }

    @Test
    void row27Stopping() throws Exception {
        String id = cvm.running("POSTPAID_BY_HOUR");
        stop(id);
        assertThat(cvm.state(id)).isEqualTo("STOPPING");
        cvm.refusedTerminate("UnsupportedOperation.InstanceStateStopping", id);
        // A STOPPED instance is terminated.
        cvm.settle();
        cvm.terminate(id);
        assertThat(cvm.state(id)).isEqualTo("TERMINATING");
    }

    @Test
    void row28Rebooting() throws Exception {
        String id = cvm.running("POSTPAID_BY_HOUR");
        RebootInstancesRequest reboot = new RebootInstancesRequest();
        reboot.setInstanceIds(ids(id));
        cvm.client().RebootInstances(reboot);
        assertThat(cvm.state(id)).isEqualTo("REBOOTING");
        cvm.refusedTerminate("UnsupportedOperation.InstanceStateRebooting", id);
    }

    @Test
    void row29TerminatingOnARepeatedCall() throws Exception {
        String id = cvm.running("POSTPAID_BY_HOUR");
        String requestId = cvm.terminate(id);
        assertThat(cvm.describe(id).getLatestOperationRequestId()).isEqualTo(requestId);
        cvm.refusedTerminate("UnsupportedOperation.InstanceStateTerminating", id);
        assertThat(cvm.describe(id).getLatestOperationRequestId()).isEqualTo(requestId);
    }

    @Test
    void row30IsolatingOnAPrepaidRepeatWithinD() throws Exception {
        String id = cvm.running("PREPAID");
        cvm.terminate(id);
        Instance isolating = cvm.describe(id);
        assertThat(isolating.getInstanceState()).isEqualTo("SHUTDOWN");
        assertThat(isolating.getLatestOperationState()).isEqualTo("OPERATING");
        cvm.refusedTerminate("UnsupportedOperation.InstanceStateIsolating", id);
        // Once isolated, the second call is accepted.
        cvm.settle();
        cvm.terminate(id);
        assertThat(cvm.state(id)).isEqualTo("TERMINATING");
    }

    @ParameterizedTest
    @CsvSource({
            "ENTER_RESCUE_MODE, UnsupportedOperation.InstanceStateEnterRescueMode",
            "EXIT_RESCUE_MODE, UnsupportedOperation.InstanceStateExitRescueMode",
            "ENTER_SERVICE_LIVE_MIGRATE, UnsupportedOperation.InstanceStateEnterServiceLiveMigrate",
            "EXIT_SERVICE_LIVE_MIGRATE, UnsupportedOperation.InstanceStateExitServiceLiveMigrate",
            "RESCUE_MODE, UnsupportedOperation",
            "SERVICE_LIVE_MIGRATE, UnsupportedOperation"})
    void rows31To35RescueAndMigrationStates(String state, String code) throws Exception {
        String[] ids = cvm.running("POSTPAID_BY_HOUR", 2);
        cvm.setInstance(ids[1], new JsonObject().put("state", state));
        assertThat(cvm.state(ids[1])).isEqualTo(state);
        assertThat(cvm.describe(ids[1]).getLatestOperation()).as("admin states leave LatestOperation alone")
                .isEqualTo("RunInstances");
        cvm.refusedTerminate(code, ids[0], ids[1]);
        assertThat(cvm.state(ids[0])).isEqualTo("RUNNING");
    }

    // ---- phase 9: operation in flight ----

    @Test
    void row36OperationInProgressAfterAModify() throws Exception {
        String id = cvm.running("POSTPAID_BY_HOUR");
        ModifyInstancesAttributeRequest rename = new ModifyInstancesAttributeRequest();
        rename.setInstanceIds(ids(id));
        rename.setInstanceName("renamed");
        cvm.client().ModifyInstancesAttribute(rename);
        Instance modifying = cvm.describe(id);
        assertThat(modifying.getInstanceState()).isEqualTo("RUNNING");
        assertThat(modifying.getLatestOperationState()).isEqualTo("OPERATING");

        TencentCloudSDKException e = cvm.refusedTerminate("OperationDenied.InstanceOperationInProgress", id);
        assertThat(e.getMessage()).contains(id);
        cvm.settle();
        cvm.terminate(id);
        assertThat(cvm.state(id)).isEqualTo("TERMINATING");
    }

    @Test
    void row37TaskRunning() throws Exception {
        String[] ids = cvm.running("POSTPAID_BY_HOUR", 2);
        cvm.setInstance(ids[1], new JsonObject().put("taskRunning", true));
        cvm.refusedTerminate("MutexOperation.TaskRunning", ids);
        cvm.setInstance(ids[1], new JsonObject().put("taskRunning", false));
        cvm.terminate(ids);
        assertThat(cvm.state(ids[1])).isEqualTo("TERMINATING");
    }

    // ---- §3: all or nothing, phase order ----

    @ParameterizedTest
    @CsvSource({"disableApiTermination, UnsupportedOperation.InstancesProtected",
            "frozen, UnsupportedOperation.InstanceStateFreezing"})
    void aBatchWhoseLastInstanceFailsChangesNothing(String flag, String code) throws Exception {
        String[] ids = cvm.running("POSTPAID_BY_HOUR", 3);
        cvm.setInstance(ids[2], new JsonObject().put(flag, true));
        Map<String, String> before = cvm.snapshots(ids);

        cvm.refusedTerminate(code, ids);
        for (String id : ids) {
            Instance i = cvm.describe(id);
            assertThat(i.getInstanceState()).as(id).isEqualTo("RUNNING");
            assertThat(i.getLatestOperation()).as(id).isEqualTo("RunInstances");
        }
        assertThat(cvm.snapshots(ids)).isEqualTo(before);

        // Without the last one, the batch commits as one: one RequestId on every instance.
        String requestId = cvm.terminate(ids[0], ids[1]);
        for (String id : new String[] {ids[0], ids[1]}) {
            Instance i = cvm.describe(id);
            assertThat(i.getInstanceState()).isEqualTo("TERMINATING");
            assertThat(i.getLatestOperation()).isEqualTo("TerminateInstances");
            assertThat(i.getLatestOperationRequestId()).isEqualTo(requestId);
        }
        assertThat(cvm.snapshot(ids[2])).isEqualTo(before.get(ids[2]));
    }

    @Test
    void theMessageOfAPerIdErrorNamesTheFailingId() throws Exception {
        String[] ids = cvm.running("POSTPAID_BY_HOUR", 3);
        cvm.setInstance(ids[1], new JsonObject().put("disableApiTermination", true));
        TencentCloudSDKException e = cvm.refusedTerminate("UnsupportedOperation.InstancesProtected", ids);
        assertThat(e.getMessage()).contains(ids[1]).doesNotContain(ids[0]).doesNotContain(ids[2]);
    }

    @Test
    void phasesComeBeforeIds() throws Exception {
        // A is PENDING (phase 8); B, later in the list, belongs to someone else (phase 4): phase 4 answers.
        String b = cvm.running("POSTPAID_BY_HOUR");
        cvm.setInstance(b, new JsonObject().put("foreignOwner", true));
        String a = cvm.pending("POSTPAID_BY_HOUR");
        assertThat(cvm.state(a)).isEqualTo("PENDING");
        TencentCloudSDKException e = cvm.refusedTerminate("UnsupportedOperation.InvalidInstancesOwner", a, b);
        assertThat(e.getMessage()).contains(b);
        // And with A alone, its own phase-8 code.
        cvm.refusedTerminate("UnsupportedOperation.InstanceStatePending", a);

        // A protected (phase 7) after a stopping one (phase 8): protection answers.
        String c = cvm.running("POSTPAID_BY_HOUR");
        String d = cvm.running("POSTPAID_BY_HOUR");
        cvm.setInstance(d, new JsonObject().put("disableApiTermination", true));
        stop(c);
        assertThat(cvm.state(c)).isEqualTo("STOPPING");
        assertThat(cvm.refusedTerminate("UnsupportedOperation.InstancesProtected", c, d).getMessage()).contains(d);
    }

    private static void stop(String id) throws TencentCloudSDKException {
        StopInstancesRequest stop = new StopInstancesRequest();
        stop.setInstanceIds(ids(id));
        cvm.client().StopInstances(stop);
    }

    private static void modify(String id, boolean protect) throws TencentCloudSDKException {
        ModifyInstancesAttributeRequest req = new ModifyInstancesAttributeRequest();
        req.setInstanceIds(ids(id));
        req.setDisableApiTermination(protect);
        cvm.client().ModifyInstancesAttribute(req);
    }
}
