package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.models.DescribeRegionsRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeZonesRequest;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.server.ServerConfig;
import dev.localcvm.testing.RawHttp;
import dev.localcvm.testing.TestServer;
import dev.localcvm.testing.TestServer.Mode;
import dev.localcvm.testing.TestStores;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator endpoints under /_localcvm/ against a real server. */
class AdminApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawHttp.Response admin(TestServer s, String method, String path, String body, Map<String, String> headers)
            throws Exception {
        return RawHttp.send(s.port(), method, "/_localcvm" + path, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void healthAnswers200WithJson() throws Exception {
        RawHttp.Response r = admin(server, "GET", "/health", null, Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(JSON.readTree(r.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsCountRequestsByActionAndCode() throws Exception {
        server.cvm(Mode.TC3_POST, "ap-guangzhou").DescribeRegions(new DescribeRegionsRequest());
        assertThatThrownBy(() -> server.cvm(Mode.TC3_POST, "ap-mumbai").DescribeZones(new DescribeZonesRequest()))
                .isInstanceOf(TencentCloudSDKException.class);

        RawHttp.Response r = admin(server, "GET", "/metrics", null, Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body())
                .contains("localcvm_requests_total{action=\"DescribeRegions\",code=\"OK\"} 1.0")
                .contains("localcvm_requests_total{action=\"DescribeZones\",code=\"UnsupportedRegion\"} 1.0")
                .contains("localcvm_request_duration_seconds_bucket{action=\"DescribeRegions\"");
    }

    @Test
    void advancingTheClockLeavesSdkSignaturesValid() throws Exception {
        RawHttp.Response r = admin(server, "POST", "/clock", "{\"advanceSeconds\": 86400}", Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("offsetSeconds").asLong()).isEqualTo(86400);
        assertThat(server.server().clock().offset().toSeconds()).isEqualTo(86400);
        assertThat(server.cvm(Mode.TC3_POST, "ap-guangzhou").DescribeZones(new DescribeZonesRequest()).getTotalCount())
                .isEqualTo(6L);
    }

    @Test
    void clockRefusesBadInput() throws Exception {
        assertThat(admin(server, "POST", "/clock", "{\"advanceSeconds\": -1}", Map.of()).status()).isEqualTo(400);
        assertThat(admin(server, "POST", "/clock", "{\"advanceSeconds\": \"x\"}", Map.of()).status()).isEqualTo(400);
        assertThat(admin(server, "POST", "/clock", "not json", Map.of()).status()).isEqualTo(400);
        assertThat(server.server().clock().offset().isZero()).isTrue();
    }

    @Test
    void createdAccountsGetWorkingKeys() throws Exception {
        RawHttp.Response r = admin(server, "POST", "/accounts", "{\"Name\": \"team-b\"}", Map.of());

        assertThat(r.status()).isEqualTo(200);
        JsonNode account = JSON.readTree(r.body());
        assertThat(account.get("AppId").asLong()).isPositive();
        assertThat(account.get("Uin").asText()).matches("[0-9]{12}").isNotEqualTo("100000000001");
        assertThat(account.get("SecretId").asText()).startsWith("AKID").isNotEqualTo(server.secretId());
        var zones = server.cvm(Mode.TC3_POST, "ap-guangzhou", account.get("SecretId").asText(),
                account.get("SecretKey").asText()).DescribeZones(new DescribeZonesRequest());
        assertThat(zones.getTotalCount()).isEqualTo(6L);
        assertThatThrownBy(() -> server.cvm(Mode.TC3_POST, "ap-guangzhou", account.get("SecretId").asText(),
                server.secretKey()).DescribeZones(new DescribeZonesRequest()))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("AuthFailure.SignatureFailure"));
    }

    @Test
    void accountsWithoutBodyGetAGeneratedName() throws Exception {
        RawHttp.Response r = admin(server, "POST", "/accounts", null, Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("Name").asText()).startsWith("account-");
    }

    @Test
    void resetKeepsAccountsAndKeys() throws Exception {
        RawHttp.Response r = admin(server, "POST", "/reset", "", Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(server.cvm(Mode.TC3_POST, "ap-guangzhou").DescribeZones(new DescribeZonesRequest()).getTotalCount())
                .isEqualTo(6L);
    }

    @Test
    void offLoopbackTheAdminApiNeedsTheToken() throws Exception {
        ServerConfig config = TestStores.serverDefaults().withHost("0.0.0.0", "s3cret-token");
        try (TestServer wide = TestServer.start(config, ServerClock.system())) {
            assertThat(admin(wide, "GET", "/health", null, Map.of()).status()).isEqualTo(200);
            assertThat(admin(wide, "POST", "/accounts", "{}", Map.of()).status()).isEqualTo(401);
            assertThat(admin(wide, "GET", "/metrics", null, Map.of("Authorization", "Bearer wrong")).status())
                    .isEqualTo(401);
            assertThat(admin(wide, "POST", "/accounts", "{}", Map.of("Authorization", "Bearer s3cret-token")).status())
                    .isEqualTo(200);
        }
    }
}
