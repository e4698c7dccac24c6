package dev.localcvm.testing.terraform;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The provider's waiters ({@code resource.Retry} of terraform-plugin-sdk v2, {@code helper/retry}): the first try at
 * once, then a wait that starts at 0.5 s and doubles up to 10 s, until the timeout. Instead of sleeping, each wait
 * moves the server's clock forward by that amount (the project's rule: tests advance the clock), so a waiter ends
 * after a bounded number of polls, {@link #maxPolls(Duration)}, whatever the transition delay.
 *
 * <p>The replay runs two branches at once (instance and EIP, as Terraform does); both advance the same clock. That
 * moves the server's time a little faster than either branch alone would, which only makes transitions land
 * sooner; the provider's real waiters do not share a clock with the server at all.
 */
public final class Waiter {
    /** {@code tccommon.ReadRetryTimeout}: TENCENTCLOUD_READ_RETRY_TIMEOUT, default 3 minutes. */
    public static final Duration READ = Duration.ofMinutes(3);
    /** {@code tccommon.WriteRetryTimeout}: TENCENTCLOUD_WRITE_RETRY_TIMEOUT, default 5 minutes. */
    public static final Duration WRITE = Duration.ofMinutes(5);
    /** {@code schema.TimeoutCreate} of tencentcloud_instance: 15 minutes. */
    public static final Duration INSTANCE_CREATE = Duration.ofMinutes(15);
    /** The instance delete's waiters: 5 x ReadRetryTimeout. */
    public static final Duration INSTANCE_DELETE = READ.multipliedBy(5);

    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration MIN = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(10);

    /** The provider's {@code resource.RetryableError}: try again after the next wait. */
    public static final class Retry extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Retry(String reason) {
            super(reason, null, false, false);
        }
    }

    /** One try: answers the result, throws {@link Retry} to poll again, anything else is fatal. */
    @FunctionalInterface
    public interface Attempt<T> {
        T attempt() throws Exception;
    }

    private final Consumer<Duration> advanceClock;

    public Waiter(Consumer<Duration> advanceClock) {
        this.advanceClock = advanceClock;
    }

    /** The wait after {@code previous} ({@code ZERO} before the first): 0.5 s, 1 s, 2 s, 4 s, 8 s, 10 s, 10 s, ... */
    static Duration next(Duration previous) {
        Duration doubled = (previous.isZero() ? FIRST : previous).multipliedBy(2);
        if (doubled.compareTo(MIN) < 0) {
            return MIN;
        }
        return doubled.compareTo(MAX) > 0 ? MAX : doubled;
    }

    /** How many tries fit in {@code timeout}: the first, and one after each wait that ends within it. */
    public static int maxPolls(Duration timeout) {
        int polls = 1;
        Duration elapsed = Duration.ZERO;
        Duration wait = Duration.ZERO;
        while (true) {
            wait = next(wait);
            elapsed = elapsed.plus(wait);
            if (elapsed.compareTo(timeout) > 0) {
                return polls;
            }
            polls++;
        }
    }

    /** Runs {@code attempt} at the provider's cadence until it answers, at most {@link #maxPolls(Duration)} times. */
    public <T> T retry(String what, Duration timeout, Attempt<T> attempt) throws Exception {
        int max = maxPolls(timeout);
        Duration wait = Duration.ZERO;
        String last = null;
        for (int poll = 1; poll <= max; poll++) {
            if (poll > 1) {
                wait = next(wait);
                advanceClock.accept(wait);
            }
            try {
                return attempt.attempt();
            } catch (Retry r) {
                last = r.getMessage();
            }
        }
        throw new AssertionError(what + ": still retrying after " + max + " polls (the provider's timeout of "
                + timeout.toMinutes() + " min); last: " + last);
    }
}
