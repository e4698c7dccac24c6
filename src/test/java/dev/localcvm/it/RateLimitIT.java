package dev.localcvm.it;

import static dev.localcvm.testing.CvmFixture.REGION;
import static dev.localcvm.testing.CvmFixture.codeOf;
import static dev.localcvm.testing.CvmFixture.terminate;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesStatusRequest;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.TestStores;
import dev.localcvm.testing.TestServer.Mode;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * cvm-terminate.md §12: TerminateInstances 10/s and DescribeInstances 40/s per (account, region, action)
 * answer RequestLimitExceeded beyond the limit. The server clock stands still, so "within the second"
 * holds however slow the machine; advancing it refills the buckets.
 */
class RateLimitIT {
    /** Well-formed but unknown: every admitted TerminateInstances answers InvalidInstanceId.NotFound. */
    private static final String UNKNOWN = "ins-00000000";
    private CvmFixture it;

    @AfterEach
    void stop() {
        if (it != null) {
            it.close();
        }
    }

    private void startWithRateLimits(boolean on) {
        it = CvmFixture.start(TestStores.serverDefaults().withLifecycle(Duration.ofSeconds(1), on, 500, false));
    }

    private static String terminateCode(CvmClient client) {
        return codeOf(() -> terminate(client, UNKNOWN));
    }

