package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The load command runs for a second per scenario and reports numbers; no timing is asserted. */
class BenchSmokeIT {

    @Test
    void everyScenarioRunsAndReports(@TempDir Path dir) {
        String out = bench("--duration", "1s", "--warmup", "0s", "--connections", "4",
                "--instances", "20,40", "--data-dir", dir.resolve("h2").toString(),
                "--plot", dir.resolve("plot.png").toString());

        assertThat(out).contains("== summary ==", "bare Vert.x endpoint", "DescribeRegions", "DescribeInstances@20",
                "DescribeInstances@40", "bare, same bytes@40", "Run+Terminate x100", "instances terminated per second",
                "DescribeRegions / bare endpoint");
        assertThat(out).containsPattern("DescribeRegions +[1-9][0-9]* req/s");
        assertThat(out).doesNotContain("errors 1", "errors 2");
        assertThat(dir.resolve("plot.png")).isRegularFile().isNotEmptyFile();
    }

    @Test
    void theServerStartedHereCanKeepItsStateInMemory() {
        String out = bench("--scenarios", "terminate", "--ephemeral", "--duration", "1s", "--warmup", "0s",
                "--connections", "2");

        assertThat(out).contains("(in memory (ephemeral))", "instances terminated per second").doesNotContain("errors 1");
    }

    /** What {@code localcvm bench args} printed; it must have exited 0. */
    private static String bench(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String[] command = new String[args.length + 1];
            command[0] = "bench";
            System.arraycopy(args, 0, command, 1, args.length);
            exit = new CommandLine(new Main()).execute(command);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        return out;
    }
}
