package dev.localcvm.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The end of the bench's output: each figure as median (min-max) over the repeated runs, then the headline
 * ratios of server CPU per request against the bare endpoint serving the same bytes (throughput ratios
 * beside them), the limiter's cost, what limited each run, and the generator's own ceiling.
 */
final class Report {
    /** A comparison and what its contenders are: 0 localcvm, 1 the bare endpoint, 2 (optional) limits on. */
    record Measured(String what, String target, Comparison comparison, int instances) {
    }

    private final PrintStream out;
    private final List<Measured> comparisons = new ArrayList<>();
    private final List<RunResult> terminate = new ArrayList<>();
    private Startup.Result startup;

    Report(PrintStream out) {
        this.out = out;
    }

    void add(Measured m) {
        comparisons.add(m);
    }

    void terminate(RunResult r) {
        terminate.add(r);
    }

    void startup(Startup.Result r) {
        startup = r;
    }

    /** @return whether every run finished without errors */
    boolean print(Path plot) throws IOException {
        out.println();
        out.println("== summary: median (min-max) over the repeated runs ==");
        out.printf("%-40s %-24s %-22s %-22s %-26s %-20s %s%n", "run", "req/s", "p50 ms", "p99.9 ms",
                "server CPU us/req", "generator us/req", "limit (runs)");
        List<RunResult> all = new ArrayList<>();
        for (Measured m : comparisons) {
            for (int c = 0; c < m.comparison().size(); c++) {
                row(m.comparison().label(c), m.comparison().results(c));
                all.addAll(m.comparison().results(c));
            }
        }
        if (!terminate.isEmpty()) {
            row(terminate.get(0).name(), terminate);
            out.println("  " + terminate.get(0).name() + ": instances terminated per second "
                    + Spread.of(terminate.stream().map(RunResult::unitsPerSecond).toList()).show("%,.0f")
                    + ", server CPU per instance " + Spread.of(terminate.stream().map(r -> r.cpu().serverCpuSeconds()
                    * 1e6 / Math.max(1, r.units())).toList()).show("%.1f") + " us  [>= 20,000 instances/s on H2]");
            all.addAll(terminate);
        }
        out.println();
        out.println("== headline: server CPU per request, ratio to the bare endpoint serving the same bytes (same rounds) ==");
        for (Measured m : comparisons) {
            Comparison c = m.comparison();
            out.printf("%-44s CPU/req %-22s [%s]  req/s %s%n", m.what() + " / bare", c.ratio(0, 1, RunResult::serverMicrosPerRequest)
                    .show("%.2fx"), m.target(), c.ratio(0, 1, RunResult::requestsPerSecond).show("%.2fx"));
        }
        for (Measured m : comparisons) {
            Comparison c = m.comparison();
            if (c.size() > 2) {
                out.printf("%-44s CPU/req %-22s [small]  req/s %s%n", m.what() + ": limits on (raised) / off",
                        c.ratio(2, 0, RunResult::serverMicrosPerRequest).show("%.2fx"),
                        c.ratio(2, 0, RunResult::requestsPerSecond).show("%.2fx"));
            }
        }
        if (startup != null) {
            out.printf("%-44s %-30s [<= 2x]  localcvm %s s, bare %s s%n", "start to healthy, localcvm / bare",
                    startup.ratio().show("%.2fx"), startup.seconds(true).show("%.2f"), startup.seconds(false).show("%.2f"));
            out.printf("%-44s %-30s [<= 150 MB]  bare %s MiB%n", "idle resident memory, localcvm",
                    startup.rssMiB(true).show("%.0f") + " MiB", startup.rssMiB(false).show("%.0f"));
        }
        generator(all);
        plot(plot);
        return all.stream().allMatch(r -> r.errors() == 0);
    }

    private void row(String label, List<RunResult> runs) {
        long generatorBound = runs.stream().filter(r -> r.cpu().generatorLimited()).count();
        String limits = runs.stream().map(r -> r.cpu().limit()).distinct().reduce((a, b) -> a + "; " + b).orElse("");
        out.printf("%-40s %-24s %-22s %-22s %-26s %-20s %s%s%n", label, of(runs, RunResult::requestsPerSecond, "%,.0f"),
                of(runs, r -> r.percentileMillis(50), "%.2f"), of(runs, r -> r.percentileMillis(99.9), "%.2f"),
                of(runs, RunResult::serverMicrosPerRequest, "%.1f"), of(runs, RunResult::generatorMicrosPerRequest, "%.1f"),
                limits, generatorBound > 0 ? "  <- GENERATOR-LIMITED in " + generatorBound + " of " + runs.size() : "");
    }

    private static String of(List<RunResult> runs, Function<RunResult, Double> f, String format) {
        return Spread.of(runs.stream().map(f).toList()).show(format);
    }

    /** The generator's ceiling: what it drew from the bare endpoint, and its own CPU per request. */
    private void generator(List<RunResult> all) {
        long limited = all.stream().filter(r -> r.cpu().generatorLimited()).count();
        out.println();
        out.printf("generator: the limit in %d of %d runs%s%n", limited, all.size(), limited == 0 ? ""
                : " (their throughput ratios say little; CPU per request still compares)");
        for (Measured m : comparisons) {
            List<RunResult> bare = m.comparison().results(1);
            Spread drawn = Spread.of(bare.stream().map(RunResult::requestsPerSecond).toList());
            Spread own = Spread.of(bare.stream().map(RunResult::generatorMicrosPerRequest).toList());
            int threads = bare.isEmpty() ? 1 : bare.get(0).cpu().generatorThreads();
            out.printf("generator ceiling vs %-36s drew %s req/s at %s us of its CPU per request: alone on %d "
                    + "core(s) about %,.0f req/s%n", m.comparison().label(1), drawn.show("%,.0f"), own.show("%.1f"),
                    threads, threads * 1e6 / own.median());
        }
    }

    private void plot(Path file) throws IOException {
        List<Plot.Point> points = new ArrayList<>();
        for (Measured m : comparisons) {
            if (m.instances() > 0) {
                points.add(new Plot.Point(m.instances(),
                        Spread.of(m.comparison().results(0).stream().map(RunResult::serverMicrosPerRequest).toList()).median(),
                        Spread.of(m.comparison().results(1).stream().map(RunResult::serverMicrosPerRequest).toList()).median()));
            }
        }
        if (file != null && !points.isEmpty() && points.stream().noneMatch(p -> Double.isNaN(p.localcvm()))) {
            Plot.describe(points, file);
            out.println("plot: " + file);
        }
    }
}
