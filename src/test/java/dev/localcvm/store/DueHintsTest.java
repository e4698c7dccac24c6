package dev.localcvm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A hint is kept only from a check no write overlapped, and used only until the next timer or the next write. */
class DueHintsTest {
    private static final String UIN = "100000000001";
    private static final String REGION = "ap-guangzhou";

    @Test
    void aHintLastsUntilTheNextTimerOrTheHorizon() {
        DueHints hints = new DueHints(true);
        hints.learn(UIN, REGION, hints.beforeCheck(), 1_000, (from, to) -> 5_000L);
        assertThat(hints.nothingDue(UIN, REGION, 4_999)).isTrue();
        assertThat(hints.nothingDue(UIN, REGION, 5_000)).as("the timer's own moment").isFalse();
        assertThat(hints.nothingDue(UIN, "ap-shanghai", 2_000)).as("another region").isFalse();

        hints.learn(UIN, REGION, hints.beforeCheck(), 1_000, (from, to) -> null);
        assertThat(hints.nothingDue(UIN, REGION, 1_000 + DueHints.HORIZON_MILLIS)).isTrue();
        assertThat(hints.nothingDue(UIN, REGION, 1_001 + DueHints.HORIZON_MILLIS)).isFalse();
    }

    @Test
    void theNextTimerIsAskedForWithinTheHorizonAfterNow() {
        DueHints hints = new DueHints(true);
        long[] asked = new long[2];
        hints.learn(UIN, REGION, hints.beforeCheck(), 1_000, (from, to) -> {
            asked[0] = from;
            asked[1] = to;
            return null;
        });
        assertThat(asked).containsExactly(1_001, 1_000 + DueHints.HORIZON_MILLIS);
    }

    @Test
    void aWriteEndsEveryHint() {
        DueHints hints = new DueHints(true);
        hints.learn(UIN, REGION, hints.beforeCheck(), 1_000, (from, to) -> null);
        hints.writing(() -> assertThat(hints.nothingDue(UIN, REGION, 2_000)).as("while writing").isFalse());
        assertThat(hints.nothingDue(UIN, REGION, 2_000)).as("after the write").isFalse();
    }

    @Test
    void aCheckAWriteOverlappedIsNotKept() {
        DueHints hints = new DueHints(true);
        hints.writing(() -> {
            long token = hints.beforeCheck();
            assertThat(token).as("a write in flight").isNegative();
            hints.learn(UIN, REGION, token, 1_000, (from, to) -> null);
        });
        assertThat(hints.nothingDue(UIN, REGION, 2_000)).as("checked while a write was in flight").isFalse();

        long token = hints.beforeCheck();
        hints.writing(() -> { });
        hints.learn(UIN, REGION, token, 1_000, (from, to) -> null);
        assertThat(hints.nothingDue(UIN, REGION, 2_000)).as("a write started during the check").isFalse();
    }

    @Test
    void withoutTheStoreToItselfNothingIsSkipped() {
        DueHints hints = new DueHints(false);
        AtomicInteger asked = new AtomicInteger();
        hints.learn(UIN, REGION, hints.beforeCheck(), 1_000, (from, to) -> {
            asked.incrementAndGet();
            return null;
        });
        assertThat(hints.nothingDue(UIN, REGION, 1_000)).isFalse();
        assertThat(asked).as("no statement to ask the next timer").hasValue(0);
    }
}
