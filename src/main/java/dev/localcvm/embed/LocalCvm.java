package dev.localcvm.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import dev.localcvm.account.AccountService;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.server.LocalCvmServer;
import dev.localcvm.server.ServerConfig;
import dev.localcvm.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * localcvm inside a Java process: the same server as {@code localcvm serve}, started from code, with official SDK
 * clients pointed at it and the admin API as typed calls.
 *
 * <pre>{@code
 * try (LocalCvm cvm = LocalCvm.builder().ephemeral().transitionDelay(Duration.ZERO).start()) {
 *     cvm.cvmClient("ap-guangzhou").DescribeZones(new DescribeZonesRequest());
 * }
 * }</pre>
 *
 * The SDK ({@code tencentcloud-sdk-java-cvm}) is an optional dependency: the client methods need it on the
 * caller's class path, the server does not.
 */
public final class LocalCvm implements AutoCloseable {
    private final LocalCvmServer server;
    private final AdminClient admin;

    private LocalCvm(LocalCvmServer server, String adminToken) {
        this.server = server;
        this.admin = new AdminClient(connectHost(server.host()), server.port(), adminToken);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code host:port} for the SDKs' {@code HttpProfile.setEndpoint} (plain HTTP). */
    public String endpoint() {
        return connectHost(server.host()) + ":" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** The default account's key pair. */
    public Credential credential() {
        return new Credential(server.defaultKey().secretId(), server.defaultKey().secretKey());
    }

    /** A profile for the SDKs: this server's endpoint over plain HTTP, TC3 signatures. */
    public ClientProfile profile() {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(endpoint());
        http.setProtocol(HttpProfile.REQ_HTTP);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return profile;
    }

    /** The official CVM client of the default account in {@code region}. */
    public CvmClient cvmClient(String region) {
        return new CvmClient(credential(), region, profile());
    }

    /** The SDK's generic client for any served product ({@code vpc}, {@code cbs}, ...) of the default account. */
    public CommonClient client(String product, String version, String region) {
        return client(product, version, region, credential());
    }

    public CommonClient client(String product, String version, String region, Credential credential) {
        return new CommonClient(product, version, credential, region, profile());
    }

    /** Moves the server clock forward; timers that fall due in that time fire (recycle bin, transitions). */
    public void advanceClock(Duration amount) {
        long seconds = amount.toSeconds();
        if (seconds < 0 || amount.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("the clock moves forward by whole seconds: " + amount);
        }
        admin.call("POST", "/clock", Map.of("advanceSeconds", seconds));
    }

    /** Empties all resource state of all accounts; accounts and keys stay. */
    public void reset() {
        admin.call("POST", "/reset", null);
    }

    /** Another account with its own key pair. */
    public Account newAccount(String name) {
        JsonNode a = admin.call("POST", "/accounts", Map.of("Name", name));
        return new Account(a.path("Uin").asText(), a.path("AppId").asLong(), a.path("SecretId").asText(),
                a.path("SecretKey").asText());
    }

    /** An account's admin attributes, e.g. {@code instanceQuota}, {@code addressQuota}; the result as the server has it. */
    public JsonNode accountAttributes(String uin, Map<String, ?> attributes) {
        return admin.call("POST", "/accounts/" + uin + "/attributes", attributes);
    }

    /** An instance's admin attributes, e.g. {@code frozen}, {@code banned}; the instance as the server has it. */
    public JsonNode instanceAttributes(String instanceId, Map<String, ?> attributes) {
        return admin.call("POST", "/instances/" + instanceId + "/attributes", attributes);
    }

    /** The next {@code times} calls of {@code action} fail with {@code code}, before changing anything. */
    public void injectFault(String action, String code, int times) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("action", action);
        rule.put("code", code);
        rule.put("remaining", times);
        admin.call("POST", "/faults", rule);
    }

    public void clearFaults() {
        admin.call("DELETE", "/faults", null);
    }

    /** Stops the server: connections close, and an ephemeral store is gone. */
    @Override
    public void close() {
        server.close();
    }

    /** An account made with {@link #newAccount(String)}. */
    public record Account(String uin, long appId, String secretId, String secretKey) {
        public Credential credential() {
            return new Credential(secretId, secretKey);
        }
    }

    private static String connectHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    /** Every option of {@code localcvm serve}; the defaults are serve's, but an in-memory store on a free port. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private StoreConfig store = StoreConfig.ephemeral();
        private Duration transitionDelay = Duration.ofSeconds(1);
        private boolean rateLimits = true;
        private int instanceQuota = 500;
        private String adminToken;
        private String secretId = AccountService.DEFAULT_SECRET_ID;
        private String secretKey = AccountService.DEFAULT_SECRET_KEY;
        private boolean verifySignatures = true;
        private Duration tombstoneWindow = Duration.ofHours(1);
        private boolean postpaidRecycleFirst;
        private boolean clockStopped;

        private Builder() {
        }

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        /** Keep everything in memory (the default). */
        public Builder ephemeral() { store = StoreConfig.ephemeral(); return this; }
        /** An H2 file in {@code dir}, which outlives the server. */
        public Builder dataDir(Path dir) { store = StoreConfig.h2File(dir); return this; }
        public Builder postgres(String url, String user, String password) {
            store = StoreConfig.postgres(url, user, password);
            return this;
        }
        public Builder transitionDelay(Duration v) { transitionDelay = v; return this; }
        public Builder rateLimits(boolean v) { rateLimits = v; return this; }
        public Builder instanceQuota(int v) { instanceQuota = v; return this; }
        public Builder adminToken(String v) { adminToken = v; return this; }
        /** The default account's key pair. */
        public Builder credentials(String id, String key) { secretId = id; secretKey = key; return this; }
        public Builder verifySignatures(boolean v) { verifySignatures = v; return this; }
        public Builder tombstoneWindow(Duration v) { tombstoneWindow = v; return this; }
        public Builder postpaidRecycleFirst(boolean v) { postpaidRecycleFirst = v; return this; }
        /**
         * The server clock stands still from the start: only {@link LocalCvm#advanceClock} moves it. Transitions,
         * timers and the rate limits' seconds then follow the test's steps alone, however slow the machine.
         */
        public Builder stoppedClock() { clockStopped = true; return this; }

        public LocalCvm start() {
            ServerConfig config = new ServerConfig(host, port, store, transitionDelay, rateLimits, instanceQuota,
                    adminToken, secretId, secretKey, verifySignatures, tombstoneWindow, postpaidRecycleFirst);
            ServerClock clock = clockStopped ? ServerClock.fixedAt(java.time.Instant.now()) : ServerClock.system();
            return new LocalCvm(LocalCvmServer.start(config, clock), adminToken);
        }
    }
}
