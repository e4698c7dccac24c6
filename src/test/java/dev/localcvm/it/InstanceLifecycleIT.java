package dev.localcvm.it;

import static dev.localcvm.testing.CvmFixture.REGION;
import static dev.localcvm.testing.CvmFixture.codeOf;
import static dev.localcvm.testing.CvmFixture.describe;
import static dev.localcvm.testing.CvmFixture.describeAll;
import static dev.localcvm.testing.CvmFixture.terminate;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesResponse;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.ModifyInstancesAttributeRequest;
import com.tencentcloudapi.cvm.v20170312.models.RebootInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StartInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.Envelope;
import dev.localcvm.testing.SignedRequest;
import dev.localcvm.testing.TestServer.Mode;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every lifecycle path of cvm-terminate.md §4-§6 and §10 through the official Java SDK: the transitions
 * and their LatestOperation fields, the recycle bin, and what other accounts and regions can see.
 * The wrong-state refusals are in {@link InstanceStateRefusalIT}; RunInstances' own rules in {@link RunInstancesIT}.
 */
class InstanceLifecycleIT {
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

    private String stop(String id, String mode) throws TencentCloudSDKException {
        StopInstancesRequest req = new StopInstancesRequest();
        req.setInstanceIds(new String[] {id});
        if (mode != null) {
            req.setStoppedMode(mode);
        }
        return cvm.StopInstances(req).getRequestId();
    }

    private String start(String id) throws TencentCloudSDKException {
        StartInstancesRequest req = new StartInstancesRequest();
        req.setInstanceIds(new String[] {id});
        return cvm.StartInstances(req).getRequestId();
    }

    /** Runs one instance and lets it reach RUNNING on the admin clock, which drives every transition in this class. */
    private String running(String chargeType) throws TencentCloudSDKException {
        String id = it.run(chargeType);
        it.advance(1);
        assertThat(it.describe(id).getInstanceState()).isEqualTo("RUNNING");
        return id;
    }

    private static void assertOperation(Instance i, String state, String operation, String opState, String requestId) {
        assertThat(i).as("instance").isNotNull();
        assertThat(i.getInstanceState()).as("InstanceState of %s", i.getInstanceId()).isEqualTo(state);
        assertThat(i.getLatestOperation()).as("LatestOperation").isEqualTo(operation);
        assertThat(i.getLatestOperationState()).as("LatestOperationState").isEqualTo(opState);
        if (requestId != null) {
            assertThat(i.getLatestOperationRequestId()).as("LatestOperationRequestId").isEqualTo(requestId);
        }
    }

