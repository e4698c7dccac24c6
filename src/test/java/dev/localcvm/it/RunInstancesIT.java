package dev.localcvm.it;

import static dev.localcvm.testing.CvmFixture.codeOf;
import static dev.localcvm.testing.CvmFixture.describeAll;
import static dev.localcvm.testing.CvmFixture.run;
import static dev.localcvm.testing.CvmFixture.runRequest;
import static dev.localcvm.testing.CvmFixture.terminate;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeImagesRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeImagesResponse;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Image;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.InstanceChargePrepaid;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesResponse;
import dev.localcvm.testing.CvmFixture;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RunInstances' defaults and validation (cvm-terminate.md §7, §9) and DescribeImages, through the SDK. */
class RunInstancesIT {
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

    private long count() throws Exception {
        DescribeInstancesRequest req = new DescribeInstancesRequest();
        return cvm.DescribeInstances(req).getTotalCount();
    }

    /** The code of a RunInstances that must fail; it must also have created nothing. */
    private String refused(String chargeType, Consumer<RunInstancesRequest> customize) throws Exception {
        long before = count();
        RunInstancesRequest req = runRequest(chargeType);
        customize.accept(req);
        String code = codeOf(() -> cvm.RunInstances(req));
        assertThat(count()).as("instances after a refused RunInstances").isEqualTo(before);
        return code;
    }

