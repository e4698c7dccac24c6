package dev.localcvm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import dev.localcvm.testing.TestServer.Mode;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One account's view of a localcvm server for TerminateInstances tests: runs instances with the official
 * SDK, snapshots what Describe shows, calls the admin API, and checks that a refused call changed nothing.
 */
public final class CvmFixture {
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

    private CvmFixture(TestServer server, CvmClient cvm, String uin, String region, String zone) {
        this.server = server;
        this.cvm = cvm;
        this.uin = uin;
        this.region = region;
        this.zone = zone;
    }

    /**
     * A server with D = 1 s and rate limits off. Its clock stands still unless a test advances it, so
     * "within D" never depends on how fast the machine is; the SDK's real-time signatures stay within the
     * allowed skew as long as the class runs for less than five minutes.
     */
    public static TestServer startServer() {
        return TestServer.start(TestStores.serverDefaults().withLifecycle(Duration.ofSeconds(1), false, 500, false),
                ServerClock.fixedAt(Instant.now()));
    }

    /** The default account in ap-guangzhou. */
    public static CvmFixture of(TestServer server) {
        return new CvmFixture(server, server.cvm(Mode.TC3_POST, REGION), AccountService.DEFAULT_UIN, REGION, ZONE);
    }

    /** A fresh account (so account attributes set by a test touch nobody else), in ap-guangzhou. */
    public static CvmFixture newAccount(TestServer server) {
        JsonObject a = admin(server, "POST", "/_localcvm/accounts", new JsonObject().put("Name", "terminate-it"));
        return new CvmFixture(server, server.cvm(Mode.TC3_POST, REGION, a.getString("SecretId"), a.getString("SecretKey")),
                a.getString("Uin"), REGION, ZONE);
    }

    /** The same account, in another region and zone. */
    public CvmFixture inRegion(String newRegion, String newZone) {
        return new CvmFixture(server, new CvmClient(credentialOf(cvm), newRegion, server.profile(Mode.TC3_POST)), uin,
                newRegion, newZone);
    }

    /** The same account and region through another credential (a temporary key, a key with MFA flags). */
    public CvmFixture with(Credential credential) {
        return new CvmFixture(server, new CvmClient(credential, region, server.profile(Mode.TC3_POST)), uin, region, zone);
    }

    private static Credential credentialOf(CvmClient client) {
        return client.getCredential();
    }

    public CvmClient client() {
        return cvm;
    }

    public String uin() {
        return uin;
    }

    public TestServer server() {
        return server;
    }

    // ---- instances ----

    public RunInstancesRequest runRequest(String chargeType, String imageId, String instanceType, long count) {
        RunInstancesRequest req = new RunInstancesRequest();
        Placement p = new Placement();
        p.setZone(zone);
        req.setPlacement(p);
        req.setImageId(imageId);
        req.setInstanceChargeType(chargeType);
        req.setInstanceCount(count);
        if (instanceType != null) {
            req.setInstanceType(instanceType);
        }
        if ("PREPAID".equals(chargeType)) {
            InstanceChargePrepaid prepaid = new InstanceChargePrepaid();
            prepaid.setPeriod(1L);
            req.setInstanceChargePrepaid(prepaid);
        }
        return req;
    }

    /** Launches and answers at once: the instances are PENDING. */
    public String[] launch(RunInstancesRequest req) throws TencentCloudSDKException {
        String[] ids = cvm.RunInstances(req).getInstanceIdSet();
        assertThat(ids).hasSize(req.getInstanceCount().intValue());
        return ids;
    }

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

    /** Moves the server clock past D, so that what is in flight lands. */
    public void settle() {
        advance(PAST_D);
    }

    public void advance(Duration d) {
        server.server().clock().advance(d);
    }

    /** The instance as DescribeInstances shows it, or null when absent. */
    public Instance describe(String id) throws TencentCloudSDKException {
        DescribeInstancesRequest req = new DescribeInstancesRequest();
        req.setInstanceIds(new String[] {id});
        Instance[] set = cvm.DescribeInstances(req).getInstanceSet();
        assertThat(set.length).as("instances described for %s", id).isLessThanOrEqualTo(1);
        return set.length == 0 ? null : set[0];
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
    public String terminate(String... ids) throws TencentCloudSDKException {
        return cvm.TerminateInstances(request(ids)).getRequestId();
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

    // ---- admin API ----

    public static JsonObject admin(TestServer server, String method, String path, JsonObject body) {
        try {
            byte[] bytes = body == null ? null : body.encode().getBytes(StandardCharsets.UTF_8);
            RawHttp.Response r = RawHttp.send(server.port(), method, path,
                    body == null ? Map.of() : Map.of("Content-Type", "application/json"), bytes);
            assertThat(r.status()).as("%s %s -> %s", method, path, r.body()).isEqualTo(200);
            return new JsonObject(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonObject admin(String method, String path, JsonObject body) {
        return admin(server, method, path, body);
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
