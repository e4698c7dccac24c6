package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.ModifyInstancesAttributeRequest;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesResponse;
import com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest;
import dev.localcvm.account.AccountService;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.JarProcesses;
import dev.localcvm.testing.JarProcesses.Served;
import dev.localcvm.testing.Poll;
import dev.localcvm.testing.RawHttp;
import dev.localcvm.testing.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a real {@code localcvm serve} on an H2 file: everything it acknowledged is there after
 * a restart on the same data directory, and lifecycle timers pending at the kill complete afterwards.
 * (Whatever store the suite runs on: this is about the embedded default.)
 */
class CrashDurabilityIT {
    private static final String REGION = CvmFixture.REGION;
    private static final Duration PAUSE = Duration.ofMillis(250);
    private static final int TRIES = 40;
    private final JarProcesses jars = new JarProcesses();

    @AfterEach
    void killLeftovers() {
        jars.close();
    }

    private Served serve(Path dir, String delay) throws Exception {
        return jars.serve(Map.of(), "--data-dir", dir.toString(), "--port", "0", "--transition-delay", delay,
                "--rate-limits", "off");
    }

    private static CvmClient cvm(Served s) {
        return s.cvm(AccountService.DEFAULT_SECRET_ID, AccountService.DEFAULT_SECRET_KEY, REGION);
    }