    @Test
    void theMinimumRequestGetsTheDocumentedDefaults() throws Exception {
        Instant before = it.server().server().clock().instant();
        String id = it.run(null);
        it.advance(1);
        Instance i = it.describe(id);

        assertThat(id).matches("ins-[a-z0-9]{8}");
        assertThat(i.getInstanceId()).isEqualTo(id);
        assertThat(i.getInstanceType()).isEqualTo("S5.MEDIUM4");
        assertThat(i.getCPU()).isEqualTo(2L);
        assertThat(i.getMemory()).isEqualTo(4L);
        assertThat(i.getSystemDisk().getDiskSize()).isEqualTo(50L);
        assertThat(i.getSystemDisk().getDiskType()).isEqualTo("CLOUD_PREMIUM");
        assertThat(i.getSystemDisk().getDiskId()).matches("disk-[a-z0-9]{8}");
        assertThat(i.getInstanceName()).isEqualTo("未命名");
        assertThat(i.getInstanceChargeType()).isEqualTo("POSTPAID_BY_HOUR");
        assertThat(i.getPlacement().getZone()).isEqualTo(CvmFixture.ZONE);
        assertThat(i.getPlacement().getProjectId()).isZero();
        assertThat(i.getImageId()).isEqualTo(CvmFixture.IMAGE);
        assertThat(i.getDisableApiTermination()).isFalse();
        assertThat(i.getRenewFlag()).isNull();
        assertThat(i.getExpiredTime()).isNull();
        assertThat(i.getIsolatedSource()).isEqualTo("NOTISOLATED");
        assertThat(i.getRestrictState()).isEqualTo("NORMAL");
        assertThat(i.getInternetAccessible().getInternetMaxBandwidthOut()).isZero();
        assertThat(i.getPublicIpAddresses()).isNull();
        assertThat(i.getDataDisks()).isEmpty();
        assertThat(i.getTags()).isEmpty();
        assertThat(i.getLoginSettings().getKeyIds()).isEmpty();
        assertThat(i.getSecurityGroupIds()).singleElement().asString().matches("sg-[a-z0-9]{8}");
        assertThat(i.getVirtualPrivateCloud().getVpcId()).matches("vpc-[a-z0-9]{8}");
        assertThat(i.getVirtualPrivateCloud().getSubnetId()).matches("subnet-[a-z0-9]{8}");
        assertThat(i.getPrivateIpAddresses()).hasSize(1);
        assertThat(i.getCreatedTime()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(Instant.parse(i.getCreatedTime())).isBetween(before.minusSeconds(1), before.plusSeconds(1));
    }

    @Test
    void prepaidNeedsAValidPeriodAndGetsAnExpiryAndRenewFlag() throws Exception {
        assertThat(refused("POSTPAID_BY_HOUR", r -> r.setInstanceChargeType("PREPAID"))).isEqualTo("MissingParameter");
        assertThat(refused("PREPAID", r -> r.setInstanceChargePrepaid(new InstanceChargePrepaid())))
                .isEqualTo("MissingParameter");
        for (long bad : new long[] {0, 13, 25}) {
            assertThat(refused("PREPAID", r -> r.getInstanceChargePrepaid().setPeriod(bad))).as("Period %s", bad)
                    .isEqualTo("InvalidPeriod");
        }

        String id = run(cvm, "PREPAID", r -> r.getInstanceChargePrepaid().setPeriod(24L)).get(0);
        Instance i = it.describe(id);
        assertThat(i.getInstanceChargeType()).isEqualTo("PREPAID");
        assertThat(i.getRenewFlag()).isEqualTo("NOTIFY_AND_MANUAL_RENEW");
        assertThat(Instant.parse(i.getExpiredTime())).isEqualTo(
                Instant.parse(i.getCreatedTime()).atOffset(ZoneOffset.UTC).plusMonths(24).toInstant());
    }

    @Test
    void instanceCountMustBeWithinOneTo500() throws Exception {
        assertThat(refused(null, r -> r.setInstanceCount(0L))).isEqualTo("InvalidParameterValue.Range");
        assertThat(refused(null, r -> r.setInstanceCount(501L))).isEqualTo("InvalidParameterValue.Range");
        List<String> ids = run(cvm, null, r -> r.setInstanceCount(500L));
        assertThat(ids).hasSize(500).doesNotHaveDuplicates().allMatch(id -> id.matches("ins-[a-z0-9]{8}"));
        assertThat(ids.stream().map(id -> id.substring(0, 8)).distinct().count()).as("ids as unrelated as random ones")
                .isGreaterThan(490);
        assertThat(count()).isEqualTo(500L);
    }

    @Test
    void severalInstancesGetNumberedNames() throws Exception {
        List<String> plain = run(cvm, null, r -> {
            r.setInstanceCount(3L);
            r.setInstanceName("web");
        });
        List<String> patterned = run(cvm, null, r -> {
            r.setInstanceCount(3L);
            r.setInstanceName("node-{R:5}");
        });
        List<String> single = run(cvm, null, r -> r.setInstanceName("solo"));

        assertThat(names(plain)).containsExactly("web_1", "web_2", "web_3");
        assertThat(names(patterned)).containsExactly("node-5", "node-6", "node-7");
        assertThat(names(single)).containsExactly("solo");
        assertThat(run(cvm, null, r -> r.setInstanceName("n".repeat(128)))).hasSize(1);
        assertThat(refused(null, r -> r.setInstanceName("n".repeat(129)))).isEqualTo("InvalidInstanceName.TooLong");
    }

    private List<String> names(List<String> ids) throws Exception {
        DescribeInstancesRequest req = new DescribeInstancesRequest();
        req.setInstanceIds(ids.toArray(String[]::new));
        return Arrays.stream(cvm.DescribeInstances(req).getInstanceSet()).map(Instance::getInstanceName).toList();
    }

    @Test
    void zoneAndImageAreChecked() throws Exception {
        assertThat(refused(null, r -> r.getPlacement().setZone("ap-shanghai-2"))).isEqualTo("InvalidZone.MismatchRegion");
        assertThat(refused(null, r -> r.getPlacement().setZone("ap-guangzhou-1")))
                .isEqualTo("ResourceInsufficient.AvailabilityZoneSoldOut");
        assertThat(refused(null, r -> r.setImageId("img-123"))).isEqualTo("InvalidImageId.Malformed");
        assertThat(refused(null, r -> r.setImageId("IMG-PMQG1CW7"))).isEqualTo("InvalidImageId.Malformed");
        assertThat(refused(null, r -> r.setImageId("img-zzzzzzzz"))).isEqualTo("InvalidImageId.NotFound");
        assertThat(refused(null, r -> r.setImageId(null))).isEqualTo("MissingParameter");
        assertThat(refused(null, r -> r.setPlacement(null))).isEqualTo("MissingParameter");
    }

    @Test
    void theSameClientTokenReturnsTheSameInstancesAndCreatesNothing() throws Exception {
        RunInstancesRequest req = runRequest(null);
        req.setInstanceCount(2L);
        req.setClientToken("token-1");
        RunInstancesResponse first = cvm.RunInstances(req);

        RunInstancesRequest again = runRequest("SPOTPAID");
        again.setClientToken("token-1");
        RunInstancesResponse second = cvm.RunInstances(again);

        assertThat(second.getInstanceIdSet()).containsExactly(first.getInstanceIdSet());
        assertThat(second.getRequestId()).isNotEqualTo(first.getRequestId());
        assertThat(count()).isEqualTo(2L);

        String other = run(cvm, null, r -> r.setClientToken("token-2")).get(0);
        assertThat(other).isNotIn((Object[]) first.getInstanceIdSet());
        assertThat(count()).isEqualTo(3L);
    }

    @Test
    void aClientTokenIsAtMost64Characters() throws Exception {
        assertThat(refused(null, r -> r.setClientToken("t".repeat(65)))).isEqualTo("InvalidClientToken.TooLong");
        assertThat(run(cvm, null, r -> r.setClientToken("t".repeat(64)))).hasSize(1);
    }

    @Test
    void dryRunChecksEverythingAndCreatesNothing() throws Exception {
        RunInstancesRequest req = runRequest(null);
        req.setDryRun(true);
        RunInstancesResponse response = cvm.RunInstances(req);

        assertThat(response.getInstanceIdSet()).isEmpty();
        assertThat(response.getRequestId()).isNotBlank();
        assertThat(count()).isZero();
        assertThat(refused(null, r -> {
            r.setDryRun(true);
            r.getPlacement().setZone("ap-guangzhou-1");
        })).isEqualTo("ResourceInsufficient.AvailabilityZoneSoldOut");
    }

    @Test
    void theInstanceQuotaCountsLiveInstancesPerAccountAndRegion() throws Exception {
        it.setAccount(new JsonObject().put("instanceQuota", 2));
        String first = it.run(null);
        it.run(null);

        assertThat(refused(null, r -> { })).isEqualTo("LimitExceeded.InstanceQuota");
        assertThat(count()).isEqualTo(2L);
        // Another account has its own quota.
        assertThat(run(it.newAccount("other").client(), null, r -> r.setInstanceCount(3L)))
                .hasSize(3);

        // A destroyed instance no longer counts.
        it.advance(1);
        terminate(cvm, first);
        it.advance(1);
        assertThat(describeAll(cvm)).hasSize(1);
        assertThat(it.run(null)).matches("ins-[a-z0-9]{8}");
        assertThat(refused(null, r -> { })).isEqualTo("LimitExceeded.InstanceQuota");
    }

    @Test
    void describeImagesListsARedHatImageWithATotalCount() throws Exception {
        DescribeImagesResponse images = cvm.DescribeImages(new DescribeImagesRequest());

        assertThat(images.getTotalCount()).isNotNull().isEqualTo((long) images.getImageSet().length);
        assertThat(images.getImageSet()).extracting(Image::getOsName).anyMatch(os -> os.startsWith("Red Hat"));
        assertThat(images.getImageSet()).extracting(Image::getImageId).allMatch(id -> id.matches("img-[a-z0-9]{8}"))
                .contains(CvmFixture.IMAGE);
    }
}