    /** The codes of n TerminateInstances calls in a row. */
    private static List<String> terminateCodes(CvmClient client, int n) {
        List<String> codes = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            codes.add(terminateCode(client));
        }
        return codes;
    }

    /** n DescribeInstances calls in a row: "OK" or the error code of each. */
    private static List<String> describeCodes(CvmClient client, int n) {
        List<String> codes = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            try {
                client.DescribeInstances(new DescribeInstancesRequest());
                codes.add("OK");
            } catch (com.tencentcloudapi.common.exception.TencentCloudSDKException e) {
                codes.add(e.getErrorCode());
            }
        }
        return codes;
    }

    @Test
    void terminateInstancesAllowsTenCallsPerSecond() {
        startWithRateLimits(true);

        assertThat(terminateCodes(it.client(), 10)).containsOnly("InvalidInstanceId.NotFound");
        assertThat(terminateCode(it.client())).isEqualTo("RequestLimitExceeded");
        assertThat(terminateCode(it.client())).isEqualTo("RequestLimitExceeded");
    }

    @Test
    void describeInstancesAllowsFortyCallsPerSecond() {
        startWithRateLimits(true);

        assertThat(describeCodes(it.client(), 40)).containsOnly("OK");
        assertThat(describeCodes(it.client(), 1)).containsExactly("RequestLimitExceeded");
        // DescribeInstancesStatus has a bucket of its own.
        assertThat(codeOfStatus(it.client())).isNull();
    }

    private static String codeOfStatus(CvmClient client) {
        try {
            client.DescribeInstancesStatus(new DescribeInstancesStatusRequest());
            return null;
        } catch (com.tencentcloudapi.common.exception.TencentCloudSDKException e) {
            return e.getErrorCode();
        }
    }

    @Test
    void anotherAccountRegionOrActionHasItsOwnBucket() {
        startWithRateLimits(true);
        terminateCodes(it.client(), 10);
        assertThat(terminateCode(it.client())).isEqualTo("RequestLimitExceeded");

        CvmClient otherAccount = it.newAccount("other").client();
        assertThat(terminateCodes(otherAccount, 10)).containsOnly("InvalidInstanceId.NotFound");
        assertThat(terminateCode(otherAccount)).isEqualTo("RequestLimitExceeded");

        CvmClient otherRegion = it.server().cvm(Mode.TC3_POST, "ap-shanghai");
        assertThat(terminateCodes(otherRegion, 10)).containsOnly("InvalidInstanceId.NotFound");
        assertThat(terminateCode(otherRegion)).isEqualTo("RequestLimitExceeded");

        assertThat(describeCodes(it.client(), 40)).containsOnly("OK");
        // The same key over another signature method shares the bucket.
        assertThat(terminateCode(it.server().cvm(Mode.HMAC_SHA256_GET, REGION))).isEqualTo("RequestLimitExceeded");
    }

    @Test
    void advancingTheServerClockOneSecondRefills() {
        startWithRateLimits(true);
        terminateCodes(it.client(), 10);
        describeCodes(it.client(), 40);
        assertThat(terminateCode(it.client())).isEqualTo("RequestLimitExceeded");
        assertThat(describeCodes(it.client(), 1)).containsExactly("RequestLimitExceeded");

        it.advance(1);

        assertThat(terminateCodes(it.client(), 10)).containsOnly("InvalidInstanceId.NotFound");
        assertThat(terminateCode(it.client())).isEqualTo("RequestLimitExceeded");
        assertThat(describeCodes(it.client(), 40)).containsOnly("OK");
        assertThat(describeCodes(it.client(), 1)).containsExactly("RequestLimitExceeded");
    }

    @Test
    void withRateLimitsOffNothingIsThrottled() {
        startWithRateLimits(false);

        assertThat(terminateCodes(it.client(), 30)).containsOnly("InvalidInstanceId.NotFound");
        assertThat(describeCodes(it.client(), 100)).containsOnly("OK");
    }

    @Test
    void theRateLimitsAttributeRaisesOrLowersAnActionForOneAccount() {
        startWithRateLimits(true);
        CvmFixture other = it.newAccount("other");

        JsonObject answer = it.setAccount(new JsonObject().put("rateLimits", new JsonObject()
                .put("TerminateInstances", 15).put("cvm:DescribeInstances", 3)));

        assertThat(answer.getJsonObject("rateLimits").getMap())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("TerminateInstances", 15, "cvm:DescribeInstances", 3));
        assertThat(terminateCodes(it.client(), 15)).containsOnly("InvalidInstanceId.NotFound");
        assertThat(terminateCode(it.client())).isEqualTo("RequestLimitExceeded");
        assertThat(describeCodes(it.client(), 3)).containsOnly("OK");
        assertThat(describeCodes(it.client(), 1)).containsExactly("RequestLimitExceeded");
        // Another account keeps the documented limits.
        assertThat(terminateCodes(other.client(), 10)).containsOnly("InvalidInstanceId.NotFound");
        assertThat(terminateCode(other.client())).isEqualTo("RequestLimitExceeded");
        // Other attributes of the account leave the overrides alone.
        assertThat(it.setAccount(new JsonObject().put("returnQuota", 5)).getJsonObject("rateLimits").size()).isEqualTo(2);
    }

    @Test
    void aRaisedLimitHoldsFarAboveTheDocumentedOneAndNullRestoresIt() {
        startWithRateLimits(true);
        it.setAccount(new JsonObject().put("rateLimits", new JsonObject().put("DescribeInstances", 100_000)));

        assertThat(describeCodes(it.client(), 120)).containsOnly("OK");

        assertThat(it.setAccount(new JsonObject().putNull("rateLimits")).getJsonObject("rateLimits").isEmpty()).isTrue();
        it.advance(1);
        assertThat(describeCodes(it.client(), 40)).containsOnly("OK");
        assertThat(describeCodes(it.client(), 1)).containsExactly("RequestLimitExceeded");
    }

    @Test
    void theAdminResetForgetsTheOverrides() {
        startWithRateLimits(true);
        it.setAccount(new JsonObject().put("rateLimits", new JsonObject().put("TerminateInstances", 50)));

        it.admin("POST", "/_localcvm/reset", null);

        assertThat(it.setAccount(new JsonObject()).getJsonObject("rateLimits").isEmpty()).isTrue();
        assertThat(terminateCodes(it.client(), 10)).containsOnly("InvalidInstanceId.NotFound");
        assertThat(terminateCode(it.client())).isEqualTo("RequestLimitExceeded");
    }
}
