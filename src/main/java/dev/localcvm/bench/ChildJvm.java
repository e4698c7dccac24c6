package dev.localcvm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process of this very program ({@code java -jar localcvm.jar ARGS}, as the launcher runs it), started by
 * the bench so that what it measures (CPU, memory, start-up) belongs to that process alone. Its output goes
 * to a file: a pipe nobody drains would stop it, and draining it here would cost the generator's CPU.
 */
final class ChildJvm implements AutoCloseable {
    /**
     * The JVM options the {@code localcvm} launcher script gives before {@code LOCALCVM_JAVA_OPTS} (its memory
     * defaults), so that a child runs as an operator's server does; ChildJvmTest holds the two lists equal.
     */
    static final List<String> LAUNCHER_OPTIONS = List.of("-Xms16m", "-XX:G1PeriodicGCInterval=15000",
            "-XX:-G1PeriodicGCInvokesConcurrent", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
    /** The launcher's native-heap trimming, given only on JDKs that have the option ({@link #trimOptions}). */
    static final List<String> TRIM_OPTIONS = List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000");
    private final String name;
    private final Process process;
    private final int port;
    private final long startedAt;
    private final Path log;

    private ChildJvm(String name, Process process, int port, long startedAt, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.startedAt = startedAt;
        this.log = log;
    }

    /**
     * The launcher's class-data-sharing options when it has written its archive beside the jar
     * ({@code target/localcvm.jsa}) for this build; none otherwise (run from classes, never started through the
     * launcher, or an archive older than the jar, which the launcher would write again and the JVM ignores).
     */
    static List<String> classDataOptions(Path code) {
        if (code == null || !code.toString().endsWith(".jar")) {
            return List.of();
        }
        Path archive = code.resolveSibling("localcvm.jsa");
        try {
            boolean current = java.nio.file.Files.isRegularFile(archive) && !java.nio.file.Files.getLastModifiedTime(code)
                    .toInstant().isAfter(java.nio.file.Files.getLastModifiedTime(archive).toInstant());
            return current ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off") : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * {@link #TRIM_OPTIONS} when {@code jdk} has TrimNativeHeapInterval (17.0.9 and later 17s, 21 and later), as the
     * launcher decides from the JDK's release file; none for the JDKs that would refuse to start with it.
     */
    static List<String> trimOptions(Runtime.Version jdk) {
        boolean has = jdk.feature() >= 21 || jdk.feature() == 17 && jdk.update() >= 9;
        return has ? TRIM_OPTIONS : List.of();
    }

    /** Whether children of this process start with the launcher's class-data archive. */
    static boolean withClassData() {
        return !classDataOptions(codeLocation()).isEmpty();
    }

    /**
     * Starts {@code localcvm ARGS} with the launcher's JVM options ({@link #LAUNCHER_OPTIONS}, its trimming where the
     * JDK has it, its class-data archive
     * when there is one, then {@code LOCALCVM_JAVA_OPTS} split on white space as the launcher's shell does) and
     * {@code env} added to this environment.
     */
    static ChildJvm start(String name, List<String> args, int port, Path log, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAUNCHER_OPTIONS);
        command.addAll(trimOptions(Runtime.version()));
        Path code = codeLocation();
        command.addAll(classDataOptions(code));
        String opts = System.getenv("LOCALCVM_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            command.addAll(Arrays.asList(opts.trim().split("\\s+")));
        }
        if (code != null && code.toString().endsWith(".jar")) {
            command.addAll(List.of("-jar", code.toString()));
        } else {
            // Run from classes (an IDE, a test): the same program on this process's class path.
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), dev.localcvm.Main.class.getName()));
        }
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        pb.environment().putAll(env);
        long startedAt = System.nanoTime();
        return new ChildJvm(name, pb.start(), port, startedAt, log);
    }

    /** A port free at the moment of asking, for a child to listen on. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    /**
     * Waits for {@code GET /_localcvm/health} to answer 200, polling every 5 ms; answers the seconds from
     * just before the process was started to that answer.
     */
    double awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = startedAt + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + ": " + tail());
            }
            if (healthStatus(port) == 200) {
                return (System.nanoTime() - startedAt) / 1e9;
            }
            Thread.sleep(5);
        }
        throw new IOException(name + " not healthy within " + timeout + ": " + tail());
    }

    /** The status of one {@code GET /_localcvm/health}; -1 when nothing answers. */
    static int healthStatus(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /_localcvm/health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] line = in.readNBytes(12);
            if (line.length < 12) {
                return -1;
            }
            return Integer.parseInt(new String(line, 9, 3, StandardCharsets.US_ASCII));
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** The last lines the process printed, for a message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static Path codeLocation() {
        try {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            return null;
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 20 s) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
