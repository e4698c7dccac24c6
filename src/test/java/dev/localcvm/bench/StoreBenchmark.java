package dev.localcvm.bench;

import dev.localcvm.account.AccountService;
import dev.localcvm.api.RequestIds;
import dev.localcvm.cvm.CvmService;
import dev.localcvm.cvm.ResourceIds;
import dev.localcvm.cvm.domain.AccountAttributes;
import dev.localcvm.cvm.domain.ChargeType;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceState;
import dev.localcvm.cvm.domain.Operation;
import dev.localcvm.cvm.domain.Termination;
import dev.localcvm.store.AccountRepository;
import dev.localcvm.store.AttributeRepository;
import dev.localcvm.store.Database;
import dev.localcvm.store.FaultRepository;
import dev.localcvm.store.InstanceRepository;
import dev.localcvm.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ceiling the store puts on the load command's scenario (d), RunInstances + TerminateInstances in
 * batches of 100 with transition delay 0: the same database work, without HTTP, signatures, JSON
 * envelopes or the gateway, so the full-server figure can be read against what the store alone allows.
 *
 * <p>One op is one cycle of (d), i.e. <b>100 instances</b> launched and destroyed: instances per second by
 * the store alone = score (ops/s) &times; 100. Per cycle, as the two actions do in the store:
 * <ol>
 *   <li>RunInstances: the account's attributes, the quota count and the fault rules are read, 100 new
 *   RUNNING instances (realistic documents; unused ids drawn as RunInstances draws them) are committed as inserts, then
 *   {@link Database#awaitDurable()} (the gateway waits for it before answering);</li>
 *   <li>TerminateInstances: the attribute, MFA and region reads, {@link CvmService#load} (sweep, read back,
 *   tombstones), {@link Termination#plan} (postpaid, delay 0: TERMINATING with a destroy due now) and
 *   {@link CvmService#commit}, which settles them into deletes plus tombstones; then awaitDurable.</li>
 * </ol>
 * 16 threads, as the server's 16 pooled connections serve the load command's 64 connections. The store
 * is a fresh H2 file per trial, set up as the load command's own server is (LocalCvmServer, Bench).
 *
 * <p>Run with {@code bench/jmh Store}; not a test, so surefire never picks it up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(16)
public class StoreBenchmark {
    static final String UIN = AccountService.DEFAULT_UIN;
    static final String REGION = "ap-guangzhou";
    static final String ZONE = "ap-guangzhou-4";
    static final int BATCH = 100;
    // The account's default network, as RunInstances derives it.
    static final String VPC = ResourceIds.stable("vpc", UIN + REGION);
    static final String SUBNET = ResourceIds.stable("subnet", UIN + ZONE);
    static final String SECURITY_GROUP = ResourceIds.stable("sg", UIN + REGION);

    /** PostgreSQL is measured through the server (bench/postgres); only the H2 file here. */
    @Param({"h2-file"})
    public String store;

    Path dir;
    Database database;
    CvmService service;
    final ResourceIds ids = new ResourceIds();

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("localcvm-storebench");
        database = Database.open(StoreConfig.h2File(dir));
        // The default account and key, as the server creates them (TerminateInstances reads the key's MFA).
        new AccountService(new AccountRepository(database), Clock.systemUTC(), true)
                .ensureDefault(AccountService.DEFAULT_SECRET_ID, AccountService.DEFAULT_SECRET_KEY);
        // As LocalCvmServer builds it, with the settings the load command gives its own server (Bench).
        service = new CvmService(new InstanceRepository(database), new AttributeRepository(database),
                new FaultRepository(database),
                new CvmService.Settings(Duration.ZERO, 1_000_000, Duration.ofHours(1), false));

        // One cycle as a check: documents of the intended size, and nothing left alive afterwards.
        List<String> launched = launch();
        long docBytes = database.query("SELECT AVG(OCTET_LENGTH(document)) FROM instances", s -> { },
                rs -> rs.getLong(1)).get(0);
        require(docBytes > 800 && docBytes < 2000, "document of " + docBytes + " bytes");
        terminate(launched);
        require(service.instances().countLive(UIN, REGION) == 0, "instances left after a cycle");
    }

    @TearDown
    public void tearDown() throws IOException {
        long live = service.instances().countLive(UIN, REGION);
        database.close();
        WorkDirectory.delete(dir);
        require(live == 0, live + " instances left alive: some cycle did not finish");
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark is wrong: " + what);
        }
    }

    /** One cycle of (d): 100 instances launched, then destroyed. */
    @Benchmark
    public int launchAndDestroy100() {
        return terminate(launch());
    }

    private List<String> launch() {
        Instant now = Instant.now();
        AccountAttributes attrs = service.attributes().account(UIN);
        int quota = attrs.instanceQuota() != null ? attrs.instanceQuota() : service.settings().defaultInstanceQuota();
        require(service.instances().countLive(UIN, REGION) + BATCH <= quota, "quota reached");
        service.injectFault(Operation.RUN.apiName(), List.of());
        String requestId = RequestIds.next();
        List<String> newIds = ids.instanceIds(BATCH);
        require(service.instances().takenIds(newIds).isEmpty(), "a new id in use (RunInstances would draw again)");
        List<Instance> created = new ArrayList<>(BATCH);
        for (int n = 0; n < BATCH; n++) {
            created.add(newInstance(now, requestId, n, newIds.get(n)));
        }
        service.instances().commit(new InstanceRepository.Changes(created, List.of(), List.of(), now, null, 0, null));
        database.awaitDurable();
        return created.stream().map(Instance::id).toList();
    }

    private int terminate(List<String> batch) {
        Instant now = Instant.now();
        AccountAttributes a = service.attributes().account(UIN);
        String mfa = service.attributes().mfa(AccountService.DEFAULT_SECRET_ID).orElse(null);
        boolean regionDisabled = service.attributes().regionTerminateDisabled(REGION);
        Termination.Caller caller = new Termination.Caller(mfa, a.appIdInvalid(), regionDisabled, a.eipReleaseEnabled(),
                a.unpaidOrder(), a.returnQuota(), a.returnsUsed(), a.terminateQuota());
        CvmService.Loaded loaded = service.load(UIN, REGION, batch, now);
        Termination.Plan plan = Termination.plan(new Termination.Request(batch, false, false, RequestIds.next(), now,
                service.settings().transitionDelay(), service.settings().postpaidRecycleFirst()),
                caller, loaded.live(), loaded.tombstoned());
        service.commit(Operation.TERMINATE.apiName(), batch, plan.changed(), now, UIN, plan.prepaidReturns());
        database.awaitDurable();
        return plan.changed().size();
    }

    /** A RUNNING instance as RunInstances builds it for {"Zone": ap-guangzhou-4, img-pmqg1cw7, count 100}. */
    private Instance newInstance(Instant now, String requestId, int n, String id) {
        Instance.Spec spec = new Instance.Spec(ZONE, 0, "S5.MEDIUM4", 2, 4, "img-pmqg1cw7",
                "TencentOS Server 3.1 (TK4)", new Instance.Disk(ids.next("disk"), "CLOUD_PREMIUM", 50, true), List.of(),
                List.of(ids.privateIp(ZONE)), 0, "TRAFFIC_POSTPAID_BY_HOUR", VPC, SUBNET, List.of(), List.of(),
                RequestIds.next(), null, null, Instance.Launch.DEFAULTS);
        return new Instance.Builder().id(id).uin(UIN).region(REGION).version(0).spec(spec)
                .name("未命名_" + (n + 1)).state(InstanceState.PENDING).chargeType(ChargeType.POSTPAID_BY_HOUR)
                .securityGroupIds(List.of(SECURITY_GROUP))
                .operation(Operation.RUN, requestId).isolatedSource("NOTISOLATED").stopChargingMode("NOT_APPLICABLE")
                .createdTime(now).pending(new Instance.Pending(InstanceState.RUNNING, now, null))
                .flags(Instance.Flags.NONE).build().settle(now).orElseThrow();
    }
}
