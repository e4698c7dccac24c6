package dev.localcvm.store;

import java.sql.SQLException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;

/**
 * Group commit for the H2 file store: a request that changed something waits, before it answers, until
 * its committed transaction is written to the file; one write (H2's CHECKPOINT, which stores every
 * committed change as one chunk) serves every request that committed before it began.
 *
 * <p>Writing the file at each commit instead (WRITE_DELAY=0) serialised requests on the file and wrote
 * the pages they share once per request. The guarantee is the same: an answered change survives
 * {@code kill -9}. The difference is that a concurrent reader may see a change a moment before it is in
 * the file, while its writer still waits for it.
 */
final class GroupFlush {
    private final DataSource dataSource;
    private final Object lock = new Object();
    /**
     * Shared by the transactions that write instances in bulk, exclusive for a write. H2 writes an open
     * transaction into the file too: its undo log (for a delete, the whole old row) and both versions of each
     * row it changed, all written again once it commits. With a write never meeting such a transaction half
     * done, the file took a third fewer bytes per launched and destroyed instance in scenario (d).
     */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    /** Tickets handed out: a ticket is taken after the caller's commit. */
    private long requested;
    /** Every ticket up to this one is in the file. */
    private long written;
    private boolean writing;

    GroupFlush(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns once everything this thread committed is written to the file. */
    void await() {
        long ticket;
        synchronized (lock) {
            ticket = ++requested;
        }
        while (true) {
            long upTo;
            synchronized (lock) {
                while (writing && written < ticket) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the store to write", e);
                    }
                }
                if (written >= ticket) {
                    return;
                }
                // Leader: this write covers every ticket taken so far, since each was taken after its commit.
                writing = true;
                upTo = requested;
            }
            boolean done = false;
            try {
                checkpoint();
                done = true;
            } finally {
                synchronized (lock) {
                    writing = false;
                    if (done) {
                        written = Math.max(written, upTo);
                    }
                    lock.notifyAll();
                }
            }
        }
    }

    /**
     * Held around a whole write transaction: the next write waits for it to end, and it waits for a write
     * under way. Never hold it while calling {@link #await()}, which would wait for itself.
     */
    Lock transactionGate() {
        return gate.readLock();
    }

    /**
     * Forces what H2 has written to the disk ({@code CHECKPOINT SYNC}). A group write leaves that to the operating
     * system, which may hold writes back for half a minute; H2 keeps a dead chunk's space unused for its retention
     * time so that a power loss meanwhile finds the old chunks intact. Synced each second, the file can have a
     * retention of seconds ({@link StoreConfig#h2File}), and a power loss loses about a second.
     */
    void sync() {
        run("CHECKPOINT SYNC");
    }

    private void checkpoint() {
        run("CHECKPOINT");
    }

    private void run(String checkpoint) {
        gate.writeLock().lock();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(checkpoint);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the store: " + e.getMessage(), e);
        } finally {
            gate.writeLock().unlock();
        }
    }
}
