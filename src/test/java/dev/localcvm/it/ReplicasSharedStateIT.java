package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.Replicas;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What replicas on one PostgreSQL share besides the instances: ClientTokens, lifecycle timers, the admin
 * clock offset and the rate-limit buckets. Both replicas run on clocks fixed at the same instant, so only
 * the shared offset moves time.
 */
class ReplicasSharedStateIT {
    /** Well-formed but unknown: every admitted TerminateInstances answers InvalidInstanceId.NotFound. */
    private static final String UNKNOWN = "ins-00000000";
    private Replicas replicas;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @AfterEach
    void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    private void start(Duration delay, boolean rateLimits) {
        replicas = Replicas.start(delay, rateLimits, ServerClock.fixedAt(t0), ServerClock.fixedAt(t0));
    }

    @Test
    void aClientTokenUsedOnOneReplicaAnswersTheSameIdsOnTheOther() throws Exception {
        start(Duration.ofSeconds(1), false);
        CvmClient a = Replicas.cvm(replicas.a());
        CvmClient b = Replicas.cvm(replicas.b());
        RunInstancesRequest run = CvmFixture.runRequest(null);
        run.setInstanceCount(2L);
        run.setClientToken("token-across-replicas");

        String[] first = a.RunInstances(run).getInstanceIdSet();
        String[] second = b.RunInstances(run).getInstanceIdSet();

        assertThat(second).containsExactly(first);
        assertThat(CvmFixture.describeAll(b)).hasSize(2);
        assertThat(replicas.instanceRows()).isEqualTo(2);
    }

    @Test
    void theSameClientTokenOnBothReplicasAtOnceLaunchesOnce() throws Exception {
        start(Duration.ofSeconds(1), false);
        int tokens = 8;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int k = 0; k < tokens; k++) {
                RunInstancesRequest run = CvmFixture.runRequest(null);
                run.setClientToken("race-" + k);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String[]>> answers = new ArrayList<>();
                for (CvmClient client : List.of(Replicas.cvm(replicas.a()), Replicas.cvm(replicas.b()))) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return client.RunInstances(run).getInstanceIdSet();
                    }));
                }
                go.countDown();
                String[] onA = answers.get(0).get(60, TimeUnit.SECONDS);
                String[] onB = answers.get(1).get(60, TimeUnit.SECONDS);
                assertThat(onB).as("token race-%s", k).hasSize(1).containsExactly(onA);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(CvmFixture.describeAll(Replicas.cvm(replicas.a()))).hasSize(tokens);
        assertThat(replicas.instanceRows()).isEqualTo(tokens);
    }

    @Test
    void timersSetOnOneReplicaCompleteOnTheOtherAfterTheFirstIsGone() throws Exception {
        start(Duration.ofSeconds(5), false);
        CvmClient a = Replicas.cvm(replicas.a());
        List<String> ids = CvmFixture.run(a, null, r -> r.setInstanceCount(2L));
        Replicas.advance(replicas.a(), 6);
        StopInstancesRequest stop = new StopInstancesRequest();
        stop.setInstanceIds(new String[] {ids.get(0)});
        String stopped = a.StopInstances(stop).getRequestId();
        CvmFixture.terminate(a, ids.get(1));
        String pending = CvmFixture.run(a, null, r -> { }).get(0);
        replicas.stopA();

        // Only B is left, and only B is read. Moving B's clock moves the shared offset too.
        replicas.b().server().clock().advance(Duration.ofSeconds(6));
        CvmClient b = Replicas.cvm(replicas.b());
        Instance i = CvmFixture.describe(b, ids.get(0));
        assertThat(i.getInstanceState()).isEqualTo("STOPPED");
        assertThat(i.getLatestOperationState()).isEqualTo("SUCCESS");
        assertThat(i.getLatestOperationRequestId()).isEqualTo(stopped);
        assertThat(CvmFixture.describe(b, ids.get(1))).isNull();
        assertThat(CvmFixture.describe(b, pending).getInstanceState()).isEqualTo("RUNNING");
        // Reads show due timers at once; the sweep records them (the admin clock call sweeps).
        Replicas.advance(replicas.b(), 0);
        assertThat(replicas.tombstones()).containsExactly(Map.entry(ids.get(1), 1));
    }

    @Test
    void theClockAdvancedOnOneReplicaIsTheClockOfTheOther() throws Exception {
        start(Duration.ofSeconds(10), false);
        CvmClient a = Replicas.cvm(replicas.a());
        CvmClient b = Replicas.cvm(replicas.b());
        String first = CvmFixture.run(a, null, r -> { }).get(0);

        Replicas.advance(replicas.a(), 11);

        assertThat(CvmFixture.describe(b, first).getInstanceState()).isEqualTo("RUNNING");
        String second = CvmFixture.run(b, null, r -> { }).get(0);
        assertThat(Instant.parse(CvmFixture.describe(b, second).getCreatedTime()))
                .as("launched on B after A's clock moved 11 s").isEqualTo(t0.plusSeconds(11));
        assertThat(CvmFixture.describe(b, second).getInstanceState()).isEqualTo("PENDING");
        Replicas.advance(replicas.a(), 11);
        assertThat(CvmFixture.describe(b, second).getInstanceState()).isEqualTo("RUNNING");
        CvmFixture.terminate(b, second);
        assertThat(CvmFixture.describe(b, second).getInstanceState()).isEqualTo("TERMINATING");

        Replicas.advance(replicas.a(), 11);

        assertThat(CvmFixture.describe(b, second)).as("terminated on B with D = 10 s, then A's clock moved 11 s")
                .isNull();
        assertThat(replicas.b().server().clock().offset()).isEqualTo(Duration.ofSeconds(33));
    }

    @Test
    void terminateInstancesIsLimitedToTenPerSecondAcrossBothReplicas() throws Exception {
        start(Duration.ofSeconds(1), true);
        List<CvmClient> clients = List.of(Replicas.cvm(replicas.a()), Replicas.cvm(replicas.b()));
        List<String> codes = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            codes.add(terminateCode(clients.get(k % 2)));
        }
        assertThat(codes).as("10 calls, 5 on each replica").containsOnly("InvalidInstanceId.NotFound");

        assertThat(terminateCode(clients.get(0))).isEqualTo("RequestLimitExceeded");
        assertThat(terminateCode(clients.get(1))).isEqualTo("RequestLimitExceeded");

        // A second later (moved on A) the bucket has refilled for both.
        Replicas.advance(replicas.a(), 1);
        assertThat(terminateCode(clients.get(1))).isEqualTo("InvalidInstanceId.NotFound");
        assertThat(terminateCode(clients.get(0))).isEqualTo("InvalidInstanceId.NotFound");
    }

    private static String terminateCode(CvmClient client) {
        return CvmFixture.codeOf(() -> CvmFixture.terminate(client, UNKNOWN));
    }
}
