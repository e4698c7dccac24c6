package dev.localcvm.bench;

import dev.localcvm.embed.LocalCvm;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long an embedded localcvm takes to start (in memory, free port) and to stop, on a JVM that has started
 * one before: what a test class pays for its server once the first class has loaded the code (issue 17).
 *
 * <p>Run with {@code bench/jmh EmbedStart}; not a test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@Fork(1)
public class EmbedStartBenchmark {
    @Benchmark
    public int startAndClose() {
        try (LocalCvm cvm = LocalCvm.builder().transitionDelay(Duration.ZERO).start()) {
            return cvm.port();
        }
    }
}
