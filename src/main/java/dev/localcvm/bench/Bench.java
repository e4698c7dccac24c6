package dev.localcvm.bench;

import dev.localcvm.clock.ServerClock;
import dev.localcvm.server.LocalCvmServer;
import dev.localcvm.server.ServerConfig;
import dev.localcvm.store.StoreConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the chosen scenarios against one server and reports each result and the ratios between them. */
public final class Bench {
    public record Options(List<String> scenarios, int connections, Duration warmup, Duration duration,
                          List<Integer> instanceCounts, String target, String secretId, String secretKey,
                          StoreConfig store, Path plot) {
    }

    private final Options options;
    private final PrintStream out;

    public Bench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** The server this command was to start did not start; the message says why, in one line. */
    public static final class CannotStart extends RuntimeException {
        CannotStart(String why, Throwable cause) {
            super(why, cause);
        }
    }

    /** @return whether every run finished without errors */
    public boolean run() throws Exception {
        LocalCvmServer server = null;
        String host = "127.0.0.1";
        int port;
        String id = options.secretId();
        String key = options.secretKey();
        if (options.target() == null) {
            ServerConfig defaults = ServerConfig.ephemeralDefaults();
            ServerConfig config = new ServerConfig("127.0.0.1", 0, options.store(), Duration.ZERO, false, 1_000_000,
                    null, defaults.secretId(), defaults.secretKey(), true, Duration.ofHours(1), false);
            try {
                server = LocalCvmServer.start(config, ServerClock.system());
            } catch (RuntimeException e) {
                throw new CannotStart(LocalCvmServer.whyNotStarted(e), e);
            }
            port = server.port();
            id = server.defaultKey().secretId();
            key = server.defaultKey().secretKey();
            out.println("started localcvm on " + host + ":" + port + " (" + options.store().description() + ")");
        } else {
            int colon = options.target().lastIndexOf(':');
            host = options.target().substring(0, colon);
            port = Integer.parseInt(options.target().substring(colon + 1));
        }
        out.printf("machine: %d cores, Java %s; %d connections, %s warm-up, %s measured per run%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), options.connections(),
                options.warmup(), options.duration());
        Vertx vertx = Vertx.vertx();
        HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                .setDefaultHost(host).setDefaultPort(port), new PoolOptions().setHttp1MaxSize(options.connections()));
        List<LoadRunner.Result> results = new ArrayList<>();
        try {
            Scenarios scenarios = new Scenarios(vertx, client, new SignedCalls(client, host, port, id, key, "ap-guangzhou"),
                    options.connections(), options.warmup(), options.duration(), out::println);
            LoadRunner.Result baseline = null;
            LoadRunner.Result regions = null;
            List<Scenarios.DescribePoint> points = new ArrayList<>();
            LoadRunner.Result terminate = null;
            if (options.scenarios().contains("baseline")) {
                baseline = report(results, scenarios.baseline("bare Vert.x endpoint", Scenarios.regionsLikeBody()));
            }
            if (options.scenarios().contains("regions")) {
                regions = report(results, scenarios.regions());
            }
            if (options.scenarios().contains("describe")) {
                for (int n : options.instanceCounts()) {
                    Scenarios.DescribePoint p = scenarios.describe(n);
                    report(results, p.describe());
                    report(results, p.sameBytes());
                    points.add(p);
                }
            }
            if (options.scenarios().contains("terminate")) {
                terminate = report(results, scenarios.terminate());
            }
            out.println();
            out.println("== summary ==");
            results.forEach(r -> out.println(r.summary()));
            out.println();
            out.println("== ratios (targets in brackets) ==");
            if (baseline != null && regions != null) {
                out.printf("DescribeRegions / bare endpoint            %6.1f%%  [>= 70%%]%n",
                        100 * regions.stepsPerSecond() / baseline.stepsPerSecond());
            }
            for (Scenarios.DescribePoint p : points) {
                out.printf("DescribeInstances@%-7d / same bytes     %6.1f%%  [>= 50%%]  (%d-byte page)%n", p.instances(),
                        100 * p.describe().stepsPerSecond() / p.sameBytes().stepsPerSecond(), p.responseBytes());
            }
            if (points.size() > 1) {
                Scenarios.DescribePoint first = points.get(0);
                Scenarios.DescribePoint last = points.get(points.size() - 1);
                out.printf("DescribeInstances@%d / @%d          %6.2fx   [>= 0.8x]%n", last.instances(), first.instances(),
                        last.describe().stepsPerSecond() / first.describe().stepsPerSecond());
            }
            if (terminate != null) {
                out.printf("instances terminated per second            %,8.0f  [>= 20,000 on H2]%n",
                        terminate.unitsPerSecond());
            }
            if (!points.isEmpty() && options.plot() != null) {
                Plot.describe(points, options.plot());
                out.println("plot: " + options.plot());
            }
            return results.stream().allMatch(r -> r.errors() == 0);
        } finally {
            Scenarios.await(client.close());
            Scenarios.await(vertx.close());
            if (server != null) {
                server.close();
            }
        }
    }

    private LoadRunner.Result report(List<LoadRunner.Result> results, LoadRunner.Result r) {
        out.println(r.summary());
        results.add(r);
        return r;
    }
}
