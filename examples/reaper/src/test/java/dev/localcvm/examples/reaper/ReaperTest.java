package dev.localcvm.examples.reaper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.InstanceChargePrepaid;
import com.tencentcloudapi.cvm.v20170312.models.Placement;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Tag;
import com.tencentcloudapi.cvm.v20170312.models.TagSpecification;
import dev.localcvm.embed.LocalCvm;
import dev.localcvm.embed.LocalCvmExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reaper against localcvm, through its JUnit extension only: no process to start, no port to find. */
class ReaperTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @RegisterExtension
    static LocalCvmExtension localcvm = LocalCvmExtension.perClass(LocalCvm.builder()
            .transitionDelay(Duration.ZERO)   // instances are RUNNING, and terminated ones gone, at once
            .rateLimits(true)                 // TerminateInstances: 10 calls a second, as on the real service
            .stoppedClock())                  // time moves only when a test moves it: the rate limit's second too
            .resetBeforeEach();

    private static String[] launch(CvmClient cvm, int count, String ttl, String chargeType, boolean isProtected)
            throws TencentCloudSDKException {
        RunInstancesRequest req = new RunInstancesRequest();
        Placement p = new Placement();
        p.setZone("ap-guangzhou-3");
        req.setPlacement(p);
        req.setImageId("img-pmqg1cw7");
        req.setInstanceCount((long) count);
        req.setInstanceChargeType(chargeType);
        if (chargeType.equals("PREPAID")) {
            InstanceChargePrepaid prepaid = new InstanceChargePrepaid();
            prepaid.setPeriod(1L);
            req.setInstanceChargePrepaid(prepaid);
        }
        req.setDisableApiTermination(isProtected);
        if (ttl != null) {
            Tag tag = new Tag();
            tag.setKey("ttl");
            tag.setValue(ttl);
            TagSpecification spec = new TagSpecification();
            spec.setResourceType("instance");
            spec.setTags(new Tag[] {tag});
            req.setTagSpecification(new TagSpecification[] {spec});
        }
        return cvm.RunInstances(req).getInstanceIdSet();
    }

    private static String state(CvmClient cvm, String id) throws TencentCloudSDKException {
        DescribeInstancesRequest req = new DescribeInstancesRequest();
        req.setInstanceIds(new String[] {id});
        Instance[] set = cvm.DescribeInstances(req).getInstanceSet();
        return set.length == 0 ? "gone" : set[0].getInstanceState();
    }

    @Test
    void terminatesWhatExpiredAndNothingElse(CvmClient cvm) throws Exception {
        String expired = launch(cvm, 1, "2026-12-06T11:00:00Z", "POSTPAID_BY_HOUR", false)[0];
        String later = launch(cvm, 1, "2026-12-06T13:00:00Z", "POSTPAID_BY_HOUR", false)[0];
        String untagged = launch(cvm, 1, null, "POSTPAID_BY_HOUR", false)[0];

        Reaper.Result r = new Reaper(cvm, d -> { }).reap(NOW);

        assertEquals(List.of(expired), r.terminated());
        assertEquals("gone", state(cvm, expired));
        assertEquals("RUNNING", state(cvm, later));
        assertEquals("RUNNING", state(cvm, untagged));
    }

    @Test
    void skipsProtectedInstances(CvmClient cvm) throws Exception {
        String kept = launch(cvm, 1, "2026-12-06T11:00:00Z", "POSTPAID_BY_HOUR", true)[0];

        Reaper.Result r = new Reaper(cvm, d -> { }).reap(NOW);

        assertEquals(List.of(kept), r.protectedSkipped());
        assertEquals("RUNNING", state(cvm, kept));
    }

    /** A prepaid instance goes to the recycle bin, and is destroyed 7 days later: the server clock moves, not us. */
    @Test
    void prepaidInstancesLeaveTheRecycleBinWhenTheClockMoves(CvmClient cvm, LocalCvm server) throws Exception {
        String prepaid = launch(cvm, 1, "2026-12-06T11:00:00Z", "PREPAID", false)[0];

        new Reaper(cvm, d -> { }).reap(NOW);
        assertEquals("SHUTDOWN", state(cvm, prepaid));

        server.advanceClock(Duration.ofDays(7).plusSeconds(1));
        assertEquals("gone", state(cvm, prepaid));
    }

    /** Fifteen calls in a second meet the real rate limit; each pause moves the server clock instead of sleeping. */
    @Test
    void retriesRequestLimitExceeded(CvmClient cvm, LocalCvm server) throws Exception {
        String[] ids = launch(cvm, 15, "2026-12-06T11:00:00Z", "POSTPAID_BY_HOUR", false);
        List<Duration> pauses = new ArrayList<>();

        Reaper.Result r = new Reaper(cvm, d -> {
            pauses.add(d);
            server.advanceClock(d);
        }).reap(NOW);

        assertEquals(15, r.terminated().size());
        for (String id : ids) {
            assertEquals("gone", state(cvm, id));
        }
        assertEquals(false, pauses.isEmpty(), "the rate limit was met");
    }

    @Test
    void anInjectedFaultIsRetriedWhenItIsTheRateLimitAndReportedOtherwise(CvmClient cvm, LocalCvm server)
            throws Exception {
        String id = launch(cvm, 1, "2026-12-06T11:00:00Z", "POSTPAID_BY_HOUR", false)[0];
        List<Duration> pauses = new ArrayList<>();

        server.injectFault("TerminateInstances", "RequestLimitExceeded", 2);
        new Reaper(cvm, pauses::add).reap(NOW);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), pauses);
        assertEquals("gone", state(cvm, id));

        String other = launch(cvm, 1, "2026-12-06T11:00:00Z", "POSTPAID_BY_HOUR", false)[0];
        server.injectFault("TerminateInstances", "InternalError", 1);
        TencentCloudSDKException e = assertThrows(TencentCloudSDKException.class,
                () -> new Reaper(cvm, d -> { }).reap(NOW));
        assertEquals("InternalError", e.getErrorCode());
        assertEquals("RUNNING", state(cvm, other));
    }
}
