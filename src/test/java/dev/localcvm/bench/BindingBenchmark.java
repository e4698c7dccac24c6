package dev.localcvm.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localcvm.account.Account;
import dev.localcvm.account.AccountService;
import dev.localcvm.api.ApiResponse;
import dev.localcvm.api.Gateway;
import dev.localcvm.api.Json;
import dev.localcvm.api.ProductRegistry;
import dev.localcvm.api.RateLimiter;
import dev.localcvm.api.RawRequest;
import dev.localcvm.api.auth.Tc3Signer;
import dev.localcvm.api.params.FormCodec;
import dev.localcvm.api.params.ParamBinder;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.cvm.CvmProduct;
import dev.localcvm.cvm.DescribeInstances;
import dev.localcvm.cvm.RunInstancesRequest;
import dev.localcvm.testing.InMemoryAccounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Request parsing and binding, the part of the gateway between the raw bytes and the request record:
 * JSON bodies (TC3 POST), flattened queries (GET and v1), and one whole {@link Gateway#handle} without
 * HTTP. Inputs are the §7.4 vectors of api3-protocol.md where they exist.
 *
 * <p>Run with {@code bench/jmh Binding}; not a test, so surefire never picks it up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BindingBenchmark {
    /** J1's body (§7.4): InstanceIds and Filters together, which only execute() refuses. */
    static final String J1_BODY = "{\"InstanceIds\":[\"ins-1\",\"ins-2\"],\"Filters\":[{\"Name\":\"zone\",\"Values\":"
            + "[\"ap-guangzhou-3\",\"a b/c*~'\"]}],\"Limit\":2}";
    /** J2's query (§7.4): the same parameters, flattened, in the Java SDK's HashMap order. */
    static final String J2_QUERY = "Filters.0.Values.1=a+b%2Fc*%7E%27&Filters.0.Values.0=ap-guangzhou-3"
            + "&Filters.0.Name=zone&Limit=2&InstanceIds.1=ins-2&InstanceIds.0=ins-1";
    /**
     * A RunInstances body shaped like the Java SDK's (nulls omitted, fields in model order), with the
     * structures a Terraform module typically sets: nested records, lists of records, and tags.
     */
    static final String RUN_INSTANCES_BODY = """
            {"InstanceChargeType":"POSTPAID_BY_HOUR",\
            "Placement":{"Zone":"ap-guangzhou-3","ProjectId":0},\
            "InstanceType":"S5.MEDIUM4","ImageId":"img-eb30mz89",\
            "SystemDisk":{"DiskType":"CLOUD_PREMIUM","DiskSize":50},\
            "DataDisks":[{"DiskSize":100,"DiskType":"CLOUD_SSD","DeleteWithInstance":true,"Encrypt":false},\
            {"DiskSize":200,"DiskType":"CLOUD_PREMIUM","DeleteWithInstance":false,"SnapshotId":"snap-0a1b2c3d"}],\
            "VirtualPrivateCloud":{"VpcId":"vpc-2x9kvnd3","SubnetId":"subnet-7ly4m2e1","AsVpcGateway":false,\
            "PrivateIpAddresses":["10.0.1.17"]},\
            "InternetAccessible":{"InternetChargeType":"TRAFFIC_POSTPAID_BY_HOUR","InternetMaxBandwidthOut":10,\
            "PublicIpAssigned":true},\
            "InstanceCount":2,"InstanceName":"web-{R:1}",\
            "LoginSettings":{"KeyIds":["skey-3glfot13"]},\
            "SecurityGroupIds":["sg-5v3sw1d9","sg-9qf6tnq1"],\
            "EnhancedService":{"SecurityService":{"Enabled":true},"MonitorService":{"Enabled":true}},\
            "ClientToken":"6f1c9a3e-2d4b-4c8e-9a7f-1b2c3d4e5f60","HostName":"web",\
            "TagSpecification":[{"ResourceType":"instance","Tags":[{"Key":"team","Value":"platform"},\
            {"Key":"env","Value":"test"},{"Key":"owner","Value":"reaper-ci"}]}],\
            "UserData":"IyEvYmluL3NoCmVjaG8gaGVsbG8K","DryRun":false}""";

    // DescribeRegions over TC3 (the Java SDK's headers), signed in setUp at this instant.
    static final long GATEWAY_TS = 1795663388L;
    static final String SECRET_ID = "AKIDTESTID";
    static final String SECRET_KEY = "TESTSECRETKEY";
    static final String HOST = "127.0.0.1:4580";
    static final String JSON_UTF8 = "application/json; charset=utf-8";

    ObjectMapper mapper;
    ParamBinder binder;
    byte[] j1Body;
    byte[] runInstancesBody;
    String j2Query;
    Gateway gateway;
    RawRequest describeRegions;

    @Setup
    public void setUp() {
        mapper = Json.newMapper();
        // Strict, as the server binds (LocalCvmServer): unknown names are checked on every record.
        binder = new ParamBinder(false);
        j1Body = J1_BODY.getBytes(StandardCharsets.UTF_8);
        runInstancesBody = RUN_INSTANCES_BODY.getBytes(StandardCharsets.UTF_8);
        j2Query = J2_QUERY;
        setUpGateway();

        // Sanity checks: a benchmark that binds nothing or answers an error measures the wrong thing.
        DescribeInstances.Request j1 = bindDescribeInstancesJ1();
        require(j1.instanceIds().size() == 2 && j1.filters().get(0).values().size() == 2, "J1 bound");
        RunInstancesRequest run = bindRunInstances();
        require(run.dataDisks().size() == 2 && run.tagSpecification().get(0).tags().size() == 3
                && run.virtualPrivateCloud().privateIpAddresses().size() == 1, "RunInstances bound");
        DescribeInstances.Request j2 = decodeUnflattenBindJ2();
        require(j2.equals(j1), "J2 binds as J1");
        ApiResponse response = gatewayDescribeRegionsTc3();
        require(response.errorCode() == null, "DescribeRegions answered " + response.errorCode());
    }

    /**
     * The whole product-free pipeline on the real CVM product (region actions only: no store), an
     * in-memory account store and the clock fixed at the request's timestamp. Rate limiting is off:
     * DescribeRegions allows 20/s, so the benchmark would otherwise measure the throttled answer.
     */
    private void setUpGateway() {
        ServerClock clock = ServerClock.fixedAt(Instant.ofEpochSecond(GATEWAY_TS));
        InMemoryAccounts store = new InMemoryAccounts();
        store.insertAccount(new Account("100000000001", 1250000000L, "bench"), SECRET_ID, SECRET_KEY, Instant.EPOCH);
        gateway = new Gateway(new ProductRegistry(CvmProduct.create(), List.of()),
                new AccountService(store, clock), clock, Json.newMapper(), new ParamBinder(false), true,
                new RateLimiter(false, clock));

        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String date = Tc3Signer.dateOf(GATEWAY_TS);
        String canonical = Tc3Signer.canonicalRequest("POST", "", "content-type:" + JSON_UTF8 + "\nhost:" + HOST + "\n",
                "content-type;host", Tc3Signer.hashedPayload(body));
        String signature = Tc3Signer.signature(Tc3Signer.signingKey(SECRET_KEY, date, "cvm"),
                Tc3Signer.stringToSign(Long.toString(GATEWAY_TS), date, "cvm", canonical));
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", JSON_UTF8);
        headers.put("host", HOST);
        headers.put("authorization", Tc3Signer.ALGORITHM + " Credential=" + SECRET_ID + "/" + date
                + "/cvm/tc3_request, SignedHeaders=content-type;host, Signature=" + signature);
        headers.put("x-tc-action", "DescribeRegions");
        headers.put("x-tc-version", CvmProduct.VERSION);
        headers.put("x-tc-timestamp", Long.toString(GATEWAY_TS));
        headers.put("x-tc-region", "ap-guangzhou");
        headers.put("x-tc-requestclient", "SDK_JAVA_3.1.1342");
        describeRegions = new RawRequest("POST", null, headers, body, "127.0.0.1");
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark input is wrong: " + what);
        }
    }

    /** Parses as Gateway.parseJson does (a fresh reader that fails on trailing tokens, per request). */
    private JsonNode parse(byte[] body) {
        try {
            return mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public DescribeInstances.Request bindDescribeInstancesJ1() {
        return binder.bind(parse(j1Body), DescribeInstances.Request.class);
    }

    @Benchmark
    public RunInstancesRequest bindRunInstances() {
        return binder.bind(parse(runInstancesBody), RunInstancesRequest.class);
    }

    /** The GET / v1 path up to the JSON tree: percent-decoding and un-flattening. */
    @Benchmark
    public ObjectNode decodeUnflattenJ2() {
        return FormCodec.unflatten(FormCodec.decode(j2Query));
    }

    /** J2 through to the record, to compare with {@link #bindDescribeInstancesJ1()} (same parameters). */
    @Benchmark
    public DescribeInstances.Request decodeUnflattenBindJ2() {
        return binder.bind(FormCodec.unflatten(FormCodec.decode(j2Query)), DescribeInstances.Request.class);
    }

    /**
     * Gateway cost without HTTP: parse Authorization, resolve the key (cached), skew check, TC3 verify,
     * route, bind, execute DescribeRegions and serialize the envelope (plus a random UUID RequestId).
     * A longer warm-up: on a 2-core machine this path took about 5 s to reach a steady time.
     */
    @Benchmark
    @Warmup(iterations = 5, time = 2)
    public ApiResponse gatewayDescribeRegionsTc3() {
        return gateway.handle(describeRegions);
    }
}
