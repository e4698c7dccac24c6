package dev.localcvm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.InstanceChargePrepaid;
import com.tencentcloudapi.cvm.v20170312.models.Placement;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import dev.localcvm.account.AccountService;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.server.ServerConfig;
import dev.localcvm.testing.TestServer.Mode;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One account's view of a localcvm server through the official SDK (TC3 over POST): runs, describes and
 * terminates instances, calls the admin API, and checks that a refused TerminateInstances changed nothing.
 * The static helpers do the same for any client.
 *
 * <p>The server's clock only moves when a test moves it, so that no transition of D = 1 s happens behind a
 * test's back on a slow machine. Signatures stay valid: the SDK stamps real time and the server checks it
 * against its unadvanced clock, fixed at start, with 300 s of allowed skew.
 */
public final class CvmFixture implements AutoCloseable {
    public static final String REGION = "ap-guangzhou";
    public static final String ZONE = "ap-guangzhou-3";
    public static final String IMAGE = "img-pmqg1cw7";
    public static final String RED_HAT_IMAGE = "img-rhel8x64";
    /** More than the transition delay D (1 s): lets whatever is in flight land. */
    public static final Duration PAST_D = Duration.ofSeconds(2);

    private final TestServer server;
    private final CvmClient cvm;
    private final String uin;
    private final String region;
    private final String zone;

    private CvmFixture(TestServer server, Credential credential, String uin, String region, String zone) {
        this.server = server;
        this.cvm = server.cvm(Mode.TC3_POST, region, credential);
        this.uin = uin;
        this.region = region;
        this.zone = zone;
    }

    /** {@link TestServer#config()}: D = 1 s, rate limits off, on a fresh store. */
    public static CvmFixture start() {
        return start(TestServer.config());
    }

    /** A new server on a clock that stands still, seen by its default account in {@link #REGION}. */
    public static CvmFixture start(ServerConfig config) {
        TestServer server = TestServer.start(config, ServerClock.fixedAt(Instant.now()));
        return new CvmFixture(server, new Credential(server.secretId(), server.secretKey()), AccountService.DEFAULT_UIN,
                REGION, ZONE);
    }

    /** Stops the server, which every fixture made from this one shares. */
    @Override
    public void close() {
        server.close();
    }

    /** A fresh account (so account attributes set by a test touch nobody else), in this region. */
    public CvmFixture newAccount(String name) {
        JsonObject a = admin("POST", "/_localcvm/accounts", new JsonObject().put("Name", name));
        return new CvmFixture(server, new Credential(a.getString("SecretId"), a.getString("SecretKey")),
                a.getString("Uin"), region, zone);
    }

    /** The same account, in another region and zone. */
    public CvmFixture inRegion(String newRegion, String newZone) {
        return new CvmFixture(server, credential(), uin, newRegion, newZone);
    }

    /** The same account and region through another credential (a temporary key, a key with MFA flags). */
    public CvmFixture with(Credential credential) {
        return new CvmFixture(server, credential, uin, region, zone);
    }

    public CvmClient client() {
        return cvm;
    }

    public Credential credential() {
        return cvm.getCredential();
    }

    public String uin() {
        return uin;
    }

    public TestServer server() {
        return server;
    }

    // ---- instances ----

    /** The smallest valid request: {@link #IMAGE} in {@link #ZONE}, InstanceCount left to its default. */
    public static RunInstancesRequest runRequest(String chargeType) {
        return runRequest(ZONE, IMAGE, chargeType);
    }

    public RunInstancesRequest runRequest(String chargeType, String imageId, String instanceType, long count) {
        RunInstancesRequest req = runRequest(zone, imageId, chargeType);
        req.setInstanceCount(count);
        if (instanceType != null) {
            req.setInstanceType(instanceType);
        }
        return req;
    }

    private static RunInstancesRequest runRequest(String zone, String imageId, String chargeType) {
        RunInstancesRequest req = new RunInstancesRequest();
        Placement p = new Placement();
        p.setZone(zone);
        req.setPlacement(p);
        req.setImageId(imageId);
        req.setInstanceChargeType(chargeType);
        if ("PREPAID".equals(chargeType)) {
            InstanceChargePrepaid prepaid = new InstanceChargePrepaid();
            prepaid.setPeriod(1L);
            req.setInstanceChargePrepaid(prepaid);
        }
        return req;
    }

