package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.models.DescribeZonesRequest;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.testing.TestServer;
import dev.localcvm.testing.TestServer.Mode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The api product (2020-11-06) through the SDK's generic client: by version alone (the SDK's scope names no
 * product for 127.0.0.1), and as Terraform reaches it through localcvm as an HTTP proxy (Host api.…).
 */
class ApiProductIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "ap-guangzhou";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config(), ServerClock.system());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode call(CommonClient client, String action, String body) throws Exception {
        return JSON.readTree(client.call(action, body)).path("Response");
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void describeZonesListsTheRegionsZonesWithEveryFieldOfZoneInfo(Mode mode) throws Exception {
        JsonNode r = call(server.common(mode, "api", "2020-11-06", REGION), "DescribeZones", "{\"Product\":\"cvm\"}");

        assertThat(r.path("TotalCount").asInt()).isEqualTo(6).isEqualTo(r.path("ZoneSet").size());
        JsonNode three = r.path("ZoneSet").get(2);
        assertThat(fields(three)).containsExactlyInAnyOrder("Zone", "ZoneName", "ZoneId", "ZoneState", "ParentZone",
                "ParentZoneId", "ParentZoneName", "ZoneType", "MachineRoomTypeMC", "ZoneIdMC");
        assertThat(three.path("Zone").asText()).isEqualTo("ap-guangzhou-3");
        assertThat(three.path("ZoneId").asText()).isEqualTo("100003");
        assertThat(three.path("ZoneState").asText()).isEqualTo("AVAILABLE");
        assertThat(three.path("ZoneName").asText()).isEqualTo("Guangzhou Zone 3");
        assertThat(three.path("ZoneType").asText()).isEqualTo("availability-zone");
        assertThat(r.path("ZoneSet").get(0).path("ZoneState").asText()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void theApiProductAndCvmAgreeOnZones() throws Exception {
        JsonNode api = call(server.commonThroughProxy("api", "2020-11-06", "ap-shanghai"), "DescribeZones",
                "{\"Product\":\"cvm\"}");
        var cvm = server.cvm(Mode.TC3_POST, "ap-shanghai").DescribeZones(new DescribeZonesRequest()).getZoneSet();

        assertThat(api.path("ZoneSet").size()).isEqualTo(cvm.length);
        for (int i = 0; i < cvm.length; i++) {
            JsonNode z = api.path("ZoneSet").get(i);
            assertThat(z.path("Zone").asText()).isEqualTo(cvm[i].getZone());
            assertThat(z.path("ZoneId").asText()).isEqualTo(cvm[i].getZoneId());
            assertThat(z.path("ZoneState").asText()).isEqualTo(cvm[i].getZoneState());
        }
    }

    @Test
    void describeRegionsListsEveryRegion() throws Exception {
        for (CommonClient client : List.of(server.common(Mode.TC3_POST, "api", "2020-11-06", REGION),
                server.commonThroughProxy("api", "2020-11-06", REGION))) {
            JsonNode r = call(client, "DescribeRegions", "{\"Product\":\"cvm\"}");
            assertThat(r.path("TotalCount").asInt()).isEqualTo(18).isEqualTo(r.path("RegionSet").size());
            JsonNode first = r.path("RegionSet").get(0);
            assertThat(fields(first)).containsExactlyInAnyOrder("Region", "RegionName", "RegionState", "RegionTypeMC",
                    "LocationMC", "RegionNameMC", "RegionIdMC");
            assertThat(first.path("Region").asText()).isEqualTo("ap-bangkok");
            assertThat(first.path("RegionState").asText()).isEqualTo("AVAILABLE");
        }
    }

    @Test
    void productIsRequiredAndOnlyCvmIsKnown() {
        CommonClient api = server.commonThroughProxy("api", "2020-11-06", REGION);
        for (String action : List.of("DescribeZones", "DescribeRegions")) {
            var missing = catchThrowableOfType(TencentCloudSDKException.class, () -> call(api, action, "{}"));
            assertThat(missing.getErrorCode()).isEqualTo("MissingParameter");
            assertThat(missing.getMessage()).contains("`Product`");
            for (String product : List.of("vpc", "", "CVM")) {
                var unknown = catchThrowableOfType(TencentCloudSDKException.class,
                        () -> call(api, action, "{\"Product\":\"" + product + "\"}"));
                assertThat(unknown.getErrorCode()).as(product).isEqualTo("InvalidParameter");
                assertThat(unknown.getMessage()).contains("`Product`");
            }
        }
    }

    @Test
    void cvmDescribeZonesStillAnswersCvmsShapeAndRefusesProduct() throws Exception {
        JsonNode cvm = call(server.common(Mode.TC3_POST, "cvm", "2017-03-12", REGION), "DescribeZones", "{}");
        assertThat(fields(cvm.path("ZoneSet").get(0))).doesNotContain("ZoneType");
        var e = catchThrowableOfType(TencentCloudSDKException.class, () -> call(
                server.commonThroughProxy("cvm", "2017-03-12", REGION), "DescribeZones", "{\"Product\":\"cvm\"}"));
        assertThat(e.getErrorCode()).isEqualTo("UnknownParameter");
    }
}
