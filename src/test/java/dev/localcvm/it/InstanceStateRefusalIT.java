package dev.localcvm.it;

import static dev.localcvm.testing.CvmFixture.codeOf;
import static dev.localcvm.testing.CvmFixture.terminate;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.ModifyInstancesAttributeRequest;
import com.tencentcloudapi.cvm.v20170312.models.RebootInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StartInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest;
import dev.localcvm.testing.CvmFixture;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * cvm-terminate.md §5.3 for StartInstances, StopInstances, RebootInstances and ModifyInstancesAttribute:
 * in every state a refused action answers the code naming the state and changes nothing; batches are
 * atomic. (TerminateInstances' column is covered by the Terminate*IT classes.)
 */
class InstanceStateRefusalIT {
    private static final String PREFIX = "UnsupportedOperation.InstanceState";
    private static final List<String> ACTIONS = List.of("Start", "Stop", "Reboot", "Modify");
    private CvmFixture it;
    private CvmClient cvm;

    @BeforeEach
    void start() {
        it = CvmFixture.start();
        cvm = it.client();
    }

    @AfterEach
    void stop() {
        it.close();
    }

    private void act(String action, String... ids) throws TencentCloudSDKException {
        switch (action) {
            case "Start" -> {
                StartInstancesRequest r = new StartInstancesRequest();
                r.setInstanceIds(ids);
                cvm.StartInstances(r);
            }
            case "Stop" -> {
                StopInstancesRequest r = new StopInstancesRequest();
                r.setInstanceIds(ids);
                cvm.StopInstances(r);
            }
            case "Reboot" -> {
                RebootInstancesRequest r = new RebootInstancesRequest();
                r.setInstanceIds(ids);
                cvm.RebootInstances(r);
            }
            case "Modify" -> {
                ModifyInstancesAttributeRequest r = new ModifyInstancesAttributeRequest();
                r.setInstanceIds(ids);
                r.setInstanceName("renamed-" + action);
                cvm.ModifyInstancesAttribute(r);
            }
            default -> throw new IllegalArgumentException(action);
        }
    }

    /** What a refused call must leave alone. */
    private static String snapshot(Instance i) {
        return i == null ? "absent" : String.join("|", i.getInstanceState(), i.getLatestOperation(),
                i.getLatestOperationState(), i.getLatestOperationRequestId(), i.getInstanceName(),
                String.valueOf(i.getDisableApiTermination()));
    }

    private void expectRefused(SoftAssertions soft, String label, String id, String action, String code)
            throws TencentCloudSDKException {
        String before = snapshot(it.describe(id));
        String actual = codeOf(() -> act(action, id));
        soft.assertThat(actual).as("%s on %s", action, label).isEqualTo(code);
        soft.assertThat(snapshot(it.describe(id))).as("%s on %s changed the instance", action, label).isEqualTo(before);
    }

    @Test
    void everyStateAnswersTheCodeThatNamesIt() throws Exception {
        it.setAccount(new JsonObject().put("failNextLaunches", 1));
        String launchFailed = it.run(null);
        String running = it.run(null);
        String stopped = it.run(null);
        String inBin = it.run("PREPAID");
        String destroyed = it.run(null);
        String starting = it.run(null);
        String stopping = it.run(null);
        String rebooting = it.run(null);
        String isolating = it.run("PREPAID");
        String terminating = it.run(null);
        String modifying = it.run(null);
        it.advance(1);

        act("Stop", stopped, starting);
        terminate(cvm, inBin);
        terminate(cvm, destroyed);
        it.advance(1);
        assertThat(it.describe(stopped).getInstanceState()).isEqualTo("STOPPED");
        assertThat(it.describe(inBin).getLatestOperationState()).isEqualTo("SUCCESS");
        assertThat(it.describe(destroyed)).isNull();

        String pending = it.run(null);
        act("Start", starting);
        act("Stop", stopping);
        act("Reboot", rebooting);
        terminate(cvm, isolating);
        terminate(cvm, terminating);
        act("Modify", modifying);

        Map<String, String[]> byState = new LinkedHashMap<>();
        byState.put("PENDING", new String[] {pending, "Pending"});
        byState.put("LAUNCH_FAILED", new String[] {launchFailed, "LaunchFailed"});
        byState.put("STARTING", new String[] {starting, "Starting"});
        byState.put("STOPPING", new String[] {stopping, "Stopping"});
        byState.put("REBOOTING", new String[] {rebooting, "Rebooting"});
        byState.put("SHUTDOWN", new String[] {inBin, "Shutdown"});
        byState.put("SHUTDOWN (isolating)", new String[] {isolating, "Isolating"});
        byState.put("TERMINATING", new String[] {terminating, "Terminating"});
        byState.put("destroyed (tombstone)", new String[] {destroyed, "Terminated"});

        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, String[]> e : byState.entrySet()) {
            for (String action : ACTIONS) {
                expectRefused(soft, e.getKey(), e.getValue()[0], action, PREFIX + e.getValue()[1]);
            }
        }
        expectRefused(soft, "RUNNING", running, "Start", PREFIX + "Running");
        expectRefused(soft, "STOPPED", stopped, "Stop", PREFIX + "Stopped");
        expectRefused(soft, "STOPPED", stopped, "Reboot", PREFIX + "Stopped");
        // A permitted state whose previous operation is still in flight; Start names the state first.
        expectRefused(soft, "RUNNING+OPERATING", modifying, "Start", PREFIX + "Running");
        for (String action : List.of("Stop", "Reboot", "Modify")) {
            expectRefused(soft, "RUNNING+OPERATING", modifying, action, "OperationDenied.InstanceOperationInProgress");
        }
        soft.assertAll();
    }

    @Test
    void aBatchWithOneRefusedInstanceChangesNone() throws Exception {
        String a = it.run(null);
        String b = it.run(null);
        String c = it.run(null);
        it.advance(1);
        act("Stop", b);
        it.advance(1);
        List<String> before = Arrays.asList(snapshot(it.describe(a)), snapshot(it.describe(b)), snapshot(it.describe(c)));

        assertThat(codeOf(() -> act("Stop", a, b, c))).isEqualTo(PREFIX + "Stopped");
        assertThat(codeOf(() -> act("Reboot", a, c, b))).isEqualTo(PREFIX + "Stopped");
        assertThat(codeOf(() -> act("Start", b, a))).isEqualTo(PREFIX + "Running");
        assertThat(codeOf(() -> act("Modify", a, "ins-00000000"))).isEqualTo("InvalidInstanceId.NotFound");

        assertThat(Arrays.asList(snapshot(it.describe(a)), snapshot(it.describe(b)), snapshot(it.describe(c))))
                .isEqualTo(before);
    }

    @Test
    void anAcceptedBatchGivesEveryInstanceTheSameRequestId() throws Exception {
        String a = it.run(null);
        String b = it.run(null);
        it.advance(1);
        StopInstancesRequest r = new StopInstancesRequest();
        r.setInstanceIds(new String[] {a, b});

        String requestId = cvm.StopInstances(r).getRequestId();

        for (String id : List.of(a, b)) {
            Instance i = it.describe(id);
            assertThat(i.getInstanceState()).isEqualTo("STOPPING");
            assertThat(i.getLatestOperationRequestId()).isEqualTo(requestId);
        }
    }
}
