package dev.localcvm.cli;

import dev.localcvm.account.AccountService;
import dev.localcvm.bench.Bench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code localcvm bench}: drives signed TC3 load at servers it starts as processes of their own, or at a running one. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = dev.localcvm.Main.Version.class,
        showDefaultValues = true,
        description = "Measure localcvm from outside: it starts the server and a bare Vert.x endpoint serving the same "
                + "bytes as processes of their own, drives them from here, and reports throughput, latency and each "
                + "server process's CPU per request: DescribeRegions (regions), DescribeInstances over growing instance "
                + "counts (describe), both with the rate limits on (regions-limited, describe-limited), RunInstances + "
                + "TerminateInstances in batches of 100 (terminate), start to healthy and idle memory (startup).")
public final class BenchCommand implements Callable<Integer> {
    private static final List<String> SCENARIOS = List.of("regions", "describe", "regions-limited", "describe-limited",
            "terminate", "startup");

    @Option(names = "--scenarios", split = ",", defaultValue = "regions,describe,regions-limited,describe-limited,terminate,startup",
            description = "Which scenarios to run: regions, describe, regions-limited, describe-limited, terminate, startup.")
    List<String> scenarios;

    @Option(names = "--connections", defaultValue = "64", description = "Concurrent connections (closed loop).")
    int connections;

    // Like wrk -t2 on this kind of machine: one thread would cap the generator at one core.
    @Option(names = "--generator-threads", defaultValue = "2", description = "Threads of the load generator.")
    int generatorThreads;

    @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class,
            description = "Measured time per run.")
    Duration duration;

    // On two busy cores the JIT takes about 20 s of load to finish compiling the DescribeInstances path;
    // a shorter warm-up measures the compiler as much as localcvm. Repeated runs get 2 s.
    @Option(names = "--warmup", defaultValue = "20s", converter = DurationConverter.class,
            description = "Unmeasured time before the first run of each scenario on each process.")
    Duration warmup;

    @Option(names = "--repeat", defaultValue = "3",
            description = "Rounds: the runs compared with each other alternate (A, B, A, B, ...); medians and ranges are reported.")
    int repeat;

    @Option(names = "--idle", defaultValue = "5s", converter = DurationConverter.class,
            description = "startup: how long after its first healthy answer a process's resident memory is read.")
    Duration idle;

    @Option(names = "--instances", split = ",", defaultValue = "1000,10000,100000",
            description = "Instance counts for the DescribeInstances scenario.")
    List<Integer> instances;

    @Option(names = "--target", description = "host:port of a running localcvm (started with --rate-limits off, "
            + "--transition-delay 0 and an --instance-quota above the largest count); default: start one here.")
    String target;

    @Option(names = "--target-pid", defaultValue = "-1",
            description = "The process of --target, whose CPU per request is then measured (not measured without it).")
    long targetPid;

    @Option(names = "--secret-id", defaultValue = "${env:TENCENTCLOUD_SECRET_ID:-" + AccountService.DEFAULT_SECRET_ID + "}",
            description = "Key of the target's account (and of the servers started here).")
    String secretId;

    @Option(names = "--secret-key", defaultValue = "${env:TENCENTCLOUD_SECRET_KEY:-" + AccountService.DEFAULT_SECRET_KEY + "}",
            description = "Secret of the target's account.")
    String secretKey;

    @Option(names = "--data-dir", description = "Where the servers started here keep their H2 files (one subdirectory "
            + "each); default a fresh temporary directory.")
    Path dataDir;

    @Option(names = "--ephemeral", description = "Run the servers started here on H2 in memory, with no file: "
            + "what the store costs without durability, for comparison.")
    boolean ephemeral;

    @Option(names = "--db-url", description = "Run the servers started here on this PostgreSQL instead of H2.")
    String dbUrl;

    @Option(names = "--db-user", description = "PostgreSQL user.")
    String dbUser;

    @Option(names = "--db-password", description = "PostgreSQL password.")
    String dbPassword;

    @Option(names = "--plot", defaultValue = "bench-describe.png",
            description = "PNG of DescribeInstances' server CPU per request against instance count.")
    Path plot;

    @Override
    public Integer call() throws Exception {
        for (String s : scenarios) {
            if (!SCENARIOS.contains(s)) {
                System.err.println("localcvm: unknown scenario '" + s + "'; known: " + String.join(", ", SCENARIOS));
                return 2;
            }
        }
        if (connections < 1 || generatorThreads < 1 || repeat < 1 || instances.stream().anyMatch(n -> n < 2)) {
            System.err.println("localcvm: --connections, --generator-threads and --repeat must be >= 1 and every "
                    + "--instances count >= 2");
            return 2;
        }
        if (target != null && target.lastIndexOf(':') < 1) {
            System.err.println("localcvm: --target must be host:port");
            return 2;
        }
        Path work = Files.createTempDirectory("localcvm-bench");
        AtomicInteger servers = new AtomicInteger();
        Supplier<List<String>> storeArgs;
        String description;
        if (dbUrl != null) {
            List<String> args = new ArrayList<>(List.of("--db-url", dbUrl));
            if (dbUser != null) {
                args.addAll(List.of("--db-user", dbUser));
            }
            if (dbPassword != null) {
                args.addAll(List.of("--db-password", dbPassword));
            }
            storeArgs = () -> args;
            description = "PostgreSQL";
        } else if (ephemeral) {
            storeArgs = () -> List.of("--ephemeral");
            description = "in memory (ephemeral)";
        } else {
            Path parent = dataDir == null ? work : dataDir;
            // Each server its own fresh H2 file: two processes cannot open one.
            storeArgs = () -> List.of("--data-dir", parent.resolve("data-" + servers.incrementAndGet()).toString());
            description = "H2 file in " + (dataDir == null ? "a temporary directory" : dataDir);
        }
        try {
            Bench.Options options = new Bench.Options(scenarios, connections, generatorThreads, warmup, duration, repeat,
                    idle, instances.stream().sorted().toList(), target, targetPid, secretId, secretKey, storeArgs,
                    description, work, plot);
            return new Bench(options, System.out).run() ? 0 : 1;
        } catch (Bench.CannotStart e) {
            System.err.println("localcvm: cannot start: " + e.getMessage());
            return 1;
        } finally {
            dev.localcvm.bench.WorkDirectory.delete(work);
        }
    }
}
