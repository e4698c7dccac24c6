package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.InstanceChargePrepaid;
import com.tencentcloudapi.cvm.v20170312.models.Placement;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import dev.localcvm.testing.TestServer;
import dev.localcvm.testing.TestServer.Mode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The main paths end to end with the official SDK: run, describe, terminate postpaid and prepaid. */
class LifecycleSmokeIT {
    static TestServer server;
    static CvmClient cvm;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        cvm = server.cvm(Mode.TC3_POST, "ap-guangzhou");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Instance describe(String id) throws Exception {
        DescribeInstancesRequest req = new DescribeInstancesRequest();
        req.setInstanceIds(new String[] {id});
        Instance[] set = cvm.DescribeInstances(req).getInstanceSet();
        return set.length == 0 ? null : set[0];
    }

    private static String run(String chargeType) throws Exception {
        RunInstancesRequest req = new RunInstancesRequest();
        Placement p = new Placement();
        p.setZone("ap-guangzhou-3");
        req.setPlacement(p);
        req.setImageId("img-pmqg1cw7");
        req.setInstanceChargeType(chargeType);
        if (chargeType.equals("PREPAID")) {
            InstanceChargePrepaid prepaid = new InstanceChargePrepaid();
            prepaid.setPeriod(1L);
            req.setInstanceChargePrepaid(prepaid);
        }
        return cvm.RunInstances(req).getInstanceIdSet()[0];
    }

    private static void terminate(String id) throws Exception {
        TerminateInstancesRequest req = new TerminateInstancesRequest();
        req.setInstanceIds(new String[] {id});
        cvm.TerminateInstances(req);
    }

    @Test
    void postpaidGoesThroughTerminatingAndDisappears() throws Exception {
        String id = run("POSTPAID_BY_HOUR");
        assertThat(id).matches("ins-[a-z0-9]{8}");
        Instance pending = describe(id);
        assertThat(pending.getInstanceState()).isEqualTo("PENDING");
        assertThat(pending.getLatestOperationState()).isEqualTo("OPERATING");

        server.server().clock().advance(Duration.ofSeconds(2));
        Instance running = describe(id);
        assertThat(running.getInstanceState()).isEqualTo("RUNNING");
        assertThat(running.getLatestOperationState()).isEqualTo("SUCCESS");
        assertThat(running.getPlacement().getZone()).isEqualTo("ap-guangzhou-3");
        assertThat(running.getCPU()).isEqualTo(2L);
        assertThat(running.getMemory()).isEqualTo(4L);

        terminate(id);
        Instance terminating = describe(id);
        assertThat(terminating.getInstanceState()).isEqualTo("TERMINATING");
        assertThat(terminating.getLatestOperation()).isEqualTo("TerminateInstances");

        server.server().clock().advance(Duration.ofSeconds(2));
        assertThat(describe(id)).isNull();
    }

    @Test
    void prepaidGoesToTheRecycleBinFirst() throws Exception {
        String id = run("PREPAID");
        server.server().clock().advance(Duration.ofSeconds(2));

        terminate(id);
        Instance isolating = describe(id);
        assertThat(isolating.getInstanceState()).isEqualTo("SHUTDOWN");
        assertThat(isolating.getLatestOperationState()).isEqualTo("OPERATING");
        assertThat(isolating.getIsolatedSource()).isEqualTo("MANMADE");

        server.server().clock().advance(Duration.ofSeconds(2));
        Instance inBin = describe(id);
        assertThat(inBin.getInstanceState()).isEqualTo("SHUTDOWN");
        assertThat(inBin.getLatestOperationState()).isEqualTo("SUCCESS");

        terminate(id);
        assertThat(describe(id).getInstanceState()).isEqualTo("TERMINATING");
        server.server().clock().advance(Duration.ofSeconds(2));
        assertThat(describe(id)).isNull();
    }
}
