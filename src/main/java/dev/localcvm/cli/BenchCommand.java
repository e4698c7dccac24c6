package dev.localcvm.cli;

import dev.localcvm.account.AccountService;
import dev.localcvm.bench.Bench;
import dev.localcvm.store.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code localcvm bench}: drives signed TC3 load at a server it starts or at a running one. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = dev.localcvm.Main.Version.class,
        showDefaultValues = true,
        description = "Measure throughput and latency: (a) a bare Vert.x endpoint, (b) DescribeRegions, "
                + "(c) DescribeInstances over growing instance counts with its same-bytes baseline, "
                + "(d) RunInstances + TerminateInstances in batches of 100.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--scenarios", split = ",", defaultValue = "baseline,regions,describe,terminate",
            description = "Which scenarios to run: baseline, regions, describe, terminate.")
    List<String> scenarios;

    @Option(names = "--connections", defaultValue = "64", description = "Concurrent connections (closed loop).")
    int connections;

    @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class,
            description = "Measured time per run.")
    Duration duration;

    // On two busy cores the JIT takes about 20 s of load to finish compiling the DescribeInstances path;
    // a shorter warm-up measures the compiler as much as localcvm.
    @Option(names = "--warmup", defaultValue = "20s", converter = DurationConverter.class,
            description = "Unmeasured time before each run (default ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--instances", split = ",", defaultValue = "1000,10000,100000",
            description = "Instance counts for the DescribeInstances scenario.")
    List<Integer> instances;

    @Option(names = "--target", description = "host:port of a running localcvm (started with --rate-limits off, "
            + "--transition-delay 0 and an --instance-quota above the largest count); default: start one here.")
    String target;

    @Option(names = "--secret-id", defaultValue = "${env:TENCENTCLOUD_SECRET_ID:-" + AccountService.DEFAULT_SECRET_ID + "}",
            description = "Key of the target's account.")
    String secretId;

    @Option(names = "--secret-key", defaultValue = "${env:TENCENTCLOUD_SECRET_KEY:-" + AccountService.DEFAULT_SECRET_KEY + "}",
            description = "Secret of the target's account.")
    String secretKey;

    @Option(names = "--data-dir", description = "H2 directory of the server started here; default a fresh temporary one.")
    Path dataDir;

    @Option(names = "--ephemeral", description = "Run the server started here on H2 in memory, with no file: "
            + "what the store costs without durability, for comparison.")
    boolean ephemeral;

    @Option(names = "--db-url", description = "Run the server started here on this PostgreSQL instead of H2.")
    String dbUrl;

    @Option(names = "--db-user", description = "PostgreSQL user.")
    String dbUser;

    @Option(names = "--db-password", description = "PostgreSQL password.")
    String dbPassword;

    @Option(names = "--plot", defaultValue = "bench-describe.png",
            description = "PNG of DescribeInstances throughput against instance count.")
    Path plot;

    @Override
    public Integer call() throws Exception {
        for (String s : scenarios) {
            if (!List.of("baseline", "regions", "describe", "terminate").contains(s)) {
                System.err.println("localcvm: unknown scenario '" + s + "'");
                return 2;
            }
        }
        if (connections < 1 || instances.stream().anyMatch(n -> n < 2)) {
            System.err.println("localcvm: --connections must be >= 1 and every --instances count >= 2");
            return 2;
        }
        // One line per request would measure the console, not localcvm.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.localcvm.access"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path tempDir = null;
        StoreConfig store = null;
        if (target == null) {
            if (dbUrl != null) {
                store = StoreConfig.postgres(dbUrl, dbUser, dbPassword);
            } else if (ephemeral) {
                store = StoreConfig.ephemeral();
            } else {
                tempDir = dataDir == null ? Files.createTempDirectory("localcvm-bench") : null;
                store = StoreConfig.h2File(dataDir == null ? tempDir : dataDir);
            }
        }
        try {
            Bench.Options options = new Bench.Options(scenarios, connections, warmup, duration,
                    instances.stream().sorted().toList(), target, secretId, secretKey, store, plot);
            return new Bench(options, System.out).run() ? 0 : 1;
        } catch (Bench.CannotStart e) {
            System.err.println("localcvm: cannot start: " + e.getMessage());
            return 1;
        } finally {
            if (tempDir != null) {
                deleteTree(tempDir);
            }
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
