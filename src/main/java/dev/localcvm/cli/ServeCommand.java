package dev.localcvm.cli;

import dev.localcvm.account.AccountService;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.server.LocalCvmServer;
import dev.localcvm.server.ServerConfig;
import dev.localcvm.store.StoreConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code localcvm serve}: every option also reads an environment variable LOCALCVM_&lt;NAME&gt;. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = dev.localcvm.Main.Version.class,
        description = "Run the API server until SIGTERM or Ctrl-C.", showDefaultValues = true)
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "${env:LOCALCVM_HOST:-127.0.0.1}",
            description = "Address to listen on (env LOCALCVM_HOST).")
    String host;

    @Option(names = "--port", defaultValue = "${env:LOCALCVM_PORT:-4580}",
            description = "Port to listen on; 0 picks a free one (env LOCALCVM_PORT).")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:LOCALCVM_DATA_DIR}",
            description = "Directory of the embedded H2 database; default ~/.localcvm (env LOCALCVM_DATA_DIR).")
    Path dataDir;

    @Option(names = "--ephemeral", defaultValue = "${env:LOCALCVM_EPHEMERAL:-false}",
            description = "Keep everything in memory; nothing is written to disk (env LOCALCVM_EPHEMERAL).")
    boolean ephemeral;

    @Option(names = "--db-url", defaultValue = "${env:LOCALCVM_DB_URL}",
            description = "JDBC URL of a PostgreSQL database, e.g. jdbc:postgresql://127.0.0.1:5432/cvm (env LOCALCVM_DB_URL).")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:LOCALCVM_DB_USER}", description = "Database user (env LOCALCVM_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:LOCALCVM_DB_PASSWORD}",
            description = "Database password (env LOCALCVM_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--transition-delay", defaultValue = "${env:LOCALCVM_TRANSITION_DELAY:-1s}",
            converter = DurationConverter.class,
            description = "How long PENDING, STARTING, STOPPING, REBOOTING and TERMINATING last: 0, 500ms, 2s (env LOCALCVM_TRANSITION_DELAY).")
    Duration transitionDelay;

    @Option(names = "--rate-limits", defaultValue = "${env:LOCALCVM_RATE_LIMITS:-on}", converter = OnOffConverter.class, arity = "1",
            paramLabel = "on|off", description = "Enforce the real per-action rate limits (env LOCALCVM_RATE_LIMITS).")
    boolean rateLimits;

    @Option(names = "--instance-quota", defaultValue = "${env:LOCALCVM_INSTANCE_QUOTA:-500}",
            description = "Instances per account and region (env LOCALCVM_INSTANCE_QUOTA).")
    int instanceQuota;

    @Option(names = "--admin-token", defaultValue = "${env:LOCALCVM_ADMIN_TOKEN}",
            description = "Token the admin API (/_localcvm/*) requires when listening on a non-loopback address (env LOCALCVM_ADMIN_TOKEN).")
    String adminToken;

    @Option(names = "--verify-signatures", defaultValue = "${env:LOCALCVM_VERIFY_SIGNATURES:-on}",
            converter = OnOffConverter.class, arity = "1", paramLabel = "on|off",
            description = "Check request signatures; off still resolves the SecretId to its account (env LOCALCVM_VERIFY_SIGNATURES).")
    boolean verifySignatures;

    @Option(names = "--tombstone-window", defaultValue = "${env:LOCALCVM_TOMBSTONE_WINDOW:-1h}",
            converter = DurationConverter.class,
            description = "How long a destroyed id answers UnsupportedOperation.InstanceStateTerminated before InvalidInstanceId.NotFound; 0 turns it off (env LOCALCVM_TOMBSTONE_WINDOW).")
    Duration tombstoneWindow;

    @Option(names = "--postpaid-recycle-first", defaultValue = "${env:LOCALCVM_POSTPAID_RECYCLE_FIRST:-off}",
            converter = OnOffConverter.class, arity = "1", paramLabel = "on|off",
            description = "Postpaid instances go to the recycle bin (2 h) on a first TerminateInstances, as the English docs of 2020-2025 said (env LOCALCVM_POSTPAID_RECYCLE_FIRST).")
    boolean postpaidRecycleFirst;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (port < 0 || port > 65535) {
            System.err.println("localcvm: --port must be between 0 and 65535");
            return 2;
        }
        if (instanceQuota < 0) {
            System.err.println("localcvm: --instance-quota must not be negative");
            return 2;
        }
        if (ephemeral && dbUrl != null) {
            System.err.println("localcvm: --ephemeral and --db-url exclude each other");
            return 2;
        }
        String envId = System.getenv("TENCENTCLOUD_SECRET_ID");
        String envKey = System.getenv("TENCENTCLOUD_SECRET_KEY");
        boolean keysFromEnv = envId != null && !envId.isBlank() && envKey != null && !envKey.isBlank();
        String secretId = keysFromEnv ? envId.trim() : AccountService.DEFAULT_SECRET_ID;
        String secretKey = keysFromEnv ? envKey.trim() : AccountService.DEFAULT_SECRET_KEY;

        StoreConfig store;
        if (ephemeral) {
            store = StoreConfig.ephemeral();
        } else if (dbUrl != null) {
            store = StoreConfig.postgres(dbUrl, dbUser, dbPassword);
        } else {
            Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".localcvm");
            Files.createDirectories(dir);
            store = StoreConfig.h2File(dir);
        }
        ServerConfig config = new ServerConfig(host, port, store, transitionDelay, rateLimits, instanceQuota,
                adminToken, secretId, secretKey, verifySignatures, tombstoneWindow, postpaidRecycleFirst);
        LocalCvmServer server;
        try {
            server = LocalCvmServer.start(config, ServerClock.system());
        } catch (RuntimeException e) {
            System.err.println("localcvm: cannot start: " + LocalCvmServer.whyNotStarted(e));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "localcvm-shutdown"));

        out.printf("localcvm %s listening on http://%s:%d%n", LocalCvmServer.version(), host, server.port());
        out.printf("  default account: AppId %d, Uin %s%n", server.defaultKey().account().appId(),
                server.defaultKey().account().uin());
        out.printf("  SecretId:  %s%n", secretId);
        out.printf("  SecretKey: %s%n", keysFromEnv ? "(from TENCENTCLOUD_SECRET_KEY)" : secretKey);
        out.printf("  data:      %s%n", store.description());
        out.printf("  admin API: http://%s:%d/_localcvm/ (%s)%n", host, server.port(),
                adminToken == null ? "open on loopback" : "token required off loopback");
        out.flush();
        stopped.await();
        return 0;
    }
}
