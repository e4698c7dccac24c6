package dev.localcvm.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one source of time for the whole server: a base clock plus an offset that the admin API
 * advances. Tests build it over a fixed clock; production over the system clock.
 */
public final class ServerClock extends Clock {
    /**
     * How far the clock may be advanced in all: 100 years of 365.25 days (3,155,760,000 s). Far beyond any
     * window a test needs (the recycle bin's 7 days, a token's lifetime), and far enough from the limits of
     * {@link Instant} and of epoch milliseconds that no later arithmetic on the advanced time can overflow.
     */
    public static final Duration MAX_OFFSET = Duration.ofSeconds(3_155_760_000L);

    /** Refused: the advance would take the offset past {@link #MAX_OFFSET}; nothing changed. */
    public static final class OffsetLimitExceeded extends IllegalArgumentException {
        OffsetLimitExceeded(Duration offset, Duration amount) {
            super("advancing " + amount.toSeconds() + " s from the current offset of " + offset.toSeconds()
                    + " s would pass the limit of " + MAX_OFFSET.toSeconds() + " s (100 years)");
        }
    }

    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();
    private volatile OffsetStore store;
    private volatile boolean shared;

    public ServerClock(Clock base) {
        this.base = base;
    }

    public static ServerClock system() {
        return new ServerClock(Clock.systemUTC());
    }

    /** A clock frozen at the given instant (plus whatever is advanced); for tests and vectors. */
    public static ServerClock fixedAt(Instant instant) {
        return new ServerClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    /** Moves the clock forward; refused with {@link OffsetLimitExceeded} when the offset would pass its bound. */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        if (amount.compareTo(MAX_OFFSET) > 0) {
            throw new OffsetLimitExceeded(offset(), amount);
        }
        long millis = amount.toMillis();
        long max = MAX_OFFSET.toMillis();
        OffsetStore s = store;
        if (s == null) {
            long current;
            do {
                current = offsetMillis.get();
                if (current > max - millis) {
                    throw new OffsetLimitExceeded(Duration.ofMillis(current), amount);
                }
            } while (!offsetMillis.compareAndSet(current, current + millis));
        } else {
            OptionalLong total = s.add(millis, max);
            if (total.isEmpty()) {
                throw new OffsetLimitExceeded(Duration.ofMillis(s.read()), amount);
            }
            offsetMillis.set(total.getAsLong());
        }
    }

    /**
     * Keeps the offset in {@code offsets} from now on, starting from what it holds.
     *
     * @param sharedWithReplicas other processes may move it too, so {@link #refresh()} must read it
     */
    public void attach(OffsetStore offsets, boolean sharedWithReplicas) {
        this.store = offsets;
        this.shared = sharedWithReplicas;
        offsetMillis.set(offsets.read());
    }

    /** Whether other processes may move this clock (then every use starts with {@link #refresh()}). */
    public boolean shared() {
        return shared;
    }

    /** Takes the offset another replica may have moved; nothing to do when no replica shares it. */
    public void refresh() {
        OffsetStore s = store;
        if (s != null && shared) {
            offsetMillis.set(s.read());
        }
    }

    /**
     * The clock without the admin offset. Signatures are checked against it: the SDKs stamp requests
     * with the real time, and must keep working after a test has moved the server's clock days ahead.
     */
    public Clock unadvanced() {
        return base;
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    @Override
    public Instant instant() {
        return base.instant().plusMillis(offsetMillis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the server clock is always UTC");
    }
}
