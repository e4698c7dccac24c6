package dev.localcvm.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code --scenarios startup}: the time from starting a process to its first healthy answer
 * ({@code GET /_localcvm/health} 200), for {@code localcvm serve} on a fresh store and for the bare endpoint,
 * alternated, and each one's resident memory when idle a while after it started. Both run with the launcher's
 * JVM options, so these are what a user of {@code ./localcvm} sees.
 */
final class Startup {
    /** One start: seconds to healthy, resident KiB when idle. */
    record Sample(double seconds, long rssKiB) {
    }

    /** The starts of localcvm and of the bare endpoint, in the order they alternated. */
    record Result(List<Sample> localcvm, List<Sample> bare) {
        Spread seconds(boolean ofLocalcvm) {
            return Spread.of((ofLocalcvm ? localcvm : bare).stream().map(Sample::seconds).toList());
        }

        Spread rssMiB(boolean ofLocalcvm) {
            return Spread.of((ofLocalcvm ? localcvm : bare).stream().map(s -> s.rssKiB() < 0 ? Double.NaN
                    : s.rssKiB() / 1024.0).toList());
        }

        /** localcvm's over the bare endpoint's, round by round. */
        Spread ratio() {
            List<Double> r = new ArrayList<>();
            for (int i = 0; i < Math.min(localcvm.size(), bare.size()); i++) {
                r.add(localcvm.get(i).seconds() / bare.get(i).seconds());
            }
            return Spread.of(r);
        }
    }

    private Startup() {
    }

    /**
     * @param storeArgs the store options of each localcvm start (a fresh data directory each time)
     * @param env added to each process's environment (the default key)
     */
    static Result run(int repeat, Duration idle, Supplier<List<String>> storeArgs, Path work, Map<String, String> env,
                      Consumer<String> out) throws IOException, InterruptedException {
        List<Sample> localcvm = new ArrayList<>();
        List<Sample> bare = new ArrayList<>();
        if (!ChildJvm.withClassData()) {
            out.accept("[startup] note: no class-data archive for this build beside the jar (./localcvm writes it): "
                    + "both sides start without one, slower than through the launcher");
        }
        for (int i = 0; i < repeat; i++) {
            List<String> serve = new ArrayList<>(List.of("serve", "--port"));
            int port = ChildJvm.freePort();
            serve.add(Integer.toString(port));
            serve.addAll(storeArgs.get());
            localcvm.add(once("localcvm serve", serve, port, work.resolve("startup-localcvm-" + i + ".log"), env, idle, out));
            int barePort = ChildJvm.freePort();
            bare.add(once("bare endpoint", List.of("bench-endpoint", "--port", Integer.toString(barePort)), barePort,
                    work.resolve("startup-bare-" + i + ".log"), env, idle, out));
        }
        return new Result(localcvm, bare);
    }

    private static Sample once(String name, List<String> args, int port, Path log, Map<String, String> env, Duration idle,
                               Consumer<String> out) throws IOException, InterruptedException {
        try (ChildJvm child = ChildJvm.start(name, args, port, log, env)) {
            double seconds = child.awaitHealthy(Duration.ofSeconds(120));
            Thread.sleep(idle.toMillis());
            long rss = ProcStats.rssKiB(child.pid());
            out.accept(String.format("[startup] %-16s healthy after %5.2f s, %s resident after %.1f s idle", name, seconds,
                    rss < 0 ? "n/a" : String.format("%.0f MiB", rss / 1024.0), idle.toMillis() / 1000.0));
            return new Sample(seconds, rss);
        }
    }
}
