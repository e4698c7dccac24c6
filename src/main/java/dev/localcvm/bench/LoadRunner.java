package dev.localcvm.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code users} concurrent callers, each starting its next step as soon as the
 * previous one answered, for a fixed time after a warm-up. Steps run on the Vert.x event loop, so
 * latency is measured without a thread hop.
 */
final class LoadRunner {
    /** What one round of a caller does; completes with the units of work done (requests, instances). */
    interface Step extends Supplier<Future<Long>> {
    }

    record Result(String name, double seconds, long steps, long errors, long units, Histogram latencyMicros) {
        double stepsPerSecond() {
            return steps / seconds;
        }

        double unitsPerSecond() {
            return units / seconds;
        }

        double percentileMillis(double p) {
            return latencyMicros.getValueAtPercentile(p) / 1000.0;
        }

        String summary() {
            return String.format("%-28s %10.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  errors %d%s",
                    name, stepsPerSecond(), percentileMillis(50), percentileMillis(99), percentileMillis(99.9), errors,
                    units != steps ? String.format("  (%.0f units/s)", unitsPerSecond()) : "");
        }
    }

    private LoadRunner() {
    }

    static Result run(Vertx vertx, String name, int users, Duration warmup, Duration duration, Step step,
                      Consumer<String> progress) {
        Histogram histogram = new Histogram(60_000_000L, 3);
        AtomicLong steps = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong units = new AtomicLong();
        // Every completion, warm-up included, for the progress line only.
        AtomicLong completed = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        AtomicInteger running = new AtomicInteger(users);
        Promise<Void> done = Promise.promise();
        long[] lastSteps = {0};
        long timer = vertx.setPeriodic(1000, id -> {
            long now = System.nanoTime();
            long total = completed.get();
            String phase = now < measureFrom ? "warm-up" : "measuring";
            progress.accept(String.format("[%s] %s %3ds  %8d req/s  errors %d", name, phase,
                    (now - start) / 1_000_000_000L, total - lastSteps[0], errors.get()));
            lastSteps[0] = total;
        });
        vertx.runOnContext(v -> {
            for (int u = 0; u < users; u++) {
                loop(step, histogram, steps, errors, units, completed, measureFrom, end, running, done);
            }
        });
        try {
            done.future().toCompletionStage().toCompletableFuture().get(duration.plus(warmup).toSeconds() + 120,
                    java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the load did not finish: " + e, e);
        } finally {
            vertx.cancelTimer(timer);
        }
        return new Result(name, duration.toNanos() / 1e9, steps.get(), errors.get(), units.get(), histogram);
    }

    private static void loop(Step step, Histogram histogram, AtomicLong steps, AtomicLong errors, AtomicLong units,
                             AtomicLong completed, long measureFrom, long end, AtomicInteger running, Promise<Void> done) {
        long t0 = System.nanoTime();
        if (t0 >= end) {
            if (running.decrementAndGet() == 0) {
                done.tryComplete();
            }
            return;
        }
        step.get().onComplete(ar -> {
            long t1 = System.nanoTime();
            completed.incrementAndGet();
            // Completions inside the window count, whenever the step began: counting only steps that also
            // began inside it would leave out about one latency's worth of the window (a tenth of (d)).
            if (t1 >= measureFrom && t1 <= end) {
                if (ar.succeeded()) {
                    steps.incrementAndGet();
                    units.addAndGet(ar.result());
                    synchronized (histogram) {
                        histogram.recordValue(Math.min((t1 - t0) / 1000, histogram.getHighestTrackableValue()));
                    }
                } else {
                    errors.incrementAndGet();
                }
            }
            loop(step, histogram, steps, errors, units, completed, measureFrom, end, running, done);
        });
    }
}
