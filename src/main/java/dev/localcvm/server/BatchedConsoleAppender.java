package dev.localcvm.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/**
 * Writes log lines to standard output in batches, a few times a second, and never makes the logging
 * thread wait for the console.
 *
 * <p>The access log writes a line per request. Through logback's AsyncAppender in front of its ConsoleAppender,
 * each line cost a hand-over to the appender's thread (a wake-up, often a system call) and then a write system
 * call of its own: together more than the rest of a cheap request's logging. Here the calling thread formats
 * the line with the configured encoder (the same text as before) and appends it to a buffer; a daemon thread
 * writes what has gathered every {@link #FLUSH_MILLIS} ms (by default), and once more when the JVM exits. As with
 * AsyncAppender's {@code neverBlock}, lines are dropped (and counted) rather than block the server when the
 * console does not keep up: beyond {@link #setMaxPendingBytes} bytes waiting.
 */
public final class BatchedConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    static final long FLUSH_MILLIS = 50;

    private Encoder<ILoggingEvent> encoder;
    private long flushMillis = FLUSH_MILLIS;
    private int maxPendingBytes = 4 << 20;
    private final Object lock = new Object();
    /** Serialises flushes (the timer's and the exit hook's), so that batches are written in order. */
    private final Object writeLock = new Object();
    private ByteArrayOutputStream pending = new ByteArrayOutputStream(64 * 1024);
    private ByteArrayOutputStream spare = new ByteArrayOutputStream(64 * 1024);
    private long dropped;
    private Thread flusher;
    private Thread exitHook;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public void setMaxPendingBytes(int maxPendingBytes) {
        this.maxPendingBytes = maxPendingBytes;
    }

    public void setFlushMillis(long flushMillis) {
        this.flushMillis = flushMillis;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("No encoder set for the appender named \"" + name + "\".");
            return;
        }
        flusher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(flushMillis);
                } catch (InterruptedException e) {
                    return;
                }
                flush();
            }
        }, "localcvm-log-flusher");
        flusher.setDaemon(true);
        flusher.start();
        exitHook = new Thread(this::flush, "localcvm-log-flush-at-exit");
        Runtime.getRuntime().addShutdownHook(exitHook);
        super.start();
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        flusher.interrupt();
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // Already exiting: the hook runs anyway.
        }
        flush();
    }

    @Override
    protected void append(ILoggingEvent event) {
        byte[] line = encoder.encode(event);
        synchronized (lock) {
            if (pending.size() + line.length > maxPendingBytes) {
                dropped++;
                return;
            }
            pending.write(line, 0, line.length);
        }
    }

    /** Writes what has gathered, in one write; exposed for tests. */
    void flush() {
        synchronized (writeLock) {
            ByteArrayOutputStream batch;
            long lost;
            synchronized (lock) {
                if (pending.size() == 0 && dropped == 0) {
                    return;
                }
                batch = pending;
                pending = spare;
                spare = batch;
                lost = dropped;
                dropped = 0;
            }
            PrintStream out = System.out; // looked up each time, as ConsoleAppender does: tests may redirect it
            if (lost > 0) {
                out.print("(localcvm: " + lost + " log lines dropped: the console did not keep up)"
                        + System.lineSeparator());
            }
            try {
                batch.writeTo(out);
            } catch (java.io.IOException e) {
                // A PrintStream does not throw; it records the error, as it does for ConsoleAppender.
            }
            out.flush();
            batch.reset();
        }
    }
}
