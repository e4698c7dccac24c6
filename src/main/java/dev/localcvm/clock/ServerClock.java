package dev.localcvm.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one source of time for the whole server: a base clock plus an offset that the admin API
 * advances. Tests build it over a fixed clock; production over the system clock.
 */
public final class ServerClock extends Clock {
    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();
    private volatile OffsetStore store;

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

    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        OffsetStore s = store;
        if (s == null) {
            offsetMillis.addAndGet(amount.toMillis());
        } else {
            offsetMillis.set(s.add(amount.toMillis()));
        }
    }

    /** Keeps the offset in {@code offsets} from now on, starting from what it holds. */
    public void attach(OffsetStore offsets) {
        this.store = offsets;
        offsetMillis.set(offsets.read());
    }

    /** Takes the offset another replica may have moved. */
    public void refresh() {
        OffsetStore s = store;
        if (s != null) {
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
