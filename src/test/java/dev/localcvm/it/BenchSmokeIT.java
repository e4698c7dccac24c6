package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.testing.JarProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load command, run from the packaged jar as a user runs it, starts its servers as processes of their own,
 * runs every scenario for a second and reports numbers, CPU per request and the generator's CPU among them; no
 * timing is asserted.
 */
class BenchSmokeIT {
    private final JarProcesses jar = new JarProcesses();

    @AfterEach
    void stop() {
        jar.close();
    }

    @Test
    void everyLoadScenarioRunsAlternatedAndReportsCpuPerRequest(@TempDir Path dir) throws Exception {
        String out = bench("--duration", "1s", "--warmup", "0s", "--repeat", "2", "--connections", "4",
                "--scenarios", "regions,describe,regions-limited,describe-limited,terminate", "--instances", "20",
                "--data-dir", dir.resolve("h2").toString(), "--plot", dir.resolve("plot.png").toString());

        assertThat(out).contains("== summary", "started localcvm: pid", "started localcvm, rate limits on: pid",
                "started the bare endpoint: pid", "DescribeInstances@20",
                "DescribeInstances@20, limits on", "DescribeRegions, limits on", "Run+Terminate x100",
                "instances terminated per second", "DescribeRegions / bare", "DescribeInstances@20 / bare",
                "DescribeRegions: limits on (raised) / off", "generator ceiling vs bare, same", "limit rule:");
        // Every run of the raw generator reports the server's CPU per request (measured, not n/a) and the generator's.
        assertThat(out).containsPattern("DescribeRegions +[1-9][0-9]* req/s .* server CPU +[0-9.]+ us/req .* generator +[0-9.]+ us/req")
                .containsPattern("bare, same [0-9]+ B +[1-9][0-9]* req/s .* server CPU +[0-9.]+ us/req")
                .containsPattern("DescribeInstances@20 +[1-9][0-9]* req/s .* server CPU +[0-9.]+ us/req")
                .containsPattern("DescribeRegions / bare +CPU/req [0-9.]+x \\([0-9.]+x-[0-9.]+x\\)");
        // (d)'s rounds take about a second on a busy machine: its one-second window may hold none, so no number is asserted.
        assertThat(out).doesNotContainPattern("errors [1-9]");
        assertThat(dir.resolve("plot.png")).isRegularFile().isNotEmptyFile();
    }

    @Test
    void startupAndAStoreInMemory() throws Exception {
        String out = bench("--scenarios", "terminate,startup", "--ephemeral", "--duration", "1s", "--warmup", "0s",
                "--repeat", "1", "--idle", "0s", "--connections", "2");

        assertThat(out).contains("(in memory (ephemeral))", "instances terminated per second")
                .containsPattern("start to healthy, localcvm / bare +[0-9.]+x")
                .containsPattern("idle resident memory, localcvm +[0-9]+ MiB")
                .doesNotContainPattern("errors [1-9]");
    }

    /** What {@code java -jar localcvm.jar bench args} printed; it must have exited 0. */
    private String bench(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "bench";
        System.arraycopy(args, 0, command, 1, args.length);
        JarProcesses.Finished done = jar.run(Duration.ofMinutes(4), Map.of(), command);
        assertThat(done.exitCode()).as(done.stdout() + done.stderr()).isZero();
        return done.stdout();
    }
}
