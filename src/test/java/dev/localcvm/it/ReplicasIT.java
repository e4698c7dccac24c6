package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StartInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.Replicas;
import dev.localcvm.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two replicas on one PostgreSQL under conflicting writes: TerminateInstances, StartInstances and
 * StopInstances on overlapping batches of the same instances, from two threads per replica at once, while
 * both replicas' sweepers and reads race to fire the transitions' timers (D = 50 ms of real time). Every
 * change must be a compare-and-set: no instance destroyed twice, no transition applied twice, no lost
 * update, and no request answering InternalError.
 */
class ReplicasIT {
    private static final int INSTANCES = 20;
    private static final int THREADS_PER_REPLICA = 2;
    private static final int REQUESTS_PER_THREAD = 50;
    private static final Set<String> STATES = Set.of("PENDING", "RUNNING", "STOPPING", "STOPPED", "STARTING",
            "TERMINATING");
    private Replicas replicas;

    @AfterEach
    void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    private enum Op { TERMINATE, START, STOP, DESCRIBE }

    /** One request of the storm: what was asked, when it was sent and answered, and the outcome. */
    private record Call(int thread, Op op, List<String> ids, long sentNanos, long answeredNanos, String code,
                        String requestId, String detail) {
        boolean ok() {
            return "OK".equals(code);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20_260_126L, 2, 3})
    void conflictingWritesFromBothReplicasApplyEachTransitionOnce(long seed) throws Exception {
        replicas = Replicas.start(Duration.ofMillis(50), false, ServerClock.system(), ServerClock.system());
        CvmClient onA = Replicas.cvm(replicas.a());
        RunInstancesRequest run = CvmFixture.runRequest(null);
        run.setInstanceCount((long) INSTANCES);
        var launched = onA.RunInstances(run);
        String runRequestId = launched.getRequestId();
        List<String> ids = List.of(launched.getInstanceIdSet());
        Replicas.advance(replicas.a(), 1);
        assertThat(describeAll(Replicas.cvm(replicas.b())).values()).extracting(Instance::getInstanceState)
                .hasSize(INSTANCES).containsOnly("RUNNING");

        List<Call> calls = storm(ids, seed);

        Map<String, Long> codes = calls.stream().collect(Collectors.groupingBy(c -> c.op() + " " + c.code(),
                TreeMap::new, Collectors.counting()));
        String summary = "seed " + seed + ", outcomes: " + codes;
        assertThat(calls).as(summary).hasSize(2 * THREADS_PER_REPLICA * REQUESTS_PER_THREAD);
        assertThat(calls).as("calls that failed without an API error, or with an internal one; " + summary)
                .filteredOn(c -> c.code().isEmpty() || c.code().startsWith("Internal")
                        || c.code().equals("ServiceUnavailable") || c.code().equals("RequestLimitExceeded"))
                .isEmpty();
        assertThat(calls).as("descriptions showing an undocumented state; " + summary)
                .filteredOn(c -> c.op() == Op.DESCRIBE && c.detail() != null).isEmpty();
        for (Op op : List.of(Op.TERMINATE, Op.START, Op.STOP)) {
            assertThat(calls).as("some %s succeeded; %s", op, summary).anyMatch(c -> c.op() == op && c.ok());
        }
        assertThat(calls).as("some writes were refused (the storm conflicted); " + summary)
                .anyMatch(c -> c.op() != Op.DESCRIBE && !c.ok());

        // Let whatever is in flight land: the clock moves for both replicas.
        Replicas.advance(replicas.a(), 2);
        Map<String, Instance> onAAfter = describeAll(onA);
        Map<String, Instance> onBAfter = describeAll(Replicas.cvm(replicas.b()));
        assertThat(view(onBAfter)).as("both replicas show the same").isEqualTo(view(onAAfter));
        Map<String, Integer> tombstones = replicas.tombstones();
        assertThat(tombstones.values()).as("tombstone rows per destroyed id").allMatch(n -> n == 1);

        Map<String, String> requestOps = new HashMap<>();
        requestOps.put(runRequestId, "RunInstances");
        calls.stream().filter(Call::ok).filter(c -> c.op() != Op.DESCRIBE)
                .forEach(c -> requestOps.put(c.requestId(), apiName(c.op())));
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            List<Call> mine = calls.stream().filter(c -> c.ok() && c.op() != Op.DESCRIBE && c.ids().contains(id)).toList();
            long terminates = mine.stream().filter(c -> c.op() == Op.TERMINATE).count();
            long stops = mine.stream().filter(c -> c.op() == Op.STOP).count();
            long starts = mine.stream().filter(c -> c.op() == Op.START).count();
            Instance now = onAAfter.get(id);
            String where = id + " (terminates " + terminates + ", stops " + stops + ", starts " + starts + ", now "
                    + (now == null ? "absent" : now.getInstanceState() + "/" + now.getLatestOperation() + "/"
                    + now.getLatestOperationState()) + ")";
            if (terminates > 1) {
                problems.add(where + ": terminated twice");
            }
            if (terminates == 1) {
                if (now != null || !tombstones.containsKey(id)) {
                    problems.add(where + ": terminated but present or without a tombstone");
                }
                long terminatedAt = mine.stream().filter(c -> c.op() == Op.TERMINATE).findFirst().orElseThrow()
                        .answeredNanos();
                mine.stream().filter(c -> c.op() != Op.TERMINATE && c.sentNanos() > terminatedAt)
                        .forEach(c -> problems.add(where + ": " + c.op() + " " + c.requestId()
                                + " succeeded after the instance was terminated"));
                continue;
            }
            if (now == null || tombstones.containsKey(id)) {
                problems.add(where + ": never terminated, yet gone or tombstoned");
                continue;
            }
            // Stop needs RUNNING and Start needs STOPPED: successes alternate, starting from RUNNING.
            if (stops - starts != 0 && stops - starts != 1) {
                problems.add(where + ": stops and starts do not alternate (a transition applied twice)");
            }
            String expected = stops > starts ? "STOPPED" : "RUNNING";
            if (!expected.equals(now.getInstanceState()) || !"SUCCESS".equals(now.getLatestOperationState())) {
                problems.add(where + ": expected " + expected + "/SUCCESS");
            }
            String op = requestOps.get(now.getLatestOperationRequestId());
            if (op == null || !op.equals(now.getLatestOperation())) {
                problems.add(where + ": latest operation " + now.getLatestOperation() + " "
                        + now.getLatestOperationRequestId() + " is not an acknowledged request of that action");
            }
        }
        assertThat(problems).as(summary).isEmpty();
        assertThat(tombstones.keySet()).as("tombstones are exactly the terminated ids")
                .isEqualTo(ids.stream().filter(id -> !onAAfter.containsKey(id)).collect(Collectors.toSet()));
        assertThat(replicas.instanceRows()).isEqualTo(onAAfter.size());
        for (TestServer replica : List.of(replicas.a(), replicas.b())) {
            assertThat(Replicas.metrics(replica)).doesNotContain("code=\"InternalError\"");
        }
    }

    /**
     * The same batch in opposite orders on the two replicas at the same moment (D = 0, so each round
     * lands at once): exactly one of the two applies, every round; the loser is refused, never failed by
     * a database deadlock.
     */
    @Test
    void oppositeOrderBatchesOnBothReplicasApplyExactlyOnce() throws Exception {
        replicas = Replicas.start(Duration.ZERO, false, ServerClock.system(), ServerClock.system());
        RunInstancesRequest run = CvmFixture.runRequest(null);
        run.setInstanceCount(6L);
        List<String> ids = List.of(Replicas.cvm(replicas.a()).RunInstances(run).getInstanceIdSet());
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        List<CvmClient> clients = List.of(Replicas.cvm(replicas.a()), Replicas.cvm(replicas.b()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> problems = new ArrayList<>();
        try {
            for (int round = 0; round < 40; round++) {
                Op op = round % 2 == 0 ? Op.STOP : Op.START;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Call>> both = new ArrayList<>();
                for (int side = 0; side < 2; side++) {
                    CvmClient client = clients.get(side);
                    List<String> batch = side == 0 ? ids : reversed;
                    int thread = side;
                    both.add(pool.submit(() -> {
                        go.await();
                        return call(thread, client, op, batch);
                    }));
                }
                go.countDown();
                List<Call> answers = List.of(both.get(0).get(60, TimeUnit.SECONDS), both.get(1).get(60, TimeUnit.SECONDS));
                if (answers.stream().filter(Call::ok).count() != 1
                        || answers.stream().anyMatch(c -> c.code().isEmpty() || c.code().startsWith("Internal"))) {
                    problems.add("round " + round + " " + op + ": " + answers);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(problems).isEmpty();
        assertThat(describeAll(clients.get(1)).values()).extracting(Instance::getInstanceState).containsOnly("RUNNING");
    }

    /** 2 threads per replica, each with its own client and random stream, all released at once. */
    private List<Call> storm(List<String> ids, long seed) throws Exception {
        SplittableRandom seeds = new SplittableRandom(seed);
        int threads = 2 * THREADS_PER_REPLICA;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Call>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                SplittableRandom random = seeds.split();
                CvmClient client = Replicas.cvm(t < THREADS_PER_REPLICA ? replicas.a() : replicas.b());
                futures.add(pool.submit(() -> {
                    go.await();
                    List<Call> out = new ArrayList<>();
                    for (int k = 0; k < REQUESTS_PER_THREAD; k++) {
                        out.add(call(thread, client, random, ids));
                    }
                    return out;
                }));
            }
            go.countDown();
            List<Call> all = new ArrayList<>();
            for (Future<List<Call>> f : futures) {
                all.addAll(f.get(180, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Call call(int thread, CvmClient client, SplittableRandom random, List<String> ids) {
        int roll = random.nextInt(100);
        Op op = roll < 4 ? Op.TERMINATE : roll < 44 ? Op.START : roll < 86 ? Op.STOP : Op.DESCRIBE;
        List<String> pool = new ArrayList<>(ids);
        Collections.shuffle(pool, new java.util.Random(random.nextLong()));
        return call(thread, client, op, List.copyOf(pool.subList(0, 1 + random.nextInt(op == Op.TERMINATE ? 2 : 3))));
    }

    private static Call call(int thread, CvmClient client, Op op, List<String> batch) {
        String[] array = batch.toArray(String[]::new);
        long sent = System.nanoTime();
        String code = "OK";
        String requestId = null;
        String detail = null;
        try {
            switch (op) {
                case TERMINATE -> {
                    TerminateInstancesRequest r = new TerminateInstancesRequest();
                    r.setInstanceIds(array);
                    requestId = client.TerminateInstances(r).getRequestId();
                }
                case START -> {
                    StartInstancesRequest r = new StartInstancesRequest();
                    r.setInstanceIds(array);
                    requestId = client.StartInstances(r).getRequestId();
                }
                case STOP -> {
                    StopInstancesRequest r = new StopInstancesRequest();
                    r.setInstanceIds(array);
                    requestId = client.StopInstances(r).getRequestId();
                }
                case DESCRIBE -> {
                    DescribeInstancesRequest r = new DescribeInstancesRequest();
                    r.setInstanceIds(array);
                    var response = client.DescribeInstances(r);
                    requestId = response.getRequestId();
                    detail = Arrays.stream(response.getInstanceSet()).filter(i -> !STATES.contains(i.getInstanceState()))
                            .map(i -> i.getInstanceId() + " " + i.getInstanceState()).findFirst().orElse(null);
                }
                default -> throw new IllegalStateException();
            }
        } catch (TencentCloudSDKException e) {
            code = e.getErrorCode() == null ? "" : e.getErrorCode();
            requestId = e.getRequestId();
            detail = e.getMessage();
            if (op == Op.DESCRIBE) {
                detail = "DescribeInstances failed: " + e;
            }
        }
        return new Call(thread, op, batch, sent, System.nanoTime(), code, requestId, detail);
    }

    private static String apiName(Op op) {
        return switch (op) {
            case TERMINATE -> "TerminateInstances";
            case START -> "StartInstances";
            case STOP -> "StopInstances";
            case DESCRIBE -> "DescribeInstances";
        };
    }

    private static Map<String, Instance> describeAll(CvmClient client) throws TencentCloudSDKException {
        Map<String, Instance> out = new TreeMap<>();
        for (Instance i : CvmFixture.describeAll(client)) {
            out.put(i.getInstanceId(), i);
        }
        return out;
    }

    /** What both replicas must agree on. */
    private static Map<String, String> view(Map<String, Instance> instances) {
        Map<String, String> out = new TreeMap<>();
        instances.forEach((id, i) -> out.put(id, i.getInstanceState() + " " + i.getLatestOperation() + " "
                + i.getLatestOperationState() + " " + i.getLatestOperationRequestId()));
        return out;
    }
}
