package dev.localcvm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar ({@code localcvm.jar}, whose path failsafe passes in the system property of that name)
 * run as a user runs it: {@code java -jar localcvm.jar ARGS}. Every process started here is killed by
 * {@link #close()} if the test left it running.
 */
public final class JarProcesses implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final long BANNER_SECONDS = 60;
    private final List<Process> started = new ArrayList<>();

    /** A started server process, the port from its banner, the banner, and everything it printed so far. */
    public record Served(Process process, int port, String banner, BlockingQueue<String> output) {
        /** What the process printed after its banner (for failure messages). */
        public String laterOutput() {
            List<String> lines = new ArrayList<>();
            output.drainTo(lines);
            return String.join("\n", lines);
        }

        /** The official SDK client for this server, TC3 over POST. */
        public CvmClient cvm(String secretId, String secretKey, String region) {
            return client(port, secretId, secretKey, region);
        }

        /**
         * Kills the process with SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no
         * flush, no close. Answers once the process is gone.
         */
        public void kill9() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("gone after SIGKILL").isTrue();
            // 128 + 9: the JVM reports a process that died of signal 9 so.
            assertThat(process.exitValue()).as("exit status of a process killed by SIGKILL").isEqualTo(137);
        }
    }

    /** A process that ran to its end. */
    public record Finished(int exitCode, String stdout, String stderr) {
    }

    /**
     * Starts {@code localcvm serve ARGS} with the SDK key variables removed from the environment (then
     * {@code env} added), and waits (at most 60 s) for its banner.
     */
    public Served serve(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return serveIn(null, env, args);
    }

    /** {@link #serve} with {@code workingDirectory} as the process's working directory (null: this JVM's). */
    public Served serveIn(Path workingDirectory, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", jar(), "serve"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (workingDirectory != null) {
            pb.directory(workingDirectory.toFile());
        }
        pb.environment().remove("TENCENTCLOUD_SECRET_ID");
        pb.environment().remove("TENCENTCLOUD_SECRET_KEY");
        pb.environment().putAll(env);
        Process process = start(pb);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }, "localcvm-process-output");
        reader.setDaemon(true);
        reader.start();
        StringBuilder banner = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BANNER_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                if (!process.isAlive() && lines.isEmpty()) {
                    throw new AssertionError("the server exited with " + process.exitValue() + " before its banner: "
                            + banner);
                }
                continue;
            }
            banner.append(line).append('\n');
            if (line.startsWith("  admin API:")) {
                Matcher m = LISTENING.matcher(banner);
                assertThat(m.find()).as("banner: %s", banner).isTrue();
                return new Served(process, Integer.parseInt(m.group(1)), banner.toString(), lines);
            }
        }
        throw new AssertionError("no banner within " + BANNER_SECONDS + " s: " + banner);
    }

    /** Runs {@code localcvm ARGS} to its end (at most {@code timeout}), stdout and stderr apart. */
    public Finished run(Duration timeout, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", jar()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("TENCENTCLOUD_SECRET_ID");
        pb.environment().remove("TENCENTCLOUD_SECRET_KEY");
        pb.environment().putAll(env);
        Process process = start(pb);
        process.getOutputStream().close();
        CompletableFuture<String> out = readAll(process.getInputStream());
        CompletableFuture<String> err = readAll(process.getErrorStream());
        assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .as("localcvm %s ended within %s", String.join(" ", args), timeout).isTrue();
        return new Finished(process.exitValue(), out.join(), err.join());
    }

    private Process start(ProcessBuilder pb) throws IOException {
        Process process = pb.start();
        synchronized (started) {
            started.add(process);
        }
        return process;
    }

    private static CompletableFuture<String> readAll(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        });
    }

    /** The official SDK client for a server on {@code port}, TC3 over POST. */
    public static CvmClient client(int port, String secretId, String secretKey, String region) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint("127.0.0.1:" + port);
        http.setProtocol(HttpProfile.REQ_HTTP);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return new CvmClient(new Credential(secretId, secretKey), region, profile);
    }

    /** The packaged jar, from the system property {@code localcvm.jar} that failsafe sets. */
    public static String jar() {
        String jar = System.getProperty("localcvm.jar");
        assertThat(jar).as("the localcvm.jar system property (set by failsafe)").isNotNull();
        assertThat(Path.of(jar)).exists();
        return jar;
    }

    public static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Kills (SIGKILL) whatever a test left running. */
    @Override
    public void close() {
        synchronized (started) {
            started.forEach(Process::destroyForcibly);
            started.clear();
        }
    }
}
