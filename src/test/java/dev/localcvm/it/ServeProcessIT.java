package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeZonesRequest;
import dev.localcvm.account.AccountService;
import dev.localcvm.testing.RawHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar run as a user runs it: options, environment variables, banner, SIGTERM, data dir. */
class ServeProcessIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    /** A started server process and the banner it printed. */
    private record Served(Process process, int port, String banner) {
    }

    private Served serve(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", jar(), "serve"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("TENCENTCLOUD_SECRET_ID");
        pb.environment().remove("TENCENTCLOUD_SECRET_KEY");
        pb.environment().putAll(env);
        Process process = pb.start();
        started.add(process);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        });
        reader.setDaemon(true);
        reader.start();
        StringBuilder banner = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            banner.append(line).append('\n');
            if (line.startsWith("  admin API:")) {
                Matcher m = LISTENING.matcher(banner);
                assertThat(m.find()).as("banner: %s", banner).isTrue();
                return new Served(process, Integer.parseInt(m.group(1)), banner.toString());
            }
        }
        throw new AssertionError("no banner within 60 s: " + banner);
    }

    private static CvmClient client(int port, String id, String key) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint("127.0.0.1:" + port);
        http.setProtocol(HttpProfile.REQ_HTTP);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return new CvmClient(new Credential(id, key), "ap-shanghai", profile);
    }

    @Test
    void environmentVariablesConfigureTheServerAndSigtermStopsIt() throws Exception {
        Served s = serve(Map.of("LOCALCVM_PORT", "0", "LOCALCVM_EPHEMERAL", "true",
                "TENCENTCLOUD_SECRET_ID", "AKIDfromEnvironment01", "TENCENTCLOUD_SECRET_KEY", "keyFromEnvironment"));

        assertThat(s.banner()).contains("SecretId:  AKIDfromEnvironment01")
                .contains("(from TENCENTCLOUD_SECRET_KEY)").doesNotContain("keyFromEnvironment")
                .contains("in memory");
        assertThat(client(s.port(), "AKIDfromEnvironment01", "keyFromEnvironment")
                .DescribeZones(new DescribeZonesRequest()).getTotalCount()).isEqualTo(5L);
        assertThatThrownBy(() -> client(s.port(), AccountService.DEFAULT_SECRET_ID, AccountService.DEFAULT_SECRET_KEY)
                .DescribeZones(new DescribeZonesRequest()))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("AuthFailure.SecretIdNotFound"));

        s.process().destroy();
        assertThat(s.process().waitFor(40, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    }

    @Test
    void defaultKeysAndDataDirSurviveARestart(@TempDir Path dir) throws Exception {
        Served first = serve(Map.of(), "--port", "0", "--data-dir", dir.toString());
        assertThat(first.banner()).contains("SecretId:  " + AccountService.DEFAULT_SECRET_ID)
                .contains("SecretKey: " + AccountService.DEFAULT_SECRET_KEY).contains("H2 file");
        RawHttp.Response created = RawHttp.send(first.port(), "POST", "/_localcvm/accounts", Map.of(),
                "{\"Name\":\"kept\"}".getBytes(StandardCharsets.UTF_8));
        JsonNode account = new ObjectMapper().readTree(created.body());
        first.process().destroy();
        assertThat(first.process().waitFor(40, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(dir.resolve("localcvm.mv.db"))).isTrue();

        Served second = serve(Map.of(), "--port", "0", "--data-dir", dir.toString());

        assertThat(client(second.port(), account.get("SecretId").asText(), account.get("SecretKey").asText())
                .DescribeZones(new DescribeZonesRequest()).getTotalCount()).isEqualTo(5L);
        second.process().destroy();
        assertThat(second.process().waitFor(40, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void helpListsEveryOptionOfTheOperatorContract() throws Exception {
        Process p = new ProcessBuilder(javaBin(), "-jar", jar(), "serve", "--help").redirectErrorStream(true).start();
        started.add(p);
        String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(help).contains("--host", "--port", "--data-dir", "--ephemeral", "--db-url", "--db-user",
                "--db-password", "--transition-delay", "--rate-limits", "--instance-quota", "--admin-token",
                "LOCALCVM_PORT");
    }

    @Test
    void versionAndBadOptionsAnswerWithoutAStackTrace() throws Exception {
        Process version = new ProcessBuilder(javaBin(), "-jar", jar(), "--version").redirectErrorStream(true).start();
        started.add(version);
        assertThat(new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("localcvm ");

        Process bad = new ProcessBuilder(javaBin(), "-jar", jar(), "serve", "--transition-delay", "soon")
                .redirectErrorStream(true).start();
        started.add(bad);
        String out = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isNotZero();
        assertThat(out).contains("--transition-delay").doesNotContain("Exception");
    }

    private static String jar() {
        String jar = System.getProperty("localcvm.jar");
        assertThat(jar).as("the localcvm.jar system property (set by failsafe)").isNotNull();
        assertThat(Path.of(jar)).exists();
        return jar;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
