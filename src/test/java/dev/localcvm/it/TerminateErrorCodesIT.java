package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import dev.localcvm.testing.CvmFixture;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TerminateInstances error codes of cvm-terminate.md §2, rows 1-18 (request shape, caller, existence,
 * owner and role), each through the trigger the table gives, with the official Java SDK. Every refused
 * call is checked to leave the instances it names unchanged.
 */
class TerminateErrorCodesIT {
    static CvmFixture cvm;

    @BeforeAll
    static void start() {
        cvm = CvmFixture.start();
    }

    @AfterAll
    static void stop() {
        cvm.close();
    }

    // ---- phase 1: request shape ----

    @Test
    void row1MissingParameterWhenInstanceIdsAbsentOrEmpty() throws Exception {
        TencentCloudSDKException absent = cvm.refused("MissingParameter", new TerminateInstancesRequest());
        assertThat(absent.getMessage()).contains("InstanceIds");
        cvm.refused("MissingParameter", CvmFixture.request());
    }

    @Test
    void row2LimitExceededAbove100Ids() throws Exception {
        String real = cvm.running("POSTPAID_BY_HOUR");
        String[] ids = IntStream.range(0, 101).mapToObj(n -> n == 0 ? real : String.format("ins-%08d", n))
                .toArray(String[]::new);
        cvm.refused("InvalidParameterValue.LimitExceeded", CvmFixture.request(ids), real);

        // 100 is allowed: the same shape of batch with 100 ids gets past phase 1 (to existence, phase 3).
        String[] hundred = java.util.Arrays.copyOf(ids, 100);
        cvm.refused("InvalidInstanceId.NotFound", CvmFixture.request(hundred), real);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ins-1122", "ins-123456789", "ins-a"})
    void row3MalformedWhenTheSuffixHasTheWrongLength(String id) throws Exception {
        String real = cvm.running("POSTPAID_BY_HOUR");
        TencentCloudSDKException e = cvm.refusedTerminate("InvalidInstanceId.Malformed", real, id);
        assertThat(e.getMessage()).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INS-ABCDEFGH", "ins-ABCDEFGH", "i-12345678", "ins-abcd_fgh", "ins-", ""})
    void row4InstanceIdMalformedForAnyOtherShape(String id) throws Exception {
        String real = cvm.running("POSTPAID_BY_HOUR");
        TencentCloudSDKException e = cvm.refusedTerminate("InvalidParameterValue.InstanceIdMalformed", real, id);
        if (!id.isEmpty()) {
            assertThat(e.getMessage()).contains(id);
        }
    }

    @Test
    void row5InvalidParameterValueForADuplicateId() throws Exception {
        String[] ids = cvm.running("POSTPAID_BY_HOUR", 2);
        TencentCloudSDKException e = cvm.refusedTerminate("InvalidParameterValue", ids[0], ids[1], ids[0]);
        assertThat(e.getMessage()).contains(ids[0]);
    }

    @Test
    void phase1OrderIsMissingThenCountThenFormatThenDuplicates() throws Exception {
        String real = cvm.running("POSTPAID_BY_HOUR");
        // A duplicate before a malformed id: the format check answers.
        cvm.refusedTerminate("InvalidInstanceId.Malformed", real, real, "ins-1122");
        // Malformed ids of both kinds: the first in request order answers.
        cvm.refusedTerminate("InvalidParameterValue.InstanceIdMalformed", real, "INS-ABCDEFGH", "ins-1122");
        cvm.refusedTerminate("InvalidInstanceId.Malformed", real, "ins-1122", "INS-ABCDEFGH");
    }

    // ---- phase 0 and 2: caller, account, region ----

    @Test
    void row6InvalidTokenWhenTheTemporaryCredentialExpired() throws Exception {
        String id = cvm.running("POSTPAID_BY_HOUR");
        Credential temporary = cvm.temporaryKey(60);
        CvmFixture withToken = cvm.with(temporary);
        assertThat(withToken.describe(id)).as("the temporary key works before it expires").isNotNull();

        cvm.advanceClockOnly(Duration.ofSeconds(120));
        cvm.refusedFor(withToken, "UnauthorizedOperation.InvalidToken", CvmFixture.request(id), id);
        // Phase 0 comes before phase 1.
        cvm.refusedFor(withToken, "UnauthorizedOperation.InvalidToken", CvmFixture.request(id, "ins-1122"), id);
        assertThat(cvm.state(id)).isEqualTo("RUNNING");
    }

    @ParameterizedTest
    @CsvSource({"MISSING, UnauthorizedOperation.MFANotFound", "EXPIRED, UnauthorizedOperation.MFAExpired"})
    void rows7And8MfaOfTheCredential(String mfa, String code) throws Exception {
        String id = cvm.running("POSTPAID_BY_HOUR");
        Credential key = cvm.temporaryKey(3600);
        cvm.admin("POST", "/_localcvm/credentials/" + key.getSecretId() + "/attributes", new JsonObject().put("mfa", mfa));
        CvmFixture withMfa = cvm.with(key);

        withMfa.refusedTerminate(code, id);
        // Phase 1 comes before phase 2.
        withMfa.refusedTerminate("InvalidInstanceId.Malformed", id, "ins-1122");

        cvm.admin("POST", "/_localcvm/credentials/" + key.getSecretId() + "/attributes", new JsonObject().putNull("mfa"));
        withMfa.terminate(id);
        assertThat(cvm.state(id)).isEqualTo("TERMINATING");
    }

    @Test
    void row9InvalidAppIdFormat() throws Exception {
        CvmFixture other = cvm.newAccount("terminate-it");
        String id = other.running("POSTPAID_BY_HOUR");
        other.setAccount(new JsonObject().put("appIdInvalid", true));
        other.refusedTerminate("InvalidParameterValue.InvalidAppIdFormat", id);

        other.setAccount(new JsonObject().put("appIdInvalid", false));
        other.terminate(id);
        assertThat(other.state(id)).isEqualTo("TERMINATING");
    }

    @Test
    void row10RegionWithTerminateDisabled() throws Exception {
        CvmFixture singapore = cvm.inRegion("ap-singapore", "ap-singapore-1");
        String id = singapore.running("POSTPAID_BY_HOUR");
        String other = cvm.running("POSTPAID_BY_HOUR");
        cvm.admin("POST", "/_localcvm/regions/ap-singapore/attributes", new JsonObject().put("terminateDisabled", true));
        try {
            singapore.refusedTerminate("UnsupportedOperation.Region", id);
            // Phase 2 comes before existence (phase 3).
            singapore.refusedTerminate("UnsupportedOperation.Region", id, "ins-00000000");
            // Only that region.
            cvm.terminate(other);
            assertThat(cvm.state(other)).isEqualTo("TERMINATING");
        } finally {
            cvm.admin("POST", "/_localcvm/regions/ap-singapore/attributes",
                    new JsonObject().put("terminateDisabled", false));
        }
        singapore.terminate(id);
        assertThat(singapore.state(id)).isEqualTo("TERMINATING");
    }

    @Test
    void row11NotSupportedWhenReleaseAddressIsNotEnabled() throws Exception {
        CvmFixture other = cvm.newAccount("terminate-it");
        String id = other.running("POSTPAID_BY_HOUR");
        other.setAccount(new JsonObject().put("eipReleaseEnabled", false));

        TerminateInstancesRequest release = CvmFixture.request(id);
        release.setReleaseAddress(true);
        other.refused("InvalidParameterValue.NotSupported", release, id);

        // Without ReleaseAddress the same account terminates.
        TerminateInstancesRequest keep = CvmFixture.request(id);
        keep.setReleaseAddress(false);
        other.client().TerminateInstances(keep);
        assertThat(other.state(id)).isEqualTo("TERMINATING");
    }

    // ---- phase 3: existence ----

    @Test
    void row12NotFoundForAnIdThatNeverExisted() throws Exception {
        String real = cvm.running("POSTPAID_BY_HOUR");
        TencentCloudSDKException e = cvm.refusedTerminate("InvalidInstanceId.NotFound", real, "ins-00000000");
        assertThat(e.getMessage()).contains("ins-00000000");
    }

    @Test
    void row12NotFoundForAnotherAccountsInstance() throws Exception {
        CvmFixture other = cvm.newAccount("terminate-it");
        String theirs = other.running("POSTPAID_BY_HOUR");
        String before = other.snapshot(theirs);

        TencentCloudSDKException e = cvm.refusedTerminate("InvalidInstanceId.NotFound", theirs);
        assertThat(e.getMessage()).contains(theirs);
        // Not InvalidInstancesOwner (row 14), and the owner's instance is untouched.
        assertThat(other.snapshot(theirs)).isEqualTo(before);
    }

    @Test
    void row12NotFoundForAnotherRegionsInstance() throws Exception {
        CvmFixture shanghai = cvm.inRegion("ap-shanghai", "ap-shanghai-2");
        String there = shanghai.running("POSTPAID_BY_HOUR");
        String before = shanghai.snapshot(there);

        cvm.refusedTerminate("InvalidInstanceId.NotFound", there);
        assertThat(shanghai.snapshot(there)).isEqualTo(before);
    }

    @Test
    void row13TerminatedWithinTheTombstoneWindowThenNotFound() throws Exception {
        String id = cvm.running("POSTPAID_BY_HOUR");
        cvm.terminate(id);
        cvm.settle();
        assertThat(cvm.describe(id)).as("destroyed instances are absent").isNull();

        cvm.refusedTerminate("UnsupportedOperation.InstanceStateTerminated", id);
        cvm.advanceClockOnly(Duration.ofMinutes(58));
        cvm.refusedTerminate("UnsupportedOperation.InstanceStateTerminated", id);
        cvm.advanceClockOnly(Duration.ofMinutes(3));
        cvm.refusedTerminate("InvalidInstanceId.NotFound", id);
    }

    @Test
    void row13TheTombstoneWindowCountsFromTheDestructionNotFromWhenItWasNoticed() throws Exception {
        String id = cvm.running("POSTPAID_BY_HOUR");
        cvm.terminate(id);
        // Nobody looks at the instance until well after its destruction (at t + D) plus the hour.
        cvm.advanceClockOnly(Duration.ofHours(1).plusMinutes(1));
        cvm.refusedTerminate("InvalidInstanceId.NotFound", id);
    }

    @Test
    void row13ATombstoneOfAnotherRegionOrAccountIsNotFound() throws Exception {
        CvmFixture shanghai = cvm.inRegion("ap-shanghai", "ap-shanghai-2");
        String there = shanghai.running("POSTPAID_BY_HOUR");
        CvmFixture other = cvm.newAccount("terminate-it");
        String theirs = other.running("POSTPAID_BY_HOUR");
        shanghai.terminate(there);
        other.terminate(theirs);
        cvm.settle();
        shanghai.refusedTerminate("UnsupportedOperation.InstanceStateTerminated", there);
        other.refusedTerminate("UnsupportedOperation.InstanceStateTerminated", theirs);

        cvm.refusedTerminate("InvalidInstanceId.NotFound", there);
        cvm.refusedTerminate("InvalidInstanceId.NotFound", theirs);
    }

    // ---- phase 4: owner, role, special ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"foreignOwner\":true}            | UnsupportedOperation.InvalidInstancesOwner",
            "{\"applicationRole\":\"EMR\"}      | FailedOperation.InvalidInstanceApplicationRoleEmr",
            "{\"applicationRole\":\"TKE\"}      | FailedOperation.InvalidInstanceApplicationRole",
            "{\"notSupported\":true}            | InvalidInstance.NotSupported",
            "{\"specialType\":true}             | UnsupportedOperation.SpecialInstanceType"})
    void rows14To18OwnerRoleAndSpecialType(String attributes, String code) throws Exception {
        String[] ids = cvm.running("POSTPAID_BY_HOUR", 2);
        cvm.setInstance(ids[1], new JsonObject(attributes));
        cvm.refusedTerminate(code, ids[0], ids[1]);

        // Phase 3 comes first: a missing id later in the batch answers NotFound.
        cvm.refusedTerminate("InvalidInstanceId.NotFound", ids[1], "ins-00000000");
        // The other instance alone is fine.
        cvm.terminate(ids[0]);
        assertThat(cvm.state(ids[0])).isEqualTo("TERMINATING");
    }

