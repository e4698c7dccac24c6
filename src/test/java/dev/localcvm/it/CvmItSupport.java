package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.InstanceChargePrepaid;
import com.tencentcloudapi.cvm.v20170312.models.Placement;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.server.ServerConfig;
import dev.localcvm.testing.RawHttp;
import dev.localcvm.testing.TestServer;
import dev.localcvm.testing.TestStores;
import dev.localcvm.testing.TestServer.Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Shared plumbing of the lifecycle ITs: a server on a clock that only moves when told (so that no
 * transition of D = 1 s happens behind a test's back on a slow machine), SDK clients, admin calls and
 * the few requests every test repeats. Signatures stay valid: the SDK stamps real time, the server
 * checks it against its unadvanced base clock, fixed at start, with 300 s of allowed skew.
 */
final class CvmItSupport implements AutoCloseable {
    static final String REGION = "ap-guangzhou";
    static final String ZONE = "ap-guangzhou-3";
    static final String IMAGE = "img-pmqg1cw7";
    static final Duration D = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    final TestServer server;
    /** The default account's client, TC3 over POST, in {@link #REGION}. */
    final CvmClient cvm;

    private CvmItSupport(TestServer server) {
        this.server = server;
        this.cvm = server.cvm(Mode.TC3_POST, REGION);
    }

    /** D = 1 s, no rate limits, quota 500, the Chinese terminate rule; the clock stands still. */
    static CvmItSupport start() {
        return start(TestStores.serverDefaults().withLifecycle(D, false, 500, false));
    }

    static CvmItSupport start(ServerConfig config) {
        return new CvmItSupport(TestServer.start(config, ServerClock.fixedAt(Instant.now())));
    }

    @Override
    public void close() {
        server.close();
    }

    String defaultUin() {
        return server.server().defaultKey().account().uin();
    }

    // ---- admin API ----

    JsonNode admin(String method, String path, String body) {
        RawHttp.Response r = adminRaw(method, path, body);
        assertThat(r.status()).as("admin %s %s answered %s", method, path, r.body()).isEqualTo(200);
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawHttp.Response adminRaw(String method, String path, String body) {
        try {
            return RawHttp.send(server.port(), method, "/_localcvm" + path,
                    body == null ? Map.of() : Map.of("Content-Type", "application/json"),
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the server clock through the admin API, which also records every timer that fell due. */
    void advance(long seconds) {
        admin("POST", "/clock", "{\"advanceSeconds\":" + seconds + "}");
    }

    /** A new account; {@code [0]} is its Uin, {@code [1]} its SecretId, {@code [2]} its SecretKey. */
    String[] newAccount(String name) {
        JsonNode a = admin("POST", "/accounts", "{\"Name\":\"" + name + "\"}");
        return new String[] {a.get("Uin").asText(), a.get("SecretId").asText(), a.get("SecretKey").asText()};
    }

    CvmClient client(String[] account, String region) {
        return server.cvm(Mode.TC3_POST, region, account[1], account[2]);
    }

    void accountAttributes(String uin, String json) {
        admin("POST", "/accounts/" + uin + "/attributes", json);
    }

    void instanceAttributes(String id, String json) {
        admin("POST", "/instances/" + id + "/attributes", json);
    }

    // ---- SDK shortcuts ----

    static RunInstancesRequest runRequest(String chargeType) {
        RunInstancesRequest req = new RunInstancesRequest();
        Placement p = new Placement();
        p.setZone(ZONE);
        req.setPlacement(p);
        req.setImageId(IMAGE);
        if (chargeType != null) {
            req.setInstanceChargeType(chargeType);
        }
        if ("PREPAID".equals(chargeType)) {
            InstanceChargePrepaid prepaid = new InstanceChargePrepaid();
            prepaid.setPeriod(1L);
            req.setInstanceChargePrepaid(prepaid);
        }
        return req;
    }

    static List<String> run(CvmClient client, String chargeType, Consumer<RunInstancesRequest> customize)
            throws TencentCloudSDKException {
        RunInstancesRequest req = runRequest(chargeType);
        customize.accept(req);
        return Arrays.asList(client.RunInstances(req).getInstanceIdSet());
    }

    String run(String chargeType) throws TencentCloudSDKException {
        return run(cvm, chargeType, r -> { }).get(0);
    }

    /** Runs one instance and lets it reach RUNNING. */
    String running(String chargeType) throws TencentCloudSDKException {
        String id = run(chargeType);
        advance(1);
        assertThat(describe(id).getInstanceState()).isEqualTo("RUNNING");
        return id;
    }

    static Instance describe(CvmClient client, String id) throws TencentCloudSDKException {
        DescribeInstancesRequest req = new DescribeInstancesRequest();
        req.setInstanceIds(new String[] {id});
        Instance[] set = client.DescribeInstances(req).getInstanceSet();
        assertThat(set.length).as("instances described for %s", id).isLessThanOrEqualTo(1);
        return set.length == 0 ? null : set[0];
    }

    Instance describe(String id) throws TencentCloudSDKException {
        return describe(cvm, id);
    }

    /** Every instance of the client's account in its region (at most 100). */
    static List<Instance> describeAll(CvmClient client) throws TencentCloudSDKException {
        DescribeInstancesRequest req = new DescribeInstancesRequest();
        req.setLimit(100L);
        return new ArrayList<>(Arrays.asList(client.DescribeInstances(req).getInstanceSet()));
    }

    static String terminate(CvmClient client, String... ids) throws TencentCloudSDKException {
        TerminateInstancesRequest req = new TerminateInstancesRequest();
        req.setInstanceIds(ids);
        return client.TerminateInstances(req).getRequestId();
    }

    /** A call that must fail. */
    @FunctionalInterface
    interface Call {
        void call() throws Exception;
    }

    /** The error code of a call that must fail with an API error. */
    static String codeOf(Call call) {
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
}
