package dev.localcvm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DataDisk;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * TerminateInstances racing AttachDisks, AssociateAddress and TagResources on one instance (issue 13 item 6), each
 * call on its own thread and, with two servers, on its own replica. Whatever wins, no disk may end attached to, no
 * EIP bound to, and no tag left on, an instance that is gone.
 */
public final class ResourceRace {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "ap-guangzhou";
    private static final String ZONE = "ap-guangzhou-3";

    private ResourceRace() {
    }

    /**
     * Runs {@code rounds} races; {@code terminator} terminates, {@code other} attaches and associates. Both
     * servers run with no transition delay, so a termination that wins destroys the instance at once.
     *
     * @return how many rounds the termination won outright (attach and associate refused), for the caller to
     *         see that both outcomes happened
     */
    public static int run(TestServer terminator, TestServer other, int rounds) throws Exception {
        CvmClient cvmT = terminator.cvm(TestServer.Mode.TC3_POST, REGION);
        CvmClient cvmO = other.cvm(TestServer.Mode.TC3_POST, REGION);
        CommonClient vpc = other.common(TestServer.Mode.TC3_POST, "vpc", "2017-03-12", REGION);
        CommonClient cbs = other.common(TestServer.Mode.TC3_POST, "cbs", "2017-03-12", REGION);
        CommonClient tag = other.common(TestServer.Mode.TC3_POST, "tag", "2018-08-13", REGION);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int terminationFirst = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                String target = CvmFixture.run(cvmO, "POSTPAID_BY_HOUR", r -> { }).get(0);
                String donor = CvmFixture.run(cvmO, "POSTPAID_BY_HOUR", r -> {
                    DataDisk d = new DataDisk();
                    d.setDiskSize(50L);
                    d.setDeleteWithInstance(false);
                    r.setDataDisks(new DataDisk[] {d});
                }).get(0);
                String disk = CvmFixture.describe(cvmO, donor).getDataDisks()[0].getDiskId();
                call(cbs, "DetachDisks", "{\"DiskIds\":[\"" + disk + "\"]}");
                String eip = call(vpc, "AllocateAddresses", "{}").path("AddressSet").get(0).asText();

                CyclicBarrier start = new CyclicBarrier(4);
                List<Future<String>> outcomes = new ArrayList<>();
                outcomes.add(pool.submit(at(start, () -> {
                    TerminateInstancesRequest req = new TerminateInstancesRequest();
                    req.setInstanceIds(new String[] {target});
                    cvmT.TerminateInstances(req);
                })));
                outcomes.add(pool.submit(at(start, () -> call(cbs, "AttachDisks",
                        "{\"DiskIds\":[\"" + disk + "\"],\"InstanceId\":\"" + target + "\"}"))));
                outcomes.add(pool.submit(at(start, () -> call(vpc, "AssociateAddress",
                        "{\"AddressId\":\"" + eip + "\",\"InstanceId\":\"" + target + "\"}"))));
                outcomes.add(pool.submit(at(start, () -> call(tag, "TagResources", "{\"ResourceList\":[\"qcs::cvm:"
                        + REGION + ":uin/:instance/" + target + "\"],\"Tags\":[{\"TagKey\":\"race\",\"TagValue\":\"1\"}]}"))));
                List<String> codes = new ArrayList<>();
                for (Future<String> f : outcomes) {
                    codes.add(f.get(60, TimeUnit.SECONDS));
                }
                assertThat(codes).as("round %d: every answer is a success or a documented refusal", round)
                        .doesNotContain("InternalError");
                if (!codes.get(1).equals("OK") && !codes.get(2).equals("OK")) {
                    terminationFirst++;
                }
                // A termination refused for a concurrent change (MutexOperation.TaskRunning) is retried once the
                // other calls are done: the instance must end either way.
                if (!codes.get(0).equals("OK")) {
                    TerminateInstancesRequest req = new TerminateInstancesRequest();
                    req.setInstanceIds(new String[] {target});
                    cvmT.TerminateInstances(req);
                }
                DescribeInstancesRequest gone = new DescribeInstancesRequest();
                gone.setInstanceIds(new String[] {target});
                assertThat(cvmO.DescribeInstances(gone).getTotalCount()).as("round %d: %s is gone", round, target)
                        .isZero();
                JsonNode d = call(cbs, "DescribeDisks", "{\"DiskIds\":[\"" + disk + "\"]}").path("DiskSet").get(0);
                assertThat(d.path("InstanceId").asText()).as("round %d %s: disk after %s", round, codes, d).isEmpty();
                assertThat(d.path("DiskState").asText()).isEqualTo("UNATTACHED");
                JsonNode a = call(vpc, "DescribeAddresses", "{\"AddressIds\":[\"" + eip + "\"]}").path("AddressSet").get(0);
                assertThat(a.path("InstanceId").asText()).as("round %d %s: EIP after %s", round, codes, a).isEmpty();
                assertThat(a.path("AddressStatus").asText()).isEqualTo("UNBIND");
                JsonNode tags = call(tag, "DescribeResourceTags", "{\"ResourceId\":\"" + target + "\"}");
                assertThat(tags.path("TotalCount").asLong()).as("round %d %s: tags of the gone instance: %s", round, codes,
                        tags).isZero();
                call(vpc, "ReleaseAddresses", "{\"AddressIds\":[\"" + eip + "\"]}");
                call(cbs, "TerminateDisks", "{\"DiskIds\":[\"" + disk + "\"]}");
                TerminateInstancesRequest cleanup = new TerminateInstancesRequest();
                cleanup.setInstanceIds(new String[] {donor});
                cvmO.TerminateInstances(cleanup);
            }
        } finally {
            pool.shutdownNow();
        }
        return terminationFirst;
    }

    private interface Call {
        void run() throws Exception;
    }

    /** The call once all four threads are ready: "OK", or the error code it answered. */
    private static Callable<String> at(CyclicBarrier start, Call call) {
        return () -> {
            start.await(30, TimeUnit.SECONDS);
            try {
                call.run();
                return "OK";
            } catch (TencentCloudSDKException e) {
                return e.getErrorCode();
            }
        };
    }

    private static JsonNode call(CommonClient client, String action, String body) throws Exception {
        return JSON.readTree(client.call(action, body)).path("Response");
    }
}
