package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.models.DescribeRegionsRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeZonesRequest;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import dev.localcvm.account.AccountService;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.server.ServerConfig;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.RawHttp;
import dev.localcvm.testing.TestServer;
import dev.localcvm.testing.TestServer.Mode;
import dev.localcvm.testing.TestStores;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The operator endpoints under /_localcvm/ against a real server. */
class AdminApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RawHttp.Response admin(TestServer s, String method, String path, String body, Map<String, String> headers)
            throws Exception {
        return RawHttp.send(s.port(), method, "/_localcvm" + path, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** The endpoints' behaviour, each test on a fresh server. */
    @Nested
    class Endpoints {
        private TestServer server;

        @BeforeEach
        void start() {
            server = TestServer.start();
        }

        @AfterEach
        void stop() {
            server.close();
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

        @Test
        void theClockAdvancesUpTo100YearsInAllAndNoFurther() throws Exception {
            long max = ServerClock.MAX_OFFSET.toSeconds();
            assertThat(max).isEqualTo(3_155_760_000L);
            assertThat(admin(server, "POST", "/clock", "{\"advanceSeconds\": " + (max - 10) + "}", Map.of()).status())
                    .isEqualTo(200);

            RawHttp.Response past = admin(server, "POST", "/clock", "{\"advanceSeconds\": 11}", Map.of());

            assertThat(past.status()).isEqualTo(400);
            assertThat(JSON.readTree(past.body()).get("error").asText()).contains("3155760000");
            assertThat(server.server().clock().offset().toSeconds()).isEqualTo(max - 10);
            assertThat(admin(server, "POST", "/clock", "{\"advanceSeconds\": 10}", Map.of()).status()).isEqualTo(200);
            assertThat(admin(server, "POST", "/clock", "{\"advanceSeconds\": 1}", Map.of()).status()).isEqualTo(400);
            assertThat(server.server().clock().offset().toSeconds()).isEqualTo(max);
            // Time 100 years ahead still works everywhere: API calls, and a key valid for the longest ttl.
            assertThat(server.cvm(Mode.TC3_POST, "ap-guangzhou").DescribeZones(new DescribeZonesRequest()).getTotalCount())
                    .isEqualTo(6L);
            assertThat(admin(server, "POST", "/accounts/" + AccountService.DEFAULT_UIN + "/temporary-keys",
                    "{\"ttlSeconds\": 1000000000}", Map.of()).status()).isEqualTo(200);
        }

        @Test
        void wholeNumbersMayBeWrittenAsDecimals() throws Exception {
            RawHttp.Response r = admin(server, "POST", "/clock", "{\"advanceSeconds\": 6.0e1}", Map.of());

            assertThat(r.status()).isEqualTo(200);
            assertThat(server.server().clock().offset().toSeconds()).isEqualTo(60);
        }

        @Test
        void aBodyOver64KibAnswers413InJson() throws Exception {
            RawHttp.Response r = admin(server, "POST", "/accounts", "{\"Name\": \"" + "n".repeat(70_000) + "\"}",
                    Map.of("Content-Type", "application/json"));

            assertThat(r.status()).isEqualTo(413);
            assertThat(new JsonObject(r.body()).getString("error")).contains("65536");
        }

        @Test
        void anAccountNameOf64CharactersIsKeptAsGiven() throws Exception {
            String name = "\uD83D\uDE00".repeat(32) + "é".repeat(32);

            RawHttp.Response r = admin(server, "POST", "/accounts", new JsonObject().put("Name", name).encode(), Map.of());

            assertThat(r.status()).isEqualTo(200);
            assertThat(new JsonObject(r.body()).getString("Name")).isEqualTo(name);
        }
    }

    /**
     * Every admin endpoint refuses every malformed or out-of-range body with 400 and a message, and changes
     * nothing. One server for all cases: each compares the state before and after itself.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class MalformedBodies {
        private CvmFixture cvm;
        private String instanceId;

        @BeforeAll
        void start() throws Exception {
            cvm = CvmFixture.start();
            instanceId = cvm.running("POSTPAID_BY_HOUR");
            cvm.server().admin("POST", "/_localcvm/faults", new JsonObject().put("action", "StopInstances")
                    .put("code", "FailedOperation").put("remaining", 3));
            cvm.server().admin("POST", "/_localcvm/accounts/" + cvm.uin() + "/attributes",
                    new JsonObject().put("returnQuota", 7).put("rateLimits", new JsonObject().put("TerminateInstances", 20)));
            cvm.server().admin("POST", "/_localcvm/regions/ap-guangzhou/attributes",
                    new JsonObject().put("terminateDisabled", true));
            cvm.server().admin("POST", "/_localcvm/clock", new JsonObject().put("advanceSeconds", 5));
        }

        @AfterAll
        void stop() {
            cvm.close();
        }

        static Stream<Arguments> bodies() {
            String deep = "{\"advanceSeconds\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
            String fault = "{\"action\": \"TerminateInstances\", \"code\": \"FailedOperation\"";
            return Stream.of(
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": 1e400}"),
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": 1e18}"),
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": 9223372036854775807}"),
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": 99999999999999999999999}"),
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": 3155760001}"),
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": -1}"),
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": -1e400}"),
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": 1.5}"),
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": \"60\"}"),
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": true}"),
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": null}"),
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": [60]}"),
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": {\"s\": 60}}"),
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": 60, \"back\": true}"),
                    Arguments.of("POST", "/clock", "{}"),
                    Arguments.of("POST", "/clock", "[60]"),
                    Arguments.of("POST", "/clock", "\"60\""),
                    Arguments.of("POST", "/clock", "null"),
                    Arguments.of("POST", "/clock", "60"),
                    Arguments.of("POST", "/clock", "{\"advanceSeconds\": 60"),
                    Arguments.of("POST", "/clock", deep),
                    Arguments.of("POST", "/reset", "[]"),
                    Arguments.of("POST", "/reset", "{\"everything\": true}"),
                    Arguments.of("POST", "/reset", "not json"),
                    Arguments.of("POST", "/accounts", "{\"Name\": 5}"),
                    Arguments.of("POST", "/accounts", "{\"Name\": [\"team\"]}"),
                    Arguments.of("POST", "/accounts", "{\"Name\": \"\\ud800\"}"),
                    Arguments.of("POST", "/accounts", "{\"Name\": \"team\\udc00b\"}"),
                    Arguments.of("POST", "/accounts", "{\"Name\": \"team\\u0000b\"}"),
                    Arguments.of("POST", "/accounts", "{\"Name\": \"team\\nb\"}"),
                    Arguments.of("POST", "/accounts", "{\"Name\": \"" + "n".repeat(65) + "\"}"),
                    Arguments.of("POST", "/accounts", "{\"Name\": \"" + "n".repeat(60_000) + "\"}"),
                    Arguments.of("POST", "/accounts", "{\"name\": \"team\"}"),
                    Arguments.of("POST", "/accounts", "[{\"Name\": \"team\"}]"),
                    Arguments.of("POST", "/instances/$ID/attributes", "{\"frozen\": \"yes\"}"),
                    Arguments.of("POST", "/instances/$ID/attributes", "{\"frozen\": true, \"bogus\": 1}"),
                    Arguments.of("POST", "/instances/$ID/attributes", "{\"osName\": null}"),
                    Arguments.of("POST", "/instances/$ID/attributes", "{\"osName\": \"\\ud800\"}"),
                    Arguments.of("POST", "/instances/$ID/attributes", "{\"osName\": \"" + "o".repeat(129) + "\"}"),
                    Arguments.of("POST", "/instances/$ID/attributes", "{\"applicationRole\": 7}"),
                    Arguments.of("POST", "/instances/$ID/attributes", "{\"state\": \"FLYING\"}"),
                    Arguments.of("POST", "/instances/$ID/attributes", "{\"state\": null}"),
                    Arguments.of("POST", "/instances/$ID/attributes", "{\"chargeType\": 1e400}"),
                    Arguments.of("POST", "/instances/$ID/attributes", "[true]"),
                    Arguments.of("POST", "/instances/$ID/recover", "{\"force\": true}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"returnQuota\": 1e400}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"returnsUsed\": 2147483647}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"instanceQuota\": -1}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"terminateQuota\": 1.5}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"failNextLaunches\": \"1\"}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"appIdInvalid\": 1}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"returnQuota\": 1, \"bogus\": 1}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "null"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"rateLimits\": 100}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"rateLimits\": [\"DescribeInstances\"]}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"rateLimits\": {\"Fly\": 5}}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"rateLimits\": {\"ec2:DescribeInstances\": 5}}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"rateLimits\": {\"DescribeInstances\": 0}}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"rateLimits\": {\"DescribeInstances\": 1.5}}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"rateLimits\": {\"DescribeInstances\": \"9\"}}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes", "{\"rateLimits\": {\"DescribeInstances\": null}}"),
                    Arguments.of("POST", "/accounts/$UIN/attributes",
                            "{\"returnQuota\": 3, \"rateLimits\": {\"DescribeInstances\": 1e400}}"),
                    Arguments.of("POST", "/accounts/$UIN/temporary-keys", "{\"ttlSeconds\": 1e18}"),
                    Arguments.of("POST", "/accounts/$UIN/temporary-keys", "{\"ttlSeconds\": -5}"),
                    Arguments.of("POST", "/accounts/$UIN/temporary-keys", "{\"ttlSeconds\": \"3600\"}"),
                    Arguments.of("POST", "/credentials/$KEY/attributes", "{\"mfa\": \"NOPE\"}"),
                    Arguments.of("POST", "/credentials/$KEY/attributes", "{\"mfa\": [\"FAILED\"]}"),
                    Arguments.of("POST", "/credentials/$KEY/attributes", "{\"mfa\": 1}"),
                    Arguments.of("POST", "/credentials/$KEY/attributes", "{\"mfa\": \"FAILED\", \"x\": 1}"),
                    Arguments.of("POST", "/credentials/$KEY/attributes", "{\"readOnly\": \"true\"}"),
                    Arguments.of("POST", "/credentials/$KEY/attributes", "{\"readOnly\": null}"),
                    Arguments.of("POST", "/credentials/$KEY/attributes", "{\"deniedActions\": \"cvm:*\"}"),
                    Arguments.of("POST", "/credentials/$KEY/attributes", "{\"deniedActions\": [5]}"),
                    Arguments.of("POST", "/credentials/$KEY/attributes", "{\"deniedActions\": [\"\"]}"),
                    Arguments.of("POST", "/credentials/$KEY/attributes", "{\"deniedActions\": [\"cvm:Run Instances\"]}"),
                    Arguments.of("POST", "/credentials/$KEY/attributes", "{\"deniedActions\": [\"CVM:RunInstances\"]}"),
                    Arguments.of("POST", "/credentials/$KEY/attributes",
                            "{\"deniedActions\": [\"" + "A".repeat(129) + "\"]}"),
                    Arguments.of("POST", "/credentials/$KEY/attributes", "{\"deniedActions\": "
                            + new io.vertx.core.json.JsonArray(java.util.Collections.nCopies(51, "Describe*")) + "}"),
                    Arguments.of("POST", "/credentials/$KEY/attributes",
                            "{\"deniedActions\": [\"RunInstances\"], \"readOnly\": 1}"),
                    Arguments.of("POST", "/regions/ap-guangzhou/attributes", "{\"terminateDisabled\": \"false\"}"),
                    Arguments.of("POST", "/regions/ap-guangzhou/attributes", "{\"terminateDisabled\": null}"),
                    Arguments.of("POST", "/regions/ap-guangzhou/attributes", "{\"\\ud800\": false}"),
                    Arguments.of("POST", "/faults", "{\"action\": \"" + "a".repeat(65) + "\", \"code\": \"X\"}"),
                    Arguments.of("POST", "/faults", "{\"action\": \"\", \"code\": \"X\"}"),
                    Arguments.of("POST", "/faults", "{\"action\": \"TerminateInstances\", \"code\": \"\\ud800\"}"),
                    Arguments.of("POST", "/faults", "{\"action\": \"TerminateInstances\", \"code\": 5}"),
                    Arguments.of("POST", "/faults", fault + ", \"instanceId\": \"ins-" + "x".repeat(20) + "\"}"),
                    Arguments.of("POST", "/faults", fault + ", \"instanceId\": 5}"),
                    Arguments.of("POST", "/faults", fault + ", \"remaining\": 1e400}"),
                    Arguments.of("POST", "/faults", fault + ", \"remaining\": -1}"),
                    Arguments.of("POST", "/faults", fault + ", \"remaining\": 1, \"every\": true}"),
                    Arguments.of("DELETE", "/faults", "{\"all\": false}"));
        }

        @ParameterizedTest(name = "{0} {1} {2}")
        @MethodSource("bodies")
        void isRefusedWith400AndChangesNothing(String method, String path, String body) throws Exception {
            String target = path.replace("$ID", instanceId).replace("$UIN", cvm.uin())
                    .replace("$KEY", cvm.credential().getSecretId());
            String before = state();

            RawHttp.Response r = admin(cvm.server(), method, target, body, Map.of("Content-Type", "application/json"));

            assertThat(r.status()).as("%s %s %s -> %s", method, path, body, r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(new JsonObject(r.body()).getString("error")).isNotBlank();
            assertThat(state()).isEqualTo(before);
        }

        /**
         * What any of the endpoints could change, as text: the clock, the fault rules, the instance's admin view,
         * the account's attributes, and what the API answers (MFA, the region's termination switch).
         */
        private String state() throws Exception {
            TestServer s = cvm.server();
            String account = s.admin("POST", "/_localcvm/accounts/" + cvm.uin() + "/attributes", new JsonObject()).encode()
                    + s.admin("POST", "/_localcvm/credentials/" + cvm.credential().getSecretId() + "/attributes",
                    new JsonObject()).encode();
            String api;
            try {
                cvm.client().TerminateInstances(terminate("ins-zzzzzzzz"));
                api = "terminated";
            } catch (TencentCloudSDKException e) {
                api = e.getErrorCode();
            }
            return s.server().clock().offset() + "\n" + s.admin("GET", "/_localcvm/faults", null).encode() + "\n"
                    + s.admin("GET", "/_localcvm/instances/" + instanceId, null).encode() + "\n" + account + "\n" + api;
        }

        private static TerminateInstancesRequest terminate(String id) {
            TerminateInstancesRequest req = new TerminateInstancesRequest();
            req.setInstanceIds(new String[] {id});
            return req;
        }
    }
}
