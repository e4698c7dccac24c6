package dev.localcvm.it;

import static dev.localcvm.testing.CvmFixture.codeOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.ModifyInstancesAttributeRequest;
import com.tencentcloudapi.cvm.v20170312.models.RebootInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StartInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.TestServer.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A property-style test of the lifecycle (cvm-terminate.md §4-§6, §10), without a property library:
 * per seed, a reproducible random sequence of actions through the SDK on a small pool of instances,
 * checked against a model of the transition table after every step. Properties: the server holds
 * exactly the instances the model holds, with the model's state and LatestOperation fields; a refused
 * action answers the code the model predicts and changes nothing; an accepted one stamps its RequestId
 * on every instance of the batch. The server clock moves only when the test advances it.
 */
class LifecyclePropertyIT {
    private static final int STEPS = 60;
    private static final long D = 1000;
    private static final List<String> CHARGE_TYPES = List.of("POSTPAID_BY_HOUR", "PREPAID", "SPOTPAID");
    private static final Set<String> STATES = Set.of("PENDING", "LAUNCH_FAILED", "RUNNING", "STOPPED", "STARTING",
            "STOPPING", "REBOOTING", "SHUTDOWN", "TERMINATING", "ENTER_RESCUE_MODE", "RESCUE_MODE", "EXIT_RESCUE_MODE",
            "ENTER_SERVICE_LIVE_MIGRATE", "SERVICE_LIVE_MIGRATE", "EXIT_SERVICE_LIVE_MIGRATE");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "Start", Set.of("STOPPED"), "Stop", Set.of("RUNNING"), "Reboot", Set.of("RUNNING"),
            "Modify", Set.of("RUNNING", "STOPPED"), "Terminate", Set.of("RUNNING", "STOPPED", "SHUTDOWN"));

    /** The model of one instance; {@code target} null with {@code dueAt >= 0} means destroyed at dueAt. */
    private static final class M {
        final String id;
        final String charge;
        String state = "PENDING";
        String op = "RunInstances";
        String opState = "OPERATING";
        String requestId;
        String name = "未命名";
        boolean protect;
        String isolated = "NOTISOLATED";
        String stopMode = "NOT_APPLICABLE";
        long dueAt;
        String target = "RUNNING";

        M(String id, String charge, String requestId, boolean protect, long now) {
            this.id = id;
            this.charge = charge;
            this.requestId = requestId;
            this.protect = protect;
            this.dueAt = now + D;
        }

        boolean isolating() {
            return state.equals("SHUTDOWN") && dueAt >= 0 && "SHUTDOWN".equals(target);
        }

        String expected() {
            return String.join("|", state, op, opState, requestId, name, String.valueOf(protect), charge, isolated,
                    state.equals("STOPPED") ? stopMode : "NOT_APPLICABLE");
        }
    }

    private static String actual(Instance i) {
        return String.join("|", i.getInstanceState(), i.getLatestOperation(), i.getLatestOperationState(),
                i.getLatestOperationRequestId(), i.getInstanceName(), String.valueOf(i.getDisableApiTermination()),
                i.getInstanceChargeType(), i.getIsolatedSource(), i.getStopChargingMode());
    }

    private final Map<String, M> live = new LinkedHashMap<>();
    private final List<String> everCreated = new ArrayList<>();
    private long now;
    private CvmFixture it;
    private SplittableRandom random;
    private final List<String> log = new ArrayList<>();
    /** How often each outcome happened ("accepted Stop", a refusal code ...), to show the run was not vacuous. */
    private final Map<String, Integer> outcomes = new TreeMap<>();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomActionSequencesFollowTheTransitionTable(long seed) throws Exception {
        random = new SplittableRandom(seed);
        try (CvmFixture server = CvmFixture.start()) {
            it = server;
            List<CvmClient> clients = List.of(server.client(), server.server().cvm(Mode.TC3_GET, CvmFixture.REGION),
                    server.server().cvm(Mode.HMAC_SHA256_POST, CvmFixture.REGION));
            for (int step = 0; step < STEPS; step++) {
                step(clients.get(random.nextInt(clients.size())), step);
                checkAgainstModel("seed " + seed + " after step " + step);
            }
        }
        int accepted = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("accepted"))
                .mapToInt(Map.Entry::getValue).sum();
        int refused = outcomes.entrySet().stream().filter(e -> !e.getKey().startsWith("accepted"))
                .mapToInt(Map.Entry::getValue).sum();
        System.out.println("LifecyclePropertyIT seed " + seed + ": " + outcomes);
        assertThat(accepted).as("accepted actions of seed %s: %s", seed, outcomes).isGreaterThanOrEqualTo(10);
        assertThat(refused).as("refused actions of seed %s: %s", seed, outcomes).isGreaterThanOrEqualTo(5);
    }

    private void step(CvmClient cvm, int step) throws Exception {
        int roll = random.nextInt(100);
        if (live.size() < 2 || roll < 8 && live.size() < 6) {
            run(cvm);
        } else if (roll < 35) {
            long ms = new long[] {0, 500, 1000, 1000, 1500, 2000, 3000}[random.nextInt(7)];
            it.advanceClockOnly(Duration.ofMillis(ms));
            now += ms;
            log.add("advance " + ms + " ms");
            settle();
        } else {
            String action = List.of("Start", "Stop", "Reboot", "Modify", "Terminate").get(random.nextInt(5));
            act(cvm, action, pickBatch(), step);
        }
    }

    /** 1 id mostly, sometimes 2-3; mostly live ones, sometimes destroyed or never-existing ones. */
    private List<String> pickBatch() {
        int size = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
        List<String> batch = new ArrayList<>();
        for (int tries = 0; batch.size() < size && tries < 20; tries++) {
            int kind = random.nextInt(20);
            String id;
            if (kind == 0) {
                id = "ins-zz" + String.format("%06d", random.nextInt(1_000_000));
            } else if (kind < 3 || live.isEmpty()) {
                id = everCreated.get(random.nextInt(everCreated.size()));
            } else {
                List<String> ids = new ArrayList<>(live.keySet());
                id = ids.get(random.nextInt(ids.size()));
            }
            if (!batch.contains(id)) {
                batch.add(id);
            }
        }
        return batch;
    }

    private void run(CvmClient cvm) throws Exception {
        String charge = CHARGE_TYPES.get(random.nextInt(CHARGE_TYPES.size()));
        boolean protect = random.nextInt(5) == 0;
        long count = random.nextInt(4) == 0 ? 2 : 1;
        RunInstancesRequest req = CvmFixture.runRequest(charge);
        req.setDisableApiTermination(protect);
        req.setInstanceCount(count);
        log.add("Run " + charge + " x" + count + (protect ? " protected" : ""));
        String predicted = charge.equals("SPOTPAID") && protect ? "UnsupportedOperation.InstanceChargeType" : null;
        if (predicted != null) {
            Map<String, String> before = snapshot();
            assertThat(codeOf(() -> cvm.RunInstances(req))).as(context()).isEqualTo(predicted);
            outcomes.merge(predicted, 1, Integer::sum);
            assertThat(snapshot()).as("a refused Run changed instances; " + context()).isEqualTo(before);
            return;
        }
        var response = cvm.RunInstances(req);
        assertThat(response.getInstanceIdSet()).as(context()).hasSize((int) count);
        outcomes.merge("accepted Run", 1, Integer::sum);
        for (String id : response.getInstanceIdSet()) {
            M m = new M(id, charge, response.getRequestId(), protect, now);
            if (count > 1) {
                m.name = "未命名_" + indexIn(response.getInstanceIdSet(), id);
            }
            live.put(id, m);
            everCreated.add(id);
        }
    }

    private static int indexIn(String[] ids, String id) {
        for (int k = 0; k < ids.length; k++) {
            if (ids[k].equals(id)) {
                return k + 1;
            }
        }
        throw new AssertionError(id);
    }

    private void act(CvmClient cvm, String action, List<String> ids, int step) throws Exception {
        String stopMode = action.equals("Stop") ? new String[] {null, "KEEP_CHARGING", "STOP_CHARGING"}[random.nextInt(3)]
                : null;
        boolean modifyName = random.nextBoolean();
        boolean protect = random.nextBoolean();
        String newName = "name-" + step;
        String what = action + " " + ids + (stopMode != null ? " " + stopMode : "")
                + (action.equals("Modify") ? (modifyName ? " name=" + newName : " protect=" + protect) : "");
        log.add(what);
        String predicted = predict(action, ids, stopMode, !modifyName && protect);
        Map<String, String> before = snapshot();
        String requestId;
        try {
            requestId = send(cvm, action, ids.toArray(String[]::new), stopMode, modifyName ? newName : null,
                    modifyName ? null : protect);
        } catch (TencentCloudSDKException e) {
            assertThat(e.getErrorCode()).as("refusal code; " + context()).isEqualTo(predicted == null ? "(accepted)" : predicted);
            assertThat(snapshot()).as("a refused action changed instances; " + context()).isEqualTo(before);
            outcomes.merge(e.getErrorCode(), 1, Integer::sum);
            return;
        }
        assertThat(predicted).as("the model expected a refusal; " + context()).isNull();
        outcomes.merge("accepted " + action, 1, Integer::sum);
        for (String id : ids) {
            M m = live.get(id);
            m.op = action.equals("Modify") ? "ModifyInstancesAttribute" : action + "Instances";
            m.opState = "OPERATING";
            m.requestId = requestId;
            m.dueAt = now + D;
            switch (action) {
                case "Start" -> { m.state = "STARTING"; m.target = "RUNNING"; m.stopMode = "NOT_APPLICABLE"; }
                case "Stop" -> { m.state = "STOPPING"; m.target = "STOPPED"; m.stopMode = stopMode == null ? "KEEP_CHARGING" : stopMode; }
                case "Reboot" -> { m.state = "REBOOTING"; m.target = "RUNNING"; }
                case "Modify" -> {
                    m.target = m.state;
                    if (modifyName) {
                        m.name = newName;
                    } else {
                        m.protect = protect;
                    }
                }
                default -> {
                    if (m.charge.equals("PREPAID") && !m.state.equals("SHUTDOWN")) {
                        m.state = "SHUTDOWN";
                        m.target = "SHUTDOWN";
                        m.isolated = "MANMADE";
                    } else {
                        m.state = "TERMINATING";
                        m.target = null;
                    }
                }
            }
        }
        Map<String, String> after = snapshot();
        for (String id : ids) {
            assertThat(after.get(id)).as("accepted %s; %s", action, context()).contains("|" + requestId + "|");
        }
    }

    /** The code the server must answer, in the phase order of §3 and §10; null when it must accept. */
    private String predict(String action, List<String> ids, String stopMode, boolean protectOn) {
        for (String id : ids) {
            if (!live.containsKey(id)) {
                return everCreated.contains(id) ? "UnsupportedOperation.InstanceStateTerminated"
                        : "InvalidInstanceId.NotFound";
            }
        }
        List<M> batch = ids.stream().map(live::get).toList();
        if (action.equals("Terminate")) {
            if (batch.stream().map(m -> m.charge).distinct().count() > 1) {
                return "UnsupportedOperation.InstanceMixedPricingModel";
            }
            if (batch.stream().anyMatch(m -> m.protect)) {
                return "UnsupportedOperation.InstancesProtected";
            }
        }
        for (M m : batch) {
            if (m.isolating()) {
                return "UnsupportedOperation.InstanceStateIsolating";
            }
            if (!ALLOWED.get(action).contains(m.state)) {
                return "UnsupportedOperation.InstanceState" + camel(m.state);
            }
        }
        for (M m : batch) {
            if (m.opState.equals("OPERATING")) {
                return "OperationDenied.InstanceOperationInProgress";
            }
        }
        for (M m : batch) {
            if ("STOP_CHARGING".equals(stopMode) && !m.charge.equals("POSTPAID_BY_HOUR")) {
                return "UnsupportedOperation.StoppedModeStopCharging";
            }
            if (action.equals("Modify") && protectOn && m.charge.equals("SPOTPAID")) {
                return "UnsupportedOperation.InstanceChargeType";
            }
        }
        return null;
    }

    private static String camel(String state) {
        StringBuilder out = new StringBuilder();
        for (String word : state.split("_")) {
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase());
        }
        return out.toString();
    }

    /** Applies what fell due by the model's clock. */
    private void settle() {
        for (M m : new ArrayList<>(live.values())) {
            if (m.dueAt >= 0 && now >= m.dueAt) {
                if (m.target == null) {
                    live.remove(m.id);
                    continue;
                }
                m.state = m.target;
                m.opState = "SUCCESS";
                m.dueAt = -1;
                m.target = null;
            }
        }
    }

    private static String send(CvmClient cvm, String action, String[] ids, String stopMode, String name, Boolean protect)
            throws TencentCloudSDKException {
        switch (action) {
            case "Start" -> {
                StartInstancesRequest r = new StartInstancesRequest();
                r.setInstanceIds(ids);
                return cvm.StartInstances(r).getRequestId();
            }
            case "Stop" -> {
                StopInstancesRequest r = new StopInstancesRequest();
                r.setInstanceIds(ids);
                r.setStoppedMode(stopMode);
                return cvm.StopInstances(r).getRequestId();
            }
            case "Reboot" -> {
                RebootInstancesRequest r = new RebootInstancesRequest();
                r.setInstanceIds(ids);
                return cvm.RebootInstances(r).getRequestId();
            }
            case "Modify" -> {
                ModifyInstancesAttributeRequest r = new ModifyInstancesAttributeRequest();
                r.setInstanceIds(ids);
                r.setInstanceName(name);
                r.setDisableApiTermination(protect);
                return cvm.ModifyInstancesAttribute(r).getRequestId();
            }
            default -> {
                TerminateInstancesRequest r = new TerminateInstancesRequest();
                r.setInstanceIds(ids);
                return cvm.TerminateInstances(r).getRequestId();
            }
        }
    }

    /** Every instance the server shows, by id, as the fields the model predicts. */
    private Map<String, String> snapshot() throws TencentCloudSDKException {
        DescribeInstancesRequest req = new DescribeInstancesRequest();
        req.setLimit(100L);
        var response = it.client().DescribeInstances(req);
        Map<String, String> out = new TreeMap<>();
        for (Instance i : response.getInstanceSet()) {
            assertThat(STATES).as("documented states; " + context()).contains(i.getInstanceState());
            assertThat(i.getLatestOperationState()).as(context()).isIn("OPERATING", "SUCCESS", "FAILED");
            if (i.getInstanceState().equals("SHUTDOWN")) {
                assertThat(i.getInstanceChargeType()).as("only PREPAID goes to the bin; " + context()).isEqualTo("PREPAID");
            }
            out.put(i.getInstanceId(), actual(i));
        }
        assertThat(response.getTotalCount()).as(context()).isEqualTo((long) out.size());
        return out;
    }

    private void checkAgainstModel(String where) throws TencentCloudSDKException {
        Map<String, String> expected = live.values().stream()
                .collect(Collectors.toMap(m -> m.id, M::expected, (x, y) -> x, TreeMap::new));
        assertThat(snapshot()).as("server vs model %s; %s", where, context()).isEqualTo(expected);
    }

    private String context() {
        int from = Math.max(0, log.size() - 8);
        return "last steps " + log.subList(from, log.size()) + " at t=" + now + " ms";
    }
}
