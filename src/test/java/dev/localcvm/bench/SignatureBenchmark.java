package dev.localcvm.bench;

import dev.localcvm.api.auth.Tc3Authorization;
import dev.localcvm.api.auth.Tc3Verifier;
import dev.localcvm.api.auth.V1Verifier;
import dev.localcvm.api.params.FormCodec;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
 * Signature verification on the captured vectors of api3-protocol.md §7.4 (J1, N1, T1) and the derived
 * v1 vector D1 of §7.5. Every input is built once in {@link #setUp()} and checked to verify there, so a
 * benchmark can never silently measure the (cheaper or dearer) failure path.
 *
 * <p>Run with {@code bench/jmh Signature}; not a test, so surefire never picks it up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SignatureBenchmark {
    // The §7.4 key pair, shared by every captured vector.
    static final String TEST_KEY = "TESTSECRETKEY";

    // J1: the Java SDK, POST JSON; the first candidate canonicalisation (lower-cased, Host as sent) matches.
    static final long J1_TS = 1795663388L;
    static final String J1_BODY = "{\"InstanceIds\":[\"ins-1\",\"ins-2\"],\"Filters\":[{\"Name\":\"zone\",\"Values\":"
            + "[\"ap-guangzhou-3\",\"a b/c*~'\"]}],\"Limit\":2}";
    static final String J1_AUTHORIZATION = "TC3-HMAC-SHA256 Credential=AKIDTESTID/2026-11-26/localhost:18080/"
            + "tc3_request, SignedHeaders=content-type;host, "
            + "Signature=026435f23bd5c8831a2e4b9f41f1e0ae0ddae9b230e0c2ace793bacd6cdc85e4";

    // N1: the Node SDK signs the host without its port while sending it with one, so only the second
    // candidate matches: this measures what the fallback costs on top of J1's path.
    static final long N1_TS = 1795663351L;
    static final String N1_BODY = "{\"Limit\":2,\"InstanceIds\":[\"ins-1\",\"ins-2\"],\"Filters\":[{\"Name\":\"zone\","
            + "\"Values\":[\"ap-guangzhou-3\",\"a b/c*~'\"]}],\"DryRun\":false}";
    static final String N1_AUTHORIZATION = "TC3-HMAC-SHA256 Credential=AKIDTESTID/2026-11-26/localhost:18080/"
            + "tc3_request, SignedHeaders=content-type;host, "
            + "Signature=55ea02697896f0ce5265755ffce707711e74aa71146b600fe57b8130aa972459";

    // T1: tccli, Host `http://localhost:18080` signed as is (no port to strip: one candidate only).
    static final long T1_TS = 1795663417L;
    static final String T1_BODY = "{\"Filters\": [{\"Name\": \"zone\", \"Values\": [\"ap-guangzhou-3\"]}], \"Limit\": 1}";
    static final String T1_AUTHORIZATION = "TC3-HMAC-SHA256 Credential=AKIDTESTID/2026-11-26/cvm/"
            + "tc3_request, SignedHeaders=content-type;host, "
            + "Signature=60c41edc7324b02cd713a25ab6e6982ece8564310d376f7b1f616f0439d5cf13";

    // D1 (§7.5): v1 POST, HmacSHA256, matched with the Host as sent (first candidate).
    static final String D1_BODY = "Action=DescribeInstances&Version=2017-03-12&Region=ap-guangzhou"
            + "&Timestamp=1795663388&Nonce=7363175755144590959&SecretId=AKIDTESTID&SignatureMethod=HmacSHA256"
            + "&RequestClient=SDK_PYTHON_3.1.162&Filters.0.Name=zone&Filters.0.Values.0=a+b%2Fc&Limit=2"
            + "&Signature=iUHKZKsY6FfWIlQmoXwwWebwQSEB9fqwe0J%2BoPeWlWY%3D";
    static final String D1_HOST = "localhost:18080";

    Tc3Authorization j1Auth;
    Map<String, String> j1Headers;
    byte[] j1Body;
    Tc3Authorization n1Auth;
    Map<String, String> n1Headers;
    byte[] n1Body;
    Tc3Authorization t1Auth;
    Map<String, String> t1Headers;
    byte[] t1Body;
    Map<String, String> d1Params;
    // Read from a field, not a constant, so that parsing cannot be folded at compile time.
    String j1AuthorizationHeader;

    @Setup
    public void setUp() {
        j1AuthorizationHeader = J1_AUTHORIZATION;
        j1Auth = Tc3Authorization.parse(J1_AUTHORIZATION);
        j1Headers = headers("application/json; charset=utf-8", "localhost:18080", J1_AUTHORIZATION, J1_TS);
        j1Body = J1_BODY.getBytes(StandardCharsets.UTF_8);
        n1Auth = Tc3Authorization.parse(N1_AUTHORIZATION);
        n1Headers = headers("application/json", "localhost:18080", N1_AUTHORIZATION, N1_TS);
        n1Body = N1_BODY.getBytes(StandardCharsets.UTF_8);
        t1Auth = Tc3Authorization.parse(T1_AUTHORIZATION);
        t1Headers = headers("application/json", "http://localhost:18080", T1_AUTHORIZATION, T1_TS);
        t1Body = T1_BODY.getBytes(StandardCharsets.UTF_8);
        d1Params = FormCodec.decode(D1_BODY);

        check("J1", verifyJ1Post());
        check("N1", verifyN1NodeHostWithoutPort());
        check("T1", verifyT1Tccli());
        check("D1", verifyV1D1HmacSha256());
    }

    /** The headers the gateway would hand over: first value of each, keyed by lower-case name. */
    private static Map<String, String> headers(String contentType, String host, String authorization, long ts) {
        Map<String, String> h = new HashMap<>();
        h.put("content-type", contentType);
        h.put("host", host);
        h.put("authorization", authorization);
        h.put("x-tc-action", "DescribeInstances");
        h.put("x-tc-version", "2017-03-12");
        h.put("x-tc-timestamp", Long.toString(ts));
        h.put("x-tc-region", "ap-guangzhou");
        return h;
    }

    private static void check(String vector, boolean verified) {
        if (!verified) {
            throw new IllegalStateException(vector + " does not verify: the benchmark would measure a failure");
        }
    }

    @Benchmark
    public boolean verifyJ1Post() {
        return Tc3Verifier.verify(j1Auth, TEST_KEY, "POST", null, j1Headers, j1Body, J1_TS);
    }

    @Benchmark
    public boolean verifyN1NodeHostWithoutPort() {
        return Tc3Verifier.verify(n1Auth, TEST_KEY, "POST", null, n1Headers, n1Body, N1_TS);
    }

    @Benchmark
    public boolean verifyT1Tccli() {
        return Tc3Verifier.verify(t1Auth, TEST_KEY, "POST", null, t1Headers, t1Body, T1_TS);
    }

    /** The parameters are decoded in setUp: this is the signature check alone (sort, plain text, HMAC). */
    @Benchmark
    public boolean verifyV1D1HmacSha256() {
        return V1Verifier.verify(d1Params, TEST_KEY, "POST", D1_HOST);
    }

    @Benchmark
    public Tc3Authorization parseAuthorizationJ1() {
        return Tc3Authorization.parse(j1AuthorizationHeader);
    }
}