    @Test
    void row14OwnerMessageNamesTheInstance() throws Exception {
        String id = cvm.running("POSTPAID_BY_HOUR");
        cvm.setInstance(id, new JsonObject().put("foreignOwner", true));
        assertThat(cvm.refusedTerminate("UnsupportedOperation.InvalidInstancesOwner", id).getMessage()).contains(id);
        cvm.setInstance(id, new JsonObject().put("applicationRole", "EMR").put("foreignOwner", false));
        assertThat(cvm.refusedTerminate("FailedOperation.InvalidInstanceApplicationRoleEmr", id).getMessage())
                .contains(id);
    }

    @Test
    void describeStillWorksForTheRefusedIds() throws Exception {
        // Refused calls are not writes: DescribeInstances shows the instance with its RunInstances operation.
        String id = cvm.running("POSTPAID_BY_HOUR");
        cvm.refusedTerminate("InvalidParameterValue", id, id);
        DescribeInstancesRequest req = new DescribeInstancesRequest();
        req.setInstanceIds(new String[] {id});
        var i = cvm.client().DescribeInstances(req).getInstanceSet()[0];
        assertThat(i.getLatestOperation()).isEqualTo("RunInstances");
        assertThat(i.getLatestOperationState()).isEqualTo("SUCCESS");
    }
}
