package dev.localcvm.server;

import dev.localcvm.clock.ServerClock;
import dev.localcvm.cvm.CvmService;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records lifecycle timers that fell due (transitions ending, recycle-bin expiry, purges) and forgets
 * old tombstones. The timers themselves live in the database, so a restarted server, or any replica,
 * picks them up; reads apply due timers on their own, so this only keeps the table current.
 */
final class Sweeper {
    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
    private static final long PERIOD_MILLIS = 1000;
    /**
     * Tombstones past the window are garbage, not state (lookups check the window themselves): once a
     * minute is enough to keep the table to about the window.
     */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    private volatile Instant lastPurge = Instant.MIN;
    private final Vertx vertx;
    private final CvmService service;
    private final ServerClock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    Sweeper(Vertx vertx, CvmService service, ServerClock clock) {
        this.vertx = vertx;
        this.service = service;
        this.clock = clock;
    }

    void start() {
        vertx.setPeriodic(PERIOD_MILLIS, id -> {
            if (running.compareAndSet(false, true)) {
                vertx.executeBlocking(() -> {
                    sweepNow();
                    return null;
                }, false).onComplete(ar -> {
                    running.set(false);
                    if (ar.failed()) {
                        LOG.warn("sweeping due timers failed: {}", ar.cause().toString());
                    }
                });
            }
        });
    }

    /** Sweeps everything due now, on the calling thread. */
    void sweepNow() {
        clock.refresh();
        var now = clock.instant();
        service.sweep(null, null, now);
        if (!now.isBefore(lastPurge.plus(PURGE_EVERY))) {
            service.instances().purgeTombstones(now.minus(service.settings().tombstoneWindow()));
            lastPurge = now;
        }
    }
}
