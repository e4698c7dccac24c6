package dev.localcvm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class GroupFlushTest {
    /** The changes committed so far, numbered; and up to which number a finished write covers. */
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong inFile = new AtomicLong();
    private volatile boolean failNext;
    /** Up to which change the last CHECKPOINT SYNC made durable. */
    private final AtomicLong synced = new AtomicLong(-1);

    /** A data source whose CHECKPOINT "writes" exactly what was committed when it began. */
    private DataSource store() {
        Statement statement = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Statement.class}, (p, m, args) -> {
                    if (m.getName().equals("execute") && ((String) args[0]).startsWith("CHECKPOINT")) {
                        if (failNext) {
                            failNext = false;
                            throw new SQLException("disk full");
                        }
                        long upTo = committed.get();
                        Thread.yield();
                        inFile.accumulateAndGet(upTo, Math::max);
                        if (args[0].equals("CHECKPOINT SYNC")) {
                            synced.set(upTo);
                        }
                        return false;
                    }
                    return null;
                });
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, args) -> m.getName().equals("createStatement") ? statement : null);
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (p, m, args) -> m.getName().equals("getConnection") ? connection : null);
    }

    @Test
    void everyWaiterReturnsOnlyOnceAWriteThatBeganAfterItsCommitFinished() throws Exception {
        GroupFlush flush = new GroupFlush(store());
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            Thread thread = new Thread(() -> {
                for (int n = 0; n < 500; n++) {
                    long mine = committed.incrementAndGet();
                    flush.await();
                    if (inFile.get() < mine) {
                        violations.add("change " + mine + " answered while the file held up to " + inFile.get());
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertThat(violations).isEmpty();
        assertThat(inFile.get()).isEqualTo(16 * 500);
    }

    @Test
    void aWriteWaitsForABulkTransactionUnderWaySoThatItNeverStoresOneHalfDone() throws Exception {
        GroupFlush flush = new GroupFlush(store());
        var transaction = flush.transactionGate();
        transaction.lock();
        committed.incrementAndGet();
        Thread waiter = startedUntilItWaits(flush::await);
        assertThat(waiter.isAlive()).as("the write waits for the transaction").isTrue();
        assertThat(inFile.get()).isZero();
        transaction.unlock();
        waiter.join(10_000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(inFile.get()).isEqualTo(1);
    }

    @Test
    void aSyncWaitsForABulkTransactionLikeAWriteAndAFailedOneSaysWhy() throws Exception {
        GroupFlush flush = new GroupFlush(store());
        var transaction = flush.transactionGate();
        transaction.lock();
        committed.incrementAndGet();
        Thread syncer = startedUntilItWaits(flush::sync);
        assertThat(syncer.isAlive()).as("the sync waits for the transaction").isTrue();
        assertThat(synced.get()).isEqualTo(-1);
        transaction.unlock();
        syncer.join(10_000);
        assertThat(syncer.isAlive()).isFalse();
        assertThat(synced.get()).isEqualTo(1);

        failNext = true;
        assertThatThrownBy(flush::sync).isInstanceOf(IllegalStateException.class).hasMessageContaining("disk full");
    }

    @Test
    void aFailedWriteFailsItsWaiterAndTheNextWaiterWritesAgain() {
        GroupFlush flush = new GroupFlush(store());
        committed.incrementAndGet();
        failNext = true;
        assertThatThrownBy(flush::await).hasMessageContaining("disk full");
        assertThat(inFile.get()).isZero();
        committed.incrementAndGet();
        flush.await();
        assertThat(inFile.get()).isEqualTo(2);
    }

    /** {@code work} on a thread of its own, once that thread waits (or has ended), for at most 10 s. */
    private static Thread startedUntilItWaits(Runnable work) {
        Thread t = new Thread(work);
        t.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (t.getState() != Thread.State.WAITING && t.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return t;
    }
}
