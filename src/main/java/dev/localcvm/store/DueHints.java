package dev.localcvm.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For each account and region, until when nothing of it falls due, as last seen by a read: the due check before a
 * read (one statement of DescribeInstances' four) is skipped until then, or until any instance is written.
 *
 * <p>Only where this server is the store's one writer ({@link StoreConfig#soleWriter}: an H2 file, which H2 locks to
 * one process, or an ephemeral store): there every write of instances goes through {@link #writing}, so a hint taken
 * while no write was in flight, and with none started since, still describes the table. Where another process may
 * write (replicas on PostgreSQL, H2 over TCP), every read checks, as before.
 */
final class DueHints {
    /** How far ahead a read looks for the next timer; with none that near, the hint lasts this long. */
    static final long HORIZON_MILLIS = 60_000;

    private record Scope(String uin, String region) {
    }

    /** Nothing of the scope falls due before {@code nextDue}, as long as no write has started after {@code writes}. */
    private record Hint(long writes, long nextDue) {
    }

    private final boolean enabled;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private final Cache<Scope, Hint> hints = Caffeine.newBuilder().maximumSize(10_000).build();

    DueHints(boolean enabled) {
        this.enabled = enabled;
    }

    /** Runs a write of instances; a hint taken before it ends is not kept, and none taken before it starts is used. */
    void writing(Runnable write) {
        started.incrementAndGet();
        try {
            write.run();
        } finally {
            finished.incrementAndGet();
        }
    }

    /** Whether a hint says nothing of the scope is due at {@code now}. */
    boolean nothingDue(String uin, String region, long now) {
        if (!enabled) {
            return false;
        }
        Hint hint = hints.getIfPresent(new Scope(uin, region));
        return hint != null && hint.writes() == started.get() && now < hint.nextDue();
    }

    /**
     * Taken before a due check: the writes started so far, or -1 while one is in flight. Reading the finished count
     * first makes equal counts mean that every write started by then had also finished, so its change is visible.
     */
    long beforeCheck() {
        long f = finished.get();
        long s = started.get();
        return enabled && s == f ? s : -1;
    }

    /**
     * After a due check found nothing at {@code now}: asks when the next timer is (the database's answer within the
     * horizon, or null) and keeps it, unless a write started meanwhile.
     */
    void learn(String uin, String region, long token, long now, NextDue next) {
        if (token < 0) {
            return;
        }
        Long due = next.within(now + 1, now + HORIZON_MILLIS);
        if (started.get() == token) {
            hints.put(new Scope(uin, region), new Hint(token, due != null ? due : now + HORIZON_MILLIS + 1));
        }
    }

    /** The earliest timer of the scope in [from, to], or null. */
    @FunctionalInterface
    interface NextDue {
        Long within(long from, long to);
    }
}
