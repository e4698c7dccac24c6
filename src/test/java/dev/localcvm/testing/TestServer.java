package dev.localcvm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.server.LocalCvmServer;
import dev.localcvm.server.ServerConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Starts a real localcvm on a free loopback port, on a fresh store of the kind the suite runs on
 * ({@link TestStores}), builds official SDK clients for it and calls its admin API.
 */
public final class TestServer implements AutoCloseable {
    private final LocalCvmServer server;

    private TestServer(LocalCvmServer server) {
        this.server = server;
    }

    public static TestServer start() {
        return start(config(), ServerClock.system());
    }

    /**
     * A fresh store ({@link TestStores#fresh()}), D = 1 s, rate limits off: protocol tests send many calls
     * within one second, and only the rate-limit tests want them counted. Each call makes a new store.
     */
    public static ServerConfig config() {
        return TestStores.serverDefaults().withLifecycle(java.time.Duration.ofSeconds(1), false, 500, false);
    }

    public static TestServer start(ServerConfig config, ServerClock clock) {
        return new TestServer(LocalCvmServer.start(config, clock));
    }

    public LocalCvmServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public String endpoint() {
        return "127.0.0.1:" + port();
    }

    public String secretId() {
        return server.defaultKey().secretId();
    }

    public String secretKey() {
        return server.defaultKey().secretKey();
    }

    /** A raw TC3 request to this server, for what the SDK cannot send. */
    public SignedRequest.Tc3 tc3() {
        return SignedRequest.tc3(this);
    }

    /** A raw signature-v1 request to this server. */
    public SignedRequest.V1 v1() {
        return SignedRequest.v1(this);
    }

    /** Bytes exactly as given, to {@code /} of this server. */
    public RawHttp.Response raw(String method, Map<String, String> headers, byte[] body) throws Exception {
        return RawHttp.send(port(), method, "/", headers, body);
    }

    /** The four ways the Java SDK can call: TC3 over POST or GET, and signature v1 with SHA-1 or SHA-256. */
    public enum Mode {
        TC3_POST("TC3-HMAC-SHA256", "POST"),
        TC3_GET("TC3-HMAC-SHA256", "GET"),
        HMAC_SHA1_POST(ClientProfile.SIGN_SHA1, "POST"),
        HMAC_SHA1_GET(ClientProfile.SIGN_SHA1, "GET"),
        HMAC_SHA256_POST(ClientProfile.SIGN_SHA256, "POST"),
        HMAC_SHA256_GET(ClientProfile.SIGN_SHA256, "GET");

        final String signMethod;
        final String httpMethod;

        Mode(String signMethod, String httpMethod) {
            this.signMethod = signMethod;
            this.httpMethod = httpMethod;
        }
    }

    public ClientProfile profile(Mode mode) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(endpoint());
        http.setProtocol(HttpProfile.REQ_HTTP);
        http.setReqMethod(mode.httpMethod);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        profile.setSignMethod(mode.signMethod);
        return profile;
    }

    public CvmClient cvm(Mode mode, String region) {
        return cvm(mode, region, secretId(), secretKey());
    }

    public CvmClient cvm(Mode mode, String region, String secretId, String secretKey) {
        return cvm(mode, region, new Credential(secretId, secretKey));
    }

    public CvmClient cvm(Mode mode, String region, Credential credential) {
        return new CvmClient(credential, region, profile(mode));
    }

    /** The SDK's generic client for any served product, as the other products' tests use it. */
    public CommonClient common(Mode mode, String product, String version, String region) {
        return new CommonClient(product, version, new Credential(secretId(), secretKey()), region, profile(mode));
    }

    /**
     * The generic client reaching localcvm as an HTTP proxy, as the SDKs' proxy settings and Terraform with
     * {@code HTTP_PROXY} do: the request names the product's real host, plain HTTP, default root domain.
     */
    public CommonClient commonThroughProxy(String product, String version, String region) {
        HttpProfile http = new HttpProfile();
        http.setProtocol(HttpProfile.REQ_HTTP);
        http.setProxyHost("127.0.0.1");
        http.setProxyPort(port());
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return new CommonClient(product, version, new Credential(secretId(), secretKey()), region, profile);
    }

    /** An admin API call ({@code path} starts with {@code /_localcvm}) that must answer 200; answers its JSON. */
    public JsonObject admin(String method, String path, JsonObject body) {
        RawHttp.Response r = adminRaw(method, path, body);
        assertThat(r.status()).as("admin %s %s -> %s", method, path, r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    /** An admin API call whatever it answers. */
    public RawHttp.Response adminRaw(String method, String path, JsonObject body) {
        try {
            return RawHttp.send(port(), method, path,
                    body == null ? Map.of() : Map.of("Content-Type", "application/json"),
                    body == null ? null : body.encode().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves the server clock through the admin API, which also fires every timer that fell due; moving
     * {@code server().clock()} directly leaves them to the next request that looks at their instance.
     */
    public void advanceClockAndSweep(long seconds) {
        admin("POST", "/_localcvm/clock", new JsonObject().put("advanceSeconds", seconds));
    }

    @Override
    public void close() {
        server.close();
    }
}
