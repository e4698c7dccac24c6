package dev.localcvm.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code localcvm bench}: starts the server under test and the bare endpoints as processes of their own (or
 * drives a server started by hand), runs the chosen scenarios from this process, and reports, beside
 * throughput and latency, the CPU each server process spent per answered request and the generator's own.
 */
public final class Bench {
    /**
     * @param targetPid the process of {@code target}, for its CPU; -1 when not given
     * @param storeArgs the store options of each server started here (a fresh data directory each call)
     * @param work a directory for the children's output and the bare endpoints' bodies
     */
    public record Options(List<String> scenarios, int connections, int generatorThreads, Duration warmup,
                          Duration duration, int repeat, Duration idle, List<Integer> instanceCounts, String target,
                          long targetPid, String secretId, String secretKey, Supplier<List<String>> storeArgs,
                          String storeDescription, Path work, Path plot) {
        boolean has(String scenario) {
            return scenarios.contains(scenario);
        }
    }

    private final Options options;
    private final PrintStream out;
    private final List<ChildJvm> children = new ArrayList<>();
    private int bodies;

    public Bench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** A server or endpoint this command was to start did not start; the message says why. */
    public static final class CannotStart extends RuntimeException {
        CannotStart(String why, Throwable cause) {
            super(why, cause);
        }
    }

