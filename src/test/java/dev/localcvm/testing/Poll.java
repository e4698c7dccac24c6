package dev.localcvm.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Bounded polling of something that happens in another process (a restarted server catching up on its
 * timers): at most {@code tries} looks, {@code pause} apart, then the test fails with the last value seen.
 */
public final class Poll {
    private Poll() {
    }

    public static <T> T until(String what, int tries, Duration pause, Callable<T> probe, Predicate<T> done)
            throws Exception {
        T last = null;
        for (int i = 0; i < tries; i++) {
            last = probe.call();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(pause.toMillis());
        }
        throw new AssertionError(what + ": not reached after " + tries + " tries " + pause.toMillis()
                + " ms apart; last seen: " + last);
    }
}