    @Test
    void acknowledgedWritesSurviveKill9() throws Exception {
        Path dir = TestStores.newDirectory("crash-acked-");
        Served first = serve(dir, "500ms");
        CvmClient cvm = cvm(first);
        RunInstancesRequest run = CvmFixture.runRequest(null);
        run.setInstanceCount(3L);
        run.setInstanceName("kept");
        List<String> ids = Arrays.asList(cvm.RunInstances(run).getInstanceIdSet());
        Poll.until("three instances RUNNING", TRIES, PAUSE, () -> states(cvm, ids),
                s -> s.values().stream().allMatch("RUNNING"::equals));
        StopInstancesRequest stop = new StopInstancesRequest();
        stop.setInstanceIds(new String[] {ids.get(1)});
        String stopRequestId = cvm.StopInstances(stop).getRequestId();
        ModifyInstancesAttributeRequest modify = new ModifyInstancesAttributeRequest();
        modify.setInstanceIds(new String[] {ids.get(2)});
        modify.setInstanceName("renamed-just-before-the-kill");
        String modifyRequestId = cvm.ModifyInstancesAttribute(modify).getRequestId();
        RawHttp.Response created = RawHttp.send(first.port(), "POST", "/_localcvm/accounts",
                Map.of("Content-Type", "application/json"), "{\"Name\":\"survivor\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode account = new ObjectMapper().readTree(created.body());
        RunInstancesRequest last = CvmFixture.runRequest(null);
        last.setClientToken("acknowledged-last");
        RunInstancesResponse lastResponse = cvm.RunInstances(last);
        first.kill9();

        Served second = serve(dir, "500ms");
        CvmClient again = cvm(second);
        Instance stopped = Poll.until("the instance stopped before the kill is STOPPED", TRIES, PAUSE,
                () -> CvmFixture.describe(again, ids.get(1)), i -> i != null && "STOPPED".equals(i.getInstanceState()));
        assertThat(stopped.getLatestOperation()).isEqualTo("StopInstances");
        assertThat(stopped.getLatestOperationRequestId()).isEqualTo(stopRequestId);
        Instance renamed = CvmFixture.describe(again, ids.get(2));
        assertThat(renamed.getInstanceName()).isEqualTo("renamed-just-before-the-kill");
        assertThat(renamed.getLatestOperationRequestId()).isEqualTo(modifyRequestId);
        assertThat(CvmFixture.describe(again, ids.get(0)).getInstanceState()).isEqualTo("RUNNING");
        String lastId = lastResponse.getInstanceIdSet()[0];
        assertThat(CvmFixture.describe(again, lastId)).as("the instance launched right before the kill").isNotNull();
        // Its ClientToken was recorded with it: the same call answers the same instance, and launches nothing.
        assertThat(again.RunInstances(last).getInstanceIdSet()).containsExactly(lastId);
        assertThat(CvmFixture.describeAll(again)).hasSize(4);
        // The account created through the admin API, keys included.
        CvmClient survivor = second.cvm(account.get("SecretId").asText(), account.get("SecretKey").asText(), REGION);
        assertThat(survivor.DescribeInstances(new DescribeInstancesRequest()).getTotalCount()).isZero();
        second.kill9();
    }

    @Test
    void timersPendingAtKill9CompleteAfterTheRestart() throws Exception {
        Path dir = TestStores.newDirectory("crash-timers-");
        // D = 2 s: long enough that the timers are surely pending at the kill and still pending for a
        // moment after the restart.
        Served first = serve(dir, "2s");
        CvmClient cvm = cvm(first);
        String postpaid = CvmFixture.run(cvm, null, r -> { }).get(0);
        String prepaid = CvmFixture.run(cvm, "PREPAID", r -> { }).get(0);
        Poll.until("both RUNNING", TRIES, PAUSE, () -> states(cvm, List.of(postpaid, prepaid)),
                s -> s.values().stream().allMatch("RUNNING"::equals));
        String terminated = CvmFixture.terminate(cvm, postpaid);
        String isolated = CvmFixture.terminate(cvm, prepaid);
        Instance terminating = CvmFixture.describe(cvm, postpaid);
        Instance isolating = CvmFixture.describe(cvm, prepaid);
        first.kill9();
        assertThat(terminating.getInstanceState()).isEqualTo("TERMINATING");
        assertThat(isolating.getInstanceState()).isEqualTo("SHUTDOWN");
        assertThat(isolating.getLatestOperationState()).isEqualTo("OPERATING");

        Served second = serve(dir, "2s");
        CvmClient again = cvm(second);
        Poll.until("the terminated instance gone and the prepaid one in the recycle bin", TRIES, PAUSE,
                () -> states(again, List.of(postpaid, prepaid)),
                s -> s.get(postpaid).equals("absent") && s.get(prepaid).equals("SHUTDOWN/SUCCESS"));
        Instance binned = CvmFixture.describe(again, prepaid);
        assertThat(binned.getLatestOperation()).isEqualTo("TerminateInstances");
        assertThat(binned.getLatestOperationRequestId()).isEqualTo(isolated);
        assertThat(binned.getIsolatedSource()).isEqualTo("MANMADE");
        // The destroyed id is remembered (tombstone), not forgotten.
        assertThat(CvmFixture.codeOf(() -> CvmFixture.terminate(again, postpaid)))
                .as("terminating %s again (first terminated by %s)", postpaid, terminated)
                .isEqualTo("UnsupportedOperation.InstanceStateTerminated");
        second.kill9();
    }

    /**
     * A writer launches instances one by one while the server is killed under it: every launch that was
     * answered is there after the restart, with its name; at most the one in flight at the kill may be
     * there too, unanswered.
     */
    @Test
    void everyAnsweredLaunchOfAStreamCutByKill9IsThere() throws Exception {
        Path dir = TestStores.newDirectory("crash-stream-");
        Served first = serve(dir, "500ms");
        CvmClient cvm = cvm(first);
        Map<String, String> answered = new LinkedHashMap<>();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        CountDownLatch enough = new CountDownLatch(20);
        Thread writer = new Thread(() -> {
            for (int k = 0; k < 300; k++) {
                RunInstancesRequest r = CvmFixture.runRequest(null);
                r.setInstanceName("w-" + k);
                try {
                    String id = cvm.RunInstances(r).getInstanceIdSet()[0];
                    synchronized (answered) {
                        answered.put(id, "w-" + k);
                    }
                    enough.countDown();
                } catch (TencentCloudSDKException e) {
                    String code = e.getErrorCode();
                    if (code != null && !code.isEmpty() && !code.equals("ServerSideError")) {
                        unexpected.compareAndSet(null, e); // an API error: the server answered something wrong
                    }
                    return; // otherwise the connection broke: the server is gone
                }
            }
        }, "crash-writer");
        writer.start();
        assertThat(enough.await(60, TimeUnit.SECONDS)).as("20 launches answered").isTrue();
        first.kill9();
        writer.join(30_000);
        assertThat(writer.isAlive()).as("the writer noticed the server was gone").isFalse();
        assertThat(unexpected.get()).as("an API error before the kill").isNull();
        Map<String, String> acknowledged;
        synchronized (answered) {
            acknowledged = new LinkedHashMap<>(answered);
        }

        Served second = serve(dir, "500ms");
        CvmClient again = cvm(second);
        Map<String, String> after = new LinkedHashMap<>();
        DescribeInstancesRequest page = new DescribeInstancesRequest();
        page.setLimit(100L);
        for (long offset = 0; offset < 400; offset += 100) {
            page.setOffset(offset);
            for (Instance i : again.DescribeInstances(page).getInstanceSet()) {
                after.put(i.getInstanceId(), i.getInstanceName());
            }
        }
        assertThat(after).containsAllEntriesOf(acknowledged);
        assertThat(after.size()).as("launches after the restart vs answered (%s)", acknowledged.size())
                .isBetween(acknowledged.size(), acknowledged.size() + 1);
        second.kill9();
    }

    /** id -> "STATE/LatestOperationState", or "absent". */
    private static Map<String, String> states(CvmClient cvm, List<String> ids) throws TencentCloudSDKException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : ids) {
            Instance i = CvmFixture.describe(cvm, id);
            out.put(id, i == null ? "absent" : i.getInstanceState()
                    + ("RUNNING".equals(i.getInstanceState()) ? "" : "/" + i.getLatestOperationState()));
        }
        return out;
    }
}
