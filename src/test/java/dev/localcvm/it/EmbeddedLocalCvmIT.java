package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeRegionsRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeZonesRequest;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import dev.localcvm.embed.LocalCvm;
import dev.localcvm.embed.LocalCvmExtension;
import dev.localcvm.testing.CvmFixture;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedding API and the JUnit extension (issue 17): the same server as serve, driven from a test. */
class EmbeddedLocalCvmIT {
    @RegisterExtension
    static LocalCvmExtension localcvm = LocalCvmExtension.perClass(LocalCvm.builder().transitionDelay(Duration.ZERO)
            .rateLimits(false)).resetBeforeEach();

    private final CvmClient cvm;

    EmbeddedLocalCvmIT(CvmClient cvm) {
        this.cvm = cvm;
    }

    @BeforeEach
    void everyTestStartsEmpty() throws Exception {
        assertThat(cvm.DescribeInstances(new DescribeInstancesRequest()).getTotalCount()).isZero();
    }

    private static RunInstancesRequest run(String chargeType) {
        return CvmFixture.runRequest(chargeType);
    }

    private static TerminateInstancesRequest terminate(String id) {
        TerminateInstancesRequest req = new TerminateInstancesRequest();
        req.setInstanceIds(new String[] {id});
        return req;
    }

    private String state(CvmClient client, String id) throws TencentCloudSDKException {
        DescribeInstancesRequest req = new DescribeInstancesRequest();
        req.setInstanceIds(new String[] {id});
        var set = client.DescribeInstances(req).getInstanceSet();
        return set.length == 0 ? "gone" : set[0].getInstanceState();
    }

    @Test
    void theInjectedClientAndServerAreTheRunningOnes(LocalCvm server) throws Exception {
        assertThat(server).isSameAs(localcvm.get());
        assertThat(server.endpoint()).isEqualTo("127.0.0.1:" + server.port());
        assertThat(cvm.DescribeZones(new DescribeZonesRequest()).getTotalCount()).isPositive();
        String vpcs = server.client("vpc", "2017-03-12", "ap-guangzhou").call("DescribeVpcs", "{}");
        assertThat(vpcs).contains("\"TotalCount\":1");
    }

    @Test
    void theClockMovesThePrepaidRecycleBin(LocalCvm server) throws Exception {
        String id = cvm.RunInstances(run("PREPAID")).getInstanceIdSet()[0];
        cvm.TerminateInstances(terminate(id));
        assertThat(state(cvm, id)).isEqualTo("SHUTDOWN");
        server.advanceClock(Duration.ofDays(7).plusSeconds(1));
        assertThat(state(cvm, id)).isEqualTo("gone");
        assertThatThrownBy(() -> server.advanceClock(Duration.ofMillis(500))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accountsAreApartAndTheirAttributesTyped(LocalCvm server) throws Exception {
        LocalCvm.Account team = server.newAccount("team-b");
        CvmClient other = new CvmClient(team.credential(), "ap-guangzhou", server.profile());
        server.accountAttributes(team.uin(), Map.of("instanceQuota", 1));
        other.RunInstances(run("POSTPAID_BY_HOUR"));
        assertThatThrownBy(() -> other.RunInstances(run("POSTPAID_BY_HOUR")))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("LimitExceeded.InstanceQuota"));
        assertThat(cvm.DescribeInstances(new DescribeInstancesRequest()).getTotalCount()).isZero();
    }

    @Test
    void anInjectedFaultFailsTheNextCallsThenStops(LocalCvm server) throws Exception {
        String id = cvm.RunInstances(run("POSTPAID_BY_HOUR")).getInstanceIdSet()[0];
        server.injectFault("TerminateInstances", "RequestLimitExceeded", 1);
        assertThatThrownBy(() -> cvm.TerminateInstances(terminate(id)))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("RequestLimitExceeded"));
        assertThat(state(cvm, id)).isEqualTo("RUNNING");
        cvm.TerminateInstances(terminate(id));
        assertThat(state(cvm, id)).isEqualTo("gone");
    }

    @Test
    void instanceAttributesAreTyped(LocalCvm server) throws Exception {
        String id = cvm.RunInstances(run("POSTPAID_BY_HOUR")).getInstanceIdSet()[0];
        server.instanceAttributes(id, Map.of("frozen", true));
        assertThatThrownBy(() -> cvm.TerminateInstances(terminate(id)))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("UnsupportedOperation.InstanceStateFreezing"));
    }

    /** A stopped clock moves only when the test moves it: twenty-one calls fall in one second however long they take. */
    @Test
    void aStoppedClockKeepsTheRateLimitsSecondUntilTheTestMovesIt() throws Exception {
        try (LocalCvm server = LocalCvm.builder().rateLimits(true).stoppedClock().start()) {
            CvmClient client = server.cvmClient("ap-guangzhou");
            for (int i = 0; i < 20; i++) {
                client.DescribeRegions(new DescribeRegionsRequest());
            }
            assertThatThrownBy(() -> client.DescribeRegions(new DescribeRegionsRequest()))
                    .isInstanceOfSatisfying(TencentCloudSDKException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo("RequestLimitExceeded"));
            server.advanceClock(Duration.ofSeconds(1));
            assertThat(client.DescribeRegions(new DescribeRegionsRequest())
                    .getTotalCount()).isPositive();
        }
    }
}