    /** Runs {@link #runRequest(String)} as {@code customize} changed it; answers the new ids at once. */
    public static List<String> run(CvmClient client, String chargeType, Consumer<RunInstancesRequest> customize)
            throws TencentCloudSDKException {
        RunInstancesRequest req = runRequest(chargeType);
        customize.accept(req);
        return Arrays.asList(client.RunInstances(req).getInstanceIdSet());
    }

    /** Runs one instance from the smallest valid request and answers at once: it is PENDING. */
    public String run(String chargeType) throws TencentCloudSDKException {
        return cvm.RunInstances(runRequest(zone, IMAGE, chargeType)).getInstanceIdSet()[0];
    }

    /** Launches and answers at once: the instances are PENDING. */
    public String[] launch(RunInstancesRequest req) throws TencentCloudSDKException {
        String[] ids = cvm.RunInstances(req).getInstanceIdSet();
        assertThat(ids).hasSize(req.getInstanceCount().intValue());
        return ids;
    }

    /** As {@link #run(String)}, but InstanceCount 1 is sent and the answer checked to hold one id. */
    public String pending(String chargeType) throws TencentCloudSDKException {
        return launch(runRequest(chargeType, IMAGE, null, 1))[0];
    }

    /** Launches {@code count} instances and lets them become RUNNING. */
    public String[] running(String chargeType, String imageId, String instanceType, int count)
            throws TencentCloudSDKException {
        String[] ids = launch(runRequest(chargeType, imageId, instanceType, count));
        settle();
        for (String id : ids) {
            assertThat(describe(id).getInstanceState()).as(id).isEqualTo("RUNNING");
        }
        return ids;
    }

    public String[] running(String chargeType, int count) throws TencentCloudSDKException {
        return running(chargeType, IMAGE, null, count);
    }

    public String running(String chargeType) throws TencentCloudSDKException {
        return running(chargeType, IMAGE, null, 1)[0];
    }

    // ---- the server clock ----

    /** Moves the server clock past D, so that what is in flight lands. */
    public void settle() {
        advanceClockOnly(PAST_D);
    }

    /**
     * Moves the server clock and nothing else: a timer that fell due fires when a request next looks at
     * its instance, as when nobody looked at it for that long.
     */
    public void advanceClockOnly(Duration d) {
        server.server().clock().advance(d);
    }

    /** Moves the server clock as an operator would: {@link TestServer#advanceClockAndSweep(long)}. */
    public void advance(long seconds) {
        server.advanceClockAndSweep(seconds);
    }

    // ---- DescribeInstances ----

    /** The instance as DescribeInstances shows it to {@code client}, or null when absent. */
    public static Instance describe(CvmClient client, String id) throws TencentCloudSDKException {
        DescribeInstancesRequest req = new DescribeInstancesRequest();
        req.setInstanceIds(new String[] {id});
        Instance[] set = client.DescribeInstances(req).getInstanceSet();
        assertThat(set.length).as("instances described for %s", id).isLessThanOrEqualTo(1);
        return set.length == 0 ? null : set[0];
    }

    public Instance describe(String id) throws TencentCloudSDKException {
        return describe(cvm, id);
    }

    /** Every instance of the client's account in its region (at most 100). */
    public static List<Instance> describeAll(CvmClient client) throws TencentCloudSDKException {
        DescribeInstancesRequest req = new DescribeInstancesRequest();
        req.setLimit(100L);
        return new ArrayList<>(Arrays.asList(client.DescribeInstances(req).getInstanceSet()));
    }

    public String state(String id) throws TencentCloudSDKException {
        return describe(id).getInstanceState();
    }

    /**
     * What a refused TerminateInstances must not change: state, LatestOperation*, IsolatedSource,
     * charge type and protection ("absent" for an instance Describe does not show).
     */
    public String snapshot(String id) throws TencentCloudSDKException {
        Instance i = describe(id);
        if (i == null) {
            return "absent";
        }
        return String.join("|", i.getInstanceState(), i.getLatestOperation(), i.getLatestOperationState(),
                i.getLatestOperationRequestId(), i.getIsolatedSource(), i.getInstanceChargeType(),
                String.valueOf(i.getDisableApiTermination()));
    }