    /** @return whether every run finished without errors */
    public boolean run() throws Exception {
        out.printf("machine: %d cores, Java %s; %d connections on %d generator threads, %s warm-up (first run of each), "
                        + "%s measured, %d alternating rounds%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), options.connections(), options.generatorThreads(), options.warmup(),
                options.duration(), options.repeat());
        out.println("limit rule: GENERATOR when its threads were >= 90% busy, or when the machine was >= 90% busy and "
                + "the generator used at least the server's CPU");
        Vertx vertx = Vertx.vertx();
        HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(options.connections()));
        Report report = new Report(out);
        try {
            Scenarios scenarios = new Scenarios(vertx, client, out::println);
            boolean limited = options.has("regions-limited") || options.has("describe-limited");
            boolean load = limited || options.has("regions") || options.has("describe") || options.has("terminate");
            Scenarios.Target main = load ? mainTarget(scenarios) : null;
            Scenarios.Target raised = null;
            if (limited && options.target() != null) {
                out.println("regions-limited, describe-limited: skipped with --target (they need a second server, "
                        + "started here with --rate-limits on)");
            } else if (limited) {
                Scenarios.Target on = started(scenarios, "localcvm, rate limits on", true);
                raised = scenarios.raisedLimitsAccount(on, "localcvm, rate limits on");
            }
            if (options.has("regions") || options.has("regions-limited")) {
                byte[] bytes = scenarios.capture(main, "DescribeRegions", Scenarios.EMPTY);
                report.add(new Report.Measured("DescribeRegions", "<= 2x", compare("DescribeRegions", main,
                        options.has("regions-limited") ? raised : null, "DescribeRegions", Scenarios.EMPTY, bytes), 0));
            }
            if (options.has("describe") || options.has("describe-limited")) {
                for (int n : options.instanceCounts()) {
                    byte[] page = scenarios.describePage(main, n);
                    Scenarios.Target withLimits = null;
                    // The limiter's cost does not depend on the account's size: measured at the first count only.
                    if (raised != null && options.has("describe-limited") && n == options.instanceCounts().get(0)) {
                        scenarios.describePage(raised, n);
                        withLimits = raised;
                    }
                    report.add(new Report.Measured("DescribeInstances@" + n, "<= 2x", compare("DescribeInstances@" + n,
                            main, withLimits, "DescribeInstances", Scenarios.DESCRIBE_BODY, page), n));
                }
            }
            if (options.has("terminate")) {
                for (int i = 0; i < options.repeat(); i++) {
                    RunResult r = scenarios.terminate(main, options.connections(), i == 0 ? options.warmup()
                            : settle(), options.duration(), "Run+Terminate x100");
                    out.println(r.summary());
                    report.terminate(r);
                }
            }
            if (options.has("startup")) {
                report.startup(Startup.run(options.repeat(), options.idle(), options.storeArgs(), options.work(), env(),
                        out::println));
            }
            return report.print(options.plot());
        } finally {
            Scenarios.await(client.close());
            Scenarios.await(vertx.close());
            children.forEach(ChildJvm::close);
        }
    }

    /**
     * localcvm, the bare endpoint serving {@code bytes}, and (when given) localcvm with the rate limits on for an
     * account whose limits are raised, each sent the same request, alternated.
     */
    private Comparison compare(String what, Scenarios.Target server, Scenarios.Target limited, String action,
                               byte[] body, byte[] bytes) throws IOException, InterruptedException {
        try (ChildJvm bare = startBare(bytes)) {
            List<Comparison.Contender> contenders = new ArrayList<>();
            Supplier<byte[]> request = server.request(action, body);
            contenders.add(raw(what, server, request));
            contenders.add(raw("bare, same " + bytes.length + " B", new Scenarios.Target("bare", "127.0.0.1", bare.port(),
                    bare.pid(), null), request));
            if (limited != null) {
                contenders.add(raw(what + ", limits on", limited, limited.request(action, body)));
            }
            return new Comparison(what, contenders).run(options.repeat(), options.warmup(), settle(),
                    r -> out.println(r.summary()));
        }
    }

    private Comparison.Contender raw(String label, Scenarios.Target target, Supplier<byte[]> request) {
        return new Comparison.Contender(label, warmup -> RawLoad.run(label, target.address(), request,
                options.connections(), options.generatorThreads(), warmup, options.duration(), target.pid(), out::println));
    }

    /** Before a repeated run: long enough for the connections and the previous contender's traffic to settle. */
    private Duration settle() {
        return options.warmup().compareTo(Duration.ofSeconds(2)) < 0 ? options.warmup() : Duration.ofSeconds(2);
    }

    private Scenarios.Target mainTarget(Scenarios scenarios) throws IOException, InterruptedException {
        if (options.target() == null) {
            return started(scenarios, "localcvm", false);
        }
        int colon = options.target().lastIndexOf(':');
        String host = options.target().substring(0, colon);
        int port = Integer.parseInt(options.target().substring(colon + 1));
        out.println("target: " + options.target() + (options.targetPid() > 0 ? ", pid " + options.targetPid()
                : " (no --target-pid: its CPU is not measured)"));
        return scenarios.target("localcvm", host, port, options.targetPid(), options.secretId(), options.secretKey());
    }

    /** {@code localcvm serve} for the load: no transition delay, a quota above every count, the store options. */
    private Scenarios.Target started(Scenarios scenarios, String name, boolean rateLimits)
            throws IOException, InterruptedException {
        int max = options.instanceCounts().stream().mapToInt(Integer::intValue).max().orElse(0);
        long quota = Math.min(1_000_000_000L, Math.max(1_000_000L, 2L * max + 200L * options.connections()));
        List<String> args = new ArrayList<>(List.of("serve", "--host", "127.0.0.1", "--port", "0",
                "--rate-limits", rateLimits ? "on" : "off", "--transition-delay", "0", "--instance-quota", Long.toString(quota)));
        args.addAll(options.storeArgs().get());
        ChildJvm child = startChild(name, args);
        out.printf("started %s: pid %d, port %d (%s)%n", name, child.pid(), child.port(), options.storeDescription());
        return scenarios.target(name, "127.0.0.1", child.port(), child.pid(), options.secretId(), options.secretKey());
    }

    private ChildJvm startBare(byte[] bytes) throws IOException, InterruptedException {
        Path body = options.work().resolve("body-" + (++bodies) + ".json");
        Files.write(body, bytes);
        ChildJvm bare = startChild("bare endpoint", new ArrayList<>(List.of("bench-endpoint", "--port", "0",
                "--body-file", body.toString())));
        children.remove(bare);
        out.printf("started the bare endpoint: pid %d, port %d, serving %d bytes%n", bare.pid(), bare.port(), bytes.length);
        return bare;
    }

    /** Starts a child on a free port (the {@code --port 0} in {@code args} is replaced) and waits until healthy. */
    private ChildJvm startChild(String name, List<String> args) throws IOException, InterruptedException {
        int port = ChildJvm.freePort();
        args.set(args.indexOf("--port") + 1, Integer.toString(port));
        ChildJvm child = ChildJvm.start(name, args, port, options.work().resolve("child-" + children.size() + "-"
                + port + ".log"), env());
        children.add(child);
        try {
            child.awaitHealthy(Duration.ofSeconds(120));
        } catch (IOException e) {
            throw new CannotStart(e.getMessage(), e);
        }
        return child;
    }

    /** The default key of every server started here: the one this command signs with. */
    private Map<String, String> env() {
        return Map.of("TENCENTCLOUD_SECRET_ID", options.secretId(), "TENCENTCLOUD_SECRET_KEY", options.secretKey());
    }
}
