package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeZonesRequest;
import dev.localcvm.account.AccountService;
import dev.localcvm.testing.JarProcesses;
import dev.localcvm.testing.JarProcesses.Finished;
import dev.localcvm.testing.JarProcesses.Served;
import dev.localcvm.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar run as a user runs it: options, environment variables, banner, SIGTERM, data dir. */
class ServeProcessIT {
    private final JarProcesses jars = new JarProcesses();

    @AfterEach
    void killLeftovers() {
        jars.close();
    }

    private Served serve(Map<String, String> env, String... args) throws Exception {
        return jars.serve(env, args);
    }

    private static CvmClient client(int port, String id, String key) {
        return JarProcesses.client(port, id, key, "ap-shanghai");
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
    void theServerLeavesItsWorkingDirectoryAlone(@TempDir Path cwd) throws Exception {
        Served s = jars.serveIn(cwd, Map.of(), "--port", "0", "--ephemeral");
        // Admin calls with a body, one of them multipart (the kind a web framework may save to disk).
        RawHttp.send(s.port(), "POST", "/_localcvm/accounts", Map.of(), "{\"Name\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        RawHttp.Response multipart = RawHttp.send(s.port(), "POST", "/_localcvm/accounts",
                Map.of("Content-Type", "multipart/form-data; boundary=b"),
                "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f.txt\"\r\n\r\nhello\r\n--b--\r\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(multipart.status()).isNotEqualTo(500);
        s.process().destroy();
        assertThat(s.process().waitFor(40, TimeUnit.SECONDS)).isTrue();

        try (var files = Files.list(cwd)) {
            assertThat(files.toList()).as("files the server created in its working directory").isEmpty();
        }
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
        Finished p = jars.run(Duration.ofSeconds(30), Map.of(), "serve", "--help");

        assertThat(p.exitCode()).isZero();
        assertThat(p.stdout() + p.stderr()).contains("--host", "--port", "--data-dir", "--ephemeral", "--db-url",
                "--db-user", "--db-password", "--transition-delay", "--rate-limits", "--instance-quota", "--admin-token",
                "LOCALCVM_PORT");
    }

    @Test
    void versionAndBadOptionsAnswerWithoutAStackTrace() throws Exception {
        Finished version = jars.run(Duration.ofSeconds(30), Map.of(), "--version");
        assertThat(version.stdout() + version.stderr()).startsWith("localcvm ");

        Finished bad = jars.run(Duration.ofSeconds(30), Map.of(), "serve", "--transition-delay", "soon");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.stdout() + bad.stderr()).contains("--transition-delay").doesNotContain("Exception");
    }
}