    public Map<String, String> snapshots(String... ids) throws TencentCloudSDKException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : ids) {
            out.put(id, snapshot(id));
        }
        return out;
    }

    // ---- TerminateInstances ----

    public static TerminateInstancesRequest request(String... ids) {
        TerminateInstancesRequest req = new TerminateInstancesRequest();
        req.setInstanceIds(ids);
        return req;
    }

    /** Terminates and answers the call's RequestId. */
    public static String terminate(CvmClient client, String... ids) throws TencentCloudSDKException {
        return client.TerminateInstances(request(ids)).getRequestId();
    }

    public String terminate(String... ids) throws TencentCloudSDKException {
        return terminate(cvm, ids);
    }

    /**
     * Calls TerminateInstances, asserts it fails with exactly {@code code}, and that the {@code watched}
     * instances (of this account and region) look the same before and after.
     */
    public TencentCloudSDKException refused(String code, TerminateInstancesRequest req, String... watched)
            throws TencentCloudSDKException {
        return refusedFor(this, code, req, watched);
    }

    /** As {@link #refused}, but the call is made by {@code caller} while this fixture watches the instances. */
    public TencentCloudSDKException refusedFor(CvmFixture caller, String code, TerminateInstancesRequest req,
                                               String... watched) throws TencentCloudSDKException {
        Map<String, String> before = snapshots(watched);
        TencentCloudSDKException e = catchThrowableOfType(TencentCloudSDKException.class,
                () -> caller.cvm.TerminateInstances(req));
        assertThat(e).as("TerminateInstances %s should fail with %s", Arrays.toString(req.getInstanceIds()), code)
                .isNotNull();
        assertThat(e.getErrorCode()).as("code for %s (message: %s)", Arrays.toString(req.getInstanceIds()),
                e.getMessage()).isEqualTo(code);
        assertThat(e.getRequestId()).isNotBlank();
        assertThat(snapshots(watched)).as("instances after a refused call").isEqualTo(before);
        return e;
    }

    /** {@link #refused(String, TerminateInstancesRequest, String...)} watching every well-formed id given. */
    public TencentCloudSDKException refusedTerminate(String code, String... ids) throws TencentCloudSDKException {
        String[] watched = Arrays.stream(ids).filter(id -> id != null && id.matches("ins-[a-z0-9]{8}")).distinct()
                .toArray(String[]::new);
        return refused(code, request(ids), watched);
    }

    // ---- any API call that must fail ----

    @FunctionalInterface
    public interface Call {
        void call() throws Exception;
    }

    /** The error code of a call that must fail with an API error. */
    public static String codeOf(Call call) {
        try {
            call.call();
        } catch (TencentCloudSDKException e) {
            assertThat(e.getErrorCode()).as("error code of %s", e).isNotBlank();
            return e.getErrorCode();
        } catch (Exception e) {
            throw new AssertionError("expected an API error, got " + e, e);
        }
        return fail("expected an API error, but the call succeeded");
    }

    // ---- admin API ----

    /** {@link TestServer#admin}. */
    public JsonObject admin(String method, String path, JsonObject body) {
        return server.admin(method, path, body);
    }

    /** Sets admin attributes of an instance; answers the internal view. */
    public JsonObject setInstance(String id, JsonObject attributes) {
        return admin("POST", "/_localcvm/instances/" + id + "/attributes", attributes);
    }

    /** Sets admin attributes of this fixture's account. */
    public JsonObject setAccount(JsonObject attributes) {
        return admin("POST", "/_localcvm/accounts/" + uin + "/attributes", attributes);
    }

    /** A temporary credential of this account: SecretId, SecretKey and Token. */
    public Credential temporaryKey(long ttlSeconds) {
        JsonObject k = admin("POST", "/_localcvm/accounts/" + uin + "/temporary-keys",
                new JsonObject().put("ttlSeconds", ttlSeconds));
        return new Credential(k.getString("SecretId"), k.getString("SecretKey"), k.getString("Token"));
    }
}