    @Test
    void runInstancesIsVisibleAtOnceInPendingAndRunningAfterD() throws Exception {
        var response = cvm.RunInstances(CvmFixture.runRequest(null));
        String id = response.getInstanceIdSet()[0];

        Instance pending = it.describe(id);
        assertOperation(pending, "PENDING", "RunInstances", "OPERATING", response.getRequestId());
        assertThat(pending.getLatestOperationErrorMsg()).isEmpty();

        it.advanceClockOnly(Duration.ofMillis(999));
        assertThat(it.describe(id).getInstanceState()).as("just before D").isEqualTo("PENDING");

        it.advanceClockOnly(Duration.ofMillis(1));
        assertOperation(it.describe(id), "RUNNING", "RunInstances", "SUCCESS", response.getRequestId());
        assertThat(it.describe(id).getStopChargingMode()).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    void stopGoesThroughStoppingToStoppedKeepingChargingByDefault() throws Exception {
        String id = running(null);

        StopInstancesRequest both = new StopInstancesRequest();
        both.setInstanceIds(new String[] {id});
        both.setForceStop(true);
        both.setStopType("HARD");
        assertThat(codeOf(() -> cvm.StopInstances(both))).isEqualTo("InvalidParameterCombination");

        String requestId = stop(id, null);
        Instance stopping = it.describe(id);
        assertOperation(stopping, "STOPPING", "StopInstances", "OPERATING", requestId);
        assertThat(stopping.getStopChargingMode()).isEqualTo("NOT_APPLICABLE");

        it.advance(1);
        Instance stopped = it.describe(id);
        assertOperation(stopped, "STOPPED", "StopInstances", "SUCCESS", requestId);
        assertThat(stopped.getStopChargingMode()).isEqualTo("KEEP_CHARGING");
    }

    @Test
    void stopAndRebootRefuseAnUnknownStopTypeOrOneGivenWithTheOldForceFlag() throws Exception {
        String id = running(null);

        StopInstancesRequest unknownStop = new StopInstancesRequest();
        unknownStop.setInstanceIds(new String[] {id});
        unknownStop.setStopType("GENTLE");
        assertThat(codeOf(() -> cvm.StopInstances(unknownStop))).isEqualTo("InvalidParameterValue");

        RebootInstancesRequest both = new RebootInstancesRequest();
        both.setInstanceIds(new String[] {id});
        both.setForceReboot(false);
        both.setStopType("SOFT");
        assertThat(codeOf(() -> cvm.RebootInstances(both))).isEqualTo("InvalidParameterCombination");

        RebootInstancesRequest unknownReboot = new RebootInstancesRequest();
        unknownReboot.setInstanceIds(new String[] {id});
        unknownReboot.setStopType("GENTLE");
        assertThat(codeOf(() -> cvm.RebootInstances(unknownReboot))).isEqualTo("InvalidParameterValue");

        assertOperation(it.describe(id), "RUNNING", "RunInstances", "SUCCESS", null);
    }

    @Test
    void stopWithStopChargingThenStartGoesBackToRunning() throws Exception {
        String id = running("POSTPAID_BY_HOUR");

        stop(id, "STOP_CHARGING");
        it.advance(1);
        assertThat(it.describe(id).getStopChargingMode()).isEqualTo("STOP_CHARGING");
        assertThat(it.describe(id).getInstanceState()).isEqualTo("STOPPED");

        String requestId = start(id);
        Instance starting = it.describe(id);
        assertOperation(starting, "STARTING", "StartInstances", "OPERATING", requestId);
        assertThat(starting.getStopChargingMode()).isEqualTo("NOT_APPLICABLE");

        it.advance(1);
        assertOperation(it.describe(id), "RUNNING", "StartInstances", "SUCCESS", requestId);
        assertThat(it.describe(id).getStopChargingMode()).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    void rebootGoesThroughRebootingBackToRunning() throws Exception {
        String id = running(null);
        RebootInstancesRequest req = new RebootInstancesRequest();
        req.setInstanceIds(new String[] {id});

        String requestId = cvm.RebootInstances(req).getRequestId();
        assertOperation(it.describe(id), "REBOOTING", "RebootInstances", "OPERATING", requestId);

        it.advance(1);
        assertOperation(it.describe(id), "RUNNING", "RebootInstances", "SUCCESS", requestId);
    }

    @Test
    void modifyInstanceNameIsOperatingForDThenSucceeds() throws Exception {
        String id = running(null);
        ModifyInstancesAttributeRequest req = new ModifyInstancesAttributeRequest();
        req.setInstanceIds(new String[] {id});
        req.setInstanceName("renamed");

        String requestId = cvm.ModifyInstancesAttribute(req).getRequestId();
        Instance operating = it.describe(id);
        assertOperation(operating, "RUNNING", "ModifyInstancesAttribute", "OPERATING", requestId);
        assertThat(operating.getInstanceName()).isEqualTo("renamed");

        it.advance(1);
        assertOperation(it.describe(id), "RUNNING", "ModifyInstancesAttribute", "SUCCESS", requestId);
    }

    @Test
    void modifyDisableApiTerminationOnAStoppedInstance() throws Exception {
        String id = running(null);
        stop(id, null);
        it.advance(1);
        ModifyInstancesAttributeRequest req = new ModifyInstancesAttributeRequest();
        req.setInstanceIds(new String[] {id});
        req.setDisableApiTermination(true);

        String requestId = cvm.ModifyInstancesAttribute(req).getRequestId();
        assertOperation(it.describe(id), "STOPPED", "ModifyInstancesAttribute", "OPERATING", requestId);
        assertThat(it.describe(id).getDisableApiTermination()).isTrue();

        it.advance(1);
        assertOperation(it.describe(id), "STOPPED", "ModifyInstancesAttribute", "SUCCESS", requestId);
        assertThat(it.describe(id).getDisableApiTermination()).isTrue();
    }

    @Test
    void modifyNeedsExactlyOneAttribute() throws Exception {
        String id = running(null);
        Instance before = it.describe(id);

        ModifyInstancesAttributeRequest none = new ModifyInstancesAttributeRequest();
        none.setInstanceIds(new String[] {id});
        assertThat(codeOf(() -> cvm.ModifyInstancesAttribute(none))).isEqualTo("InvalidParameter");

        ModifyInstancesAttributeRequest two = new ModifyInstancesAttributeRequest();
        two.setInstanceIds(new String[] {id});
        two.setInstanceName("x");
        two.setDisableApiTermination(true);
        assertThat(codeOf(() -> cvm.ModifyInstancesAttribute(two))).isEqualTo("InvalidParameter");

        ModifyInstancesAttributeRequest tooLong = new ModifyInstancesAttributeRequest();
        tooLong.setInstanceIds(new String[] {id});
        tooLong.setInstanceName("n".repeat(61));
        assertThat(codeOf(() -> cvm.ModifyInstancesAttribute(tooLong))).isEqualTo("InvalidInstanceName.TooLong");

        Instance after = it.describe(id);
        assertThat(after.getInstanceName()).isEqualTo(before.getInstanceName());
        assertThat(after.getDisableApiTermination()).isFalse();
        assertThat(after.getLatestOperationRequestId()).isEqualTo(before.getLatestOperationRequestId());
    }

    @Test
    void postpaidTerminateShowsTerminatingThenTheInstanceIsSilentlyAbsent() throws Exception {
        String id = running("POSTPAID_BY_HOUR");
        String other = running("POSTPAID_BY_HOUR");

        String requestId = terminate(cvm, id);
        Instance terminating = it.describe(id);
        assertOperation(terminating, "TERMINATING", "TerminateInstances", "OPERATING", requestId);
        assertThat(terminating.getIsolatedSource()).isEqualTo("NOTISOLATED");
        assertThat(cvm.DescribeInstances(new DescribeInstancesRequest()).getTotalCount()).isEqualTo(2L);

        it.advance(1);
        assertThat(it.describe(id)).isNull();
        DescribeInstancesResponse all = cvm.DescribeInstances(new DescribeInstancesRequest());
        assertThat(all.getTotalCount()).isEqualTo(1L);
        assertThat(all.getInstanceSet()).extracting(Instance::getInstanceId).containsExactly(other);
        assertThat(it.server().adminRaw("GET", "/_localcvm/instances/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void spotpaidTerminateIsDirectLikePostpaid() throws Exception {
        String id = running("SPOTPAID");

        String requestId = terminate(cvm, id);
        assertOperation(it.describe(id), "TERMINATING", "TerminateInstances", "OPERATING", requestId);

        it.advance(1);
        assertThat(it.describe(id)).isNull();
        assertThat(cvm.DescribeInstances(new DescribeInstancesRequest()).getTotalCount()).isZero();
    }

    @Test
    void prepaidTerminateIsolatesFirstAndDestroysOnTheSecondCall() throws Exception {
        String id = running("PREPAID");

        String first = terminate(cvm, id);
        Instance isolating = it.describe(id);
        assertOperation(isolating, "SHUTDOWN", "TerminateInstances", "OPERATING", first);
        assertThat(isolating.getIsolatedSource()).isEqualTo("MANMADE");

        it.advance(1);
        Instance inBin = it.describe(id);
        assertOperation(inBin, "SHUTDOWN", "TerminateInstances", "SUCCESS", first);
        assertThat(inBin.getIsolatedSource()).isEqualTo("MANMADE");
        assertThat(inBin.getStopChargingMode()).isEqualTo("NOT_APPLICABLE");
        assertThat(inBin.getRestrictState()).isEqualTo("NORMAL");
        assertThat(inBin.getExpiredTime()).isNotNull();

        String second = terminate(cvm, id);
        Instance terminating = it.describe(id);
        assertOperation(terminating, "TERMINATING", "TerminateInstances", "OPERATING", second);
        assertThat(terminating.getIsolatedSource()).isEqualTo("MANMADE");

        it.advance(1);
        assertThat(it.describe(id)).isNull();
        assertThat(cvm.DescribeInstances(new DescribeInstancesRequest()).getTotalCount()).isZero();
    }

    @Test
    void theRecycleBinReleasesAfterSevenDaysEvenWhenProtected() throws Exception {
        String id = running("PREPAID");
        String requestId = terminate(cvm, id);
        it.advance(1);
        it.setInstance(id, new JsonObject().put("disableApiTermination", true));
        assertThat(it.describe(id).getDisableApiTermination()).isTrue();

        // Isolated at t; now t + 1 s. Still there one second before t + 7 days, LatestOperation untouched.
        it.advance(Duration.ofDays(7).toSeconds() - 2);
        assertOperation(it.describe(id), "SHUTDOWN", "TerminateInstances", "SUCCESS", requestId);

        it.advance(2);
        assertThat(it.describe(id)).isNull();
        assertThat(describeAll(cvm)).isEmpty();
        assertThat(it.server().adminRaw("GET", "/_localcvm/instances/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void adminRecoverPutsABinnedInstanceBackToStopped() throws Exception {
        String id = running("PREPAID");
        String requestId = terminate(cvm, id);
        it.advance(1);

        it.admin("POST", "/_localcvm/instances/" + id + "/recover", null);
        Instance recovered = it.describe(id);
        assertOperation(recovered, "STOPPED", "TerminateInstances", "SUCCESS", requestId);
        assertThat(recovered.getIsolatedSource()).isEqualTo("NOTISOLATED");

        // No longer scheduled for release, and usable again.
        it.advance(Duration.ofDays(8).toSeconds());
        assertThat(it.describe(id).getInstanceState()).isEqualTo("STOPPED");
        String started = start(id);
        it.advance(1);
        assertOperation(it.describe(id), "RUNNING", "StartInstances", "SUCCESS", started);
    }

    @Test
    void anInjectedLaunchFailureEndsInLaunchFailedAndIsPurgedAfterAnHour() throws Exception {
        it.setAccount(new JsonObject().put("failNextLaunches", 1));
        var response = cvm.RunInstances(CvmFixture.runRequest(null));
        String failed = response.getInstanceIdSet()[0];
        String fine = it.run(null);
        assertThat(it.describe(failed).getInstanceState()).isEqualTo("PENDING");

        it.advance(1);
        Instance f = it.describe(failed);
        assertOperation(f, "LAUNCH_FAILED", "RunInstances", "FAILED", response.getRequestId());
        assertThat(f.getLatestOperationErrorMsg()).isNotBlank();
        assertThat(it.describe(fine).getInstanceState()).isEqualTo("RUNNING");

        it.advance(Duration.ofHours(1).toSeconds());
        assertThat(it.describe(failed)).isNull();
        assertThat(describeAll(cvm)).extracting(Instance::getInstanceId).containsExactly(fine);
    }

    @Test
    void releaseFlagsAreAccepted() throws Exception {
        String postpaid = running("POSTPAID_BY_HOUR");
        String prepaid = running("PREPAID");
        for (String id : new String[] {postpaid, prepaid}) {
            TerminateInstancesRequest req = new TerminateInstancesRequest();
            req.setInstanceIds(new String[] {id});
            req.setReleaseAddress(true);
            req.setReleasePrepaidDataDisks(true);
            cvm.TerminateInstances(req);
        }
        assertThat(it.describe(postpaid).getInstanceState()).isEqualTo("TERMINATING");
        assertThat(it.describe(prepaid).getInstanceState()).isEqualTo("SHUTDOWN");
        it.advance(1);
        assertThat(it.describe(postpaid)).isNull();
        assertThat(it.describe(prepaid).getLatestOperationState()).isEqualTo("SUCCESS");
    }

    @Test
    void terminateOverSignatureV1GetWithTheSdkAndRaw() throws Exception {
        String a = running(null);
        String b = running(null);
        String c = running(null);

        terminate(it.server().cvm(Mode.HMAC_SHA256_GET, REGION), a);
        terminate(it.server().cvm(Mode.HMAC_SHA1_GET, REGION), b);
        var raw = SignedRequest.v1(it.server()).action("TerminateInstances").region(REGION)
                .timestamp(it.server().server().clock().unadvanced().millis() / 1000)
                .param("InstanceIds.0", c).send();
        String rawRequestId = Envelope.success(raw).get("RequestId").asText();

        assertThat(it.describe(a).getInstanceState()).isEqualTo("TERMINATING");
        assertThat(it.describe(b).getInstanceState()).isEqualTo("TERMINATING");
        assertOperation(it.describe(c), "TERMINATING", "TerminateInstances", "OPERATING", rawRequestId);
        it.advance(1);
        assertThat(describeAll(cvm)).isEmpty();
    }

    @Test
    void anotherAccountCanNeitherSeeNorTouchTheInstances() throws Exception {
        String id = running(null);
        Instance before = it.describe(id);
        CvmClient other = it.newAccount("other").client();

        DescribeInstancesResponse all = other.DescribeInstances(new DescribeInstancesRequest());
        assertThat(all.getTotalCount()).isZero();
        assertThat(all.getInstanceSet()).isEmpty();
        assertThat(describe(other, id)).isNull();
        assertThat(codeOf(() -> terminate(other, id))).isEqualTo("InvalidInstanceId.NotFound");
        StopInstancesRequest stopReq = new StopInstancesRequest();
        stopReq.setInstanceIds(new String[] {id});
        assertThat(codeOf(() -> other.StopInstances(stopReq))).isEqualTo("InvalidInstanceId.NotFound");

        Instance after = it.describe(id);
        assertThat(after.getInstanceState()).isEqualTo("RUNNING");
        assertThat(after.getLatestOperationRequestId()).isEqualTo(before.getLatestOperationRequestId());
    }

    @Test
    void anInstanceOfAnotherRegionIsNotFound() throws Exception {
        String id = running(null);
        CvmClient shanghai = it.server().cvm(Mode.TC3_POST, "ap-shanghai");

        assertThat(describe(shanghai, id)).isNull();
        assertThat(shanghai.DescribeInstances(new DescribeInstancesRequest()).getTotalCount()).isZero();
        assertThat(codeOf(() -> terminate(shanghai, id))).isEqualTo("InvalidInstanceId.NotFound");
        StartInstancesRequest startReq = new StartInstancesRequest();
        startReq.setInstanceIds(new String[] {id});
        assertThat(codeOf(() -> shanghai.StartInstances(startReq))).isEqualTo("InvalidInstanceId.NotFound");
        assertThat(it.describe(id).getInstanceState()).isEqualTo("RUNNING");
    }
}
