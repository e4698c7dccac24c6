package dev.localcvm.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP/1.1 load generator as lean as wrk: a few threads, each driving its share of keep-alive
 * connections from one selector, sending pre-built request bytes and reading only the status line, the
 * Content-Length and the first bytes of the body (to tell an API error envelope from an answer). The
 * Vert.x client it replaces parsed every header and chained futures per request, and drew half of what
 * wrk drew from the same server (issue 15): the generator must not be what is measured.
 */
final class RawLoad {
    /** {"Response":{"Error": the 15th byte of an error envelope is the E. */
    private static final int ERROR_MARK_AT = 14;

    private RawLoad() {
    }

    /**
     * Runs {@code connections} callers against {@code address}, each sending {@code request.get()} as soon as
     * its previous request was answered, for {@code warmup} then {@code duration}; CPU is measured over the
     * measured window for {@code serverPid} (-1: unknown) and this process.
     */
    static RunResult run(String name, InetSocketAddress address, Supplier<byte[]> request, int connections,
                         int threads, Duration warmup, Duration duration, long serverPid, Consumer<String> progress) {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Driver> drivers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = connections / threads + (t < connections % threads ? 1 : 0);
            if (share > 0) {
                drivers.add(new Driver(address, request, share, measureFrom, end));
            }
        }
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < drivers.size(); t++) {
            Thread thread = new Thread(drivers.get(t), "bench-load-" + t);
            thread.setDaemon(true);
            thread.start();
            running.add(thread);
        }
        CpuWindow.Sample first = null;
        CpuWindow.Sample last;
        long lastCount = 0;
        long nextTick = start + 1_000_000_000L;
        while (true) {
            long now = System.nanoTime();
            if (first == null && now >= measureFrom) {
                first = CpuWindow.Sample.take(serverPid);
            }
            if (now >= end) {
                last = CpuWindow.Sample.take(serverPid);
                break;
            }
            if (now >= nextTick) {
                long count = drivers.stream().mapToLong(d -> d.completed.get()).sum();
                long errors = drivers.stream().mapToLong(d -> d.errors.get()).sum();
                progress.accept(String.format("[%s] %s %3ds  %8d req/s  errors %d", name,
                        now < measureFrom ? "warm-up" : "measuring", (now - start) / 1_000_000_000L, count - lastCount, errors));
                lastCount = count;
                nextTick += 1_000_000_000L;
            }
            long wake = Math.min(nextTick, first == null ? measureFrom : end);
            sleepNanos(wake - System.nanoTime());
        }
        for (Thread thread : running) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Histogram histogram = new Histogram(60_000_000L, 3);
        long answered = 0;
        long errors = 0;
        for (Driver d : drivers) {
            histogram.add(d.histogram);
            answered += d.answered;
            errors += d.windowErrors;
            if (d.failure != null) {
                throw new IllegalStateException(name + ": " + d.failure.getMessage(), d.failure);
            }
        }
        return new RunResult(name, duration.toNanos() / 1e9, answered, errors, answered, histogram,
                first.until(last, drivers.size()));
    }

    private static void sleepNanos(long nanos) {
        if (nanos > 0) {
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One thread's connections. Only its own thread touches its fields but the two counters for progress. */
    private static final class Driver implements Runnable {
        final AtomicLong completed = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Histogram histogram = new Histogram(60_000_000L, 3);
        long answered;
        long windowErrors;
        volatile Exception failure;
        private final InetSocketAddress address;
        private final Supplier<byte[]> request;
        private final int connections;
        private final long measureFrom;
        private final long end;
        // Direct: a heap buffer would cost a second copy of every answer (the JDK reads into a direct one first).
        private final ByteBuffer in = ByteBuffer.allocateDirect(256 * 1024);
        private int inFlight;

        Driver(InetSocketAddress address, Supplier<byte[]> request, int connections, long measureFrom, long end) {
            this.address = address;
            this.request = request;
            this.connections = connections;
            this.measureFrom = measureFrom;
            this.end = end;
        }

        @Override
        public void run() {
            try (Selector selector = Selector.open()) {
                for (int c = 0; c < connections; c++) {
                    open(selector);
                }
                // After the window, answers still in flight are awaited a little, then abandoned.
                long giveUp = end + 10_000_000_000L;
                while (inFlight > 0 && System.nanoTime() < giveUp) {
                    selector.select(this::ready, 100);
                }
                for (SelectionKey key : selector.keys()) {
                    key.channel().close();
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        private void open(Selector selector) throws IOException {
            SocketChannel ch = SocketChannel.open();
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.connect(address);
            ch.configureBlocking(false);
            Conn conn = new Conn();
            SelectionKey key = ch.register(selector, SelectionKey.OP_READ, conn);
            send(key, conn, System.nanoTime());
        }

        private void send(SelectionKey key, Conn conn, long now) throws IOException {
            if (now >= end) {
                return;
            }
            conn.out = ByteBuffer.wrap(request.get());
            conn.sentAt = now;
            conn.reset();
            conn.waiting = true;
            inFlight++;
            ((SocketChannel) key.channel()).write(conn.out);
            if (conn.out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }

        private void ready(SelectionKey key) {
            Conn conn = (Conn) key.attachment();
            SocketChannel ch = (SocketChannel) key.channel();
            try {
                if (key.isValid() && key.isWritable()) {
                    ch.write(conn.out);
                    if (!conn.out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (key.isValid() && key.isReadable()) {
                    in.clear();
                    int n = ch.read(in);
                    if (n < 0) {
                        throw new IOException("the server closed the connection");
                    }
                    if (conn.consume(in, n)) {
                        finished(key, conn);
                    }
                }
            } catch (IOException e) {
                lost(key, conn);
            }
        }

        private void finished(SelectionKey key, Conn conn) throws IOException {
            long now = System.nanoTime();
            conn.waiting = false;
            inFlight--;
            completed.incrementAndGet();
            boolean ok = conn.status == 200 && !conn.errorEnvelope;
            if (!ok) {
                errors.incrementAndGet();
            }
            // Answers completed inside the window count, whenever they were sent.
            if (now >= measureFrom && now <= end) {
                if (ok) {
                    answered++;
                    histogram.recordValue(Math.min((now - conn.sentAt) / 1000, histogram.getHighestTrackableValue()));
                } else {
                    windowErrors++;
                }
            }
            if (conn.closeAfter) {
                Selector selector = key.selector();
                key.channel().close();
                open(selector);
            } else {
                send(key, conn, now);
            }
        }

        private void lost(SelectionKey key, Conn conn) {
            try {
                key.channel().close();
                if (conn.waiting) {
                    conn.waiting = false;
                    inFlight--;
                    errors.incrementAndGet();
                    if (System.nanoTime() >= measureFrom && System.nanoTime() <= end) {
                        windowErrors++;
                    }
                }
                if (System.nanoTime() < end) {
                    open(key.selector());
                }
            } catch (IOException e) {
                failure = e;
                inFlight = 0;
            }
        }
    }

    /** One connection's response parser: headers up to the blank line, then Content-Length bytes of body. */
    private static final class Conn {
        ByteBuffer out;
        boolean waiting;
        long sentAt;
        int status;
        boolean errorEnvelope;
        boolean closeAfter;
        private final byte[] head = new byte[16 * 1024];
        private int headLength;
        private long bodyLeft = -1;
        private long bodySeen;

        void reset() {
            headLength = 0;
            bodyLeft = -1;
            bodySeen = 0;
            status = 0;
            errorEnvelope = false;
            closeAfter = false;
        }

        /** Takes {@code n} bytes; true once the response is complete. */
        boolean consume(ByteBuffer b, int n) throws IOException {
            int i = 0;
            if (bodyLeft < 0) {
                while (i < n) {
                    if (headLength == head.length) {
                        throw new IOException("response head over " + head.length + " bytes");
                    }
                    byte c = b.get(i++);
                    head[headLength++] = c;
                    if (c == '\n' && headLength >= 4 && head[headLength - 2] == '\r' && head[headLength - 3] == '\n') {
                        parseHead();
                        break;
                    }
                }
                if (bodyLeft < 0) {
                    return false;
                }
            }
            int chunk = (int) Math.min(n - i, bodyLeft);
            if (bodySeen <= ERROR_MARK_AT && ERROR_MARK_AT < bodySeen + chunk) {
                errorEnvelope = b.get(i + (int) (ERROR_MARK_AT - bodySeen)) == 'E';
            }
            bodySeen += chunk;
            bodyLeft -= chunk;
            if (i + chunk < n) {
                throw new IOException("bytes after the response (the generator never pipelines)");
            }
            return bodyLeft == 0;
        }

        private void parseHead() throws IOException {
            if (headLength < 12) {
                throw new IOException("short status line");
            }
            status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
            long length = headerNumber("\ncontent-length:");
            if (length < 0) {
                throw new IOException("a response without Content-Length");
            }
            closeAfter = find("\nconnection: close") >= 0;
            bodyLeft = length;
        }

        private long headerNumber(String name) {
            int at = find(name);
            if (at < 0) {
                return -1;
            }
            long v = 0;
            for (int i = at + name.length(); i < headLength; i++) {
                byte c = head[i];
                if (c >= '0' && c <= '9') {
                    v = v * 10 + (c - '0');
                } else if (c != ' ') {
                    break;
                }
            }
            return v;
        }

        /** Where a lower-case ASCII {@code name} starts in the head, case-insensitively; -1 if absent. */
        private int find(String name) {
            outer:
            for (int i = 0; i + name.length() <= headLength; i++) {
                for (int j = 0; j < name.length(); j++) {
                    byte c = head[i + j];
                    if (c >= 'A' && c <= 'Z') {
                        c += 32;
                    }
                    if (c != name.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
