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

    private LoadRunner() {
    }

    /**
     * @param requestsPerStep the API requests one step sends (for the CPU per request)
     * @param serverPid the server's process, whose CPU is measured over the window; -1 if unknown
     */
    static RunResult run(Vertx vertx, String name, int users, Duration warmup, Duration duration, Step step,
                         int requestsPerStep, long serverPid, Consumer<String> progress) {
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
        CpuWindow.Sample first;
        CpuWindow.Sample last;
        try {
            sleepUntil(measureFrom);
            first = CpuWindow.Sample.take(serverPid);
            sleepUntil(end);
            last = CpuWindow.Sample.take(serverPid);
            done.future().toCompletionStage().toCompletableFuture().get(120, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the load did not finish: " + e, e);
        } finally {
            vertx.cancelTimer(timer);
        }
        // One event loop drives every caller: the generator's ceiling is one core.
        return new RunResult(name, duration.toNanos() / 1e9, steps.get() * requestsPerStep, errors.get(), units.get(),
                histogram, first.until(last, 1));
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
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
