package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.profile.Language;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeRegionsRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeRegionsResponse;
import com.tencentcloudapi.cvm.v20170312.models.DescribeZonesRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeZonesResponse;
import com.tencentcloudapi.cvm.v20170312.models.RegionInfo;
import com.tencentcloudapi.cvm.v20170312.models.ZoneInfo;
import dev.localcvm.testing.TestServer;
import dev.localcvm.testing.TestServer.Mode;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DescribeRegions and DescribeZones through the official Java SDK, in every request mode it has. */
class RegionsAndZonesIT {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void describeRegionsListsTheCatalogueSorted(Mode mode) throws Exception {
        DescribeRegionsResponse response = server.cvm(mode, "ap-guangzhou").DescribeRegions(new DescribeRegionsRequest());

        assertThat(response.getTotalCount()).isEqualTo(18L);
        assertThat(response.getRequestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(Arrays.stream(response.getRegionSet()).map(RegionInfo::getRegion))
                .isSorted()
                .contains("ap-bangkok", "ap-guangzhou", "ap-shanghai-fsi", "sa-saopaulo")
                .doesNotContain("ap-mumbai");
        RegionInfo guangzhou = Arrays.stream(response.getRegionSet())
                .filter(r -> r.getRegion().equals("ap-guangzhou")).findFirst().orElseThrow();
        assertThat(guangzhou.getRegionName()).isEqualTo("South China (Guangzhou)");
        assertThat(guangzhou.getRegionState()).isEqualTo("AVAILABLE");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void describeZonesListsTheRegionsZonesWithSoldOutOnes(Mode mode) throws Exception {
        DescribeZonesResponse response = server.cvm(mode, "ap-guangzhou").DescribeZones(new DescribeZonesRequest());

        assertThat(response.getTotalCount()).isEqualTo(6L);
        assertThat(Arrays.stream(response.getZoneSet()).map(ZoneInfo::getZone)).containsExactly(
                "ap-guangzhou-1", "ap-guangzhou-2", "ap-guangzhou-3", "ap-guangzhou-4", "ap-guangzhou-6", "ap-guangzhou-7");
        ZoneInfo three = response.getZoneSet()[2];
        assertThat(three.getZoneName()).isEqualTo("Guangzhou Zone 3");
        assertThat(three.getZoneId()).isEqualTo("100003");
        assertThat(three.getZoneState()).isEqualTo("AVAILABLE");
        assertThat(response.getZoneSet()[0].getZoneState()).isEqualTo("UNAVAILABLE");
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"TC3_POST", "HMAC_SHA256_GET"})
    void chineseNamesFollowTheLanguage(Mode mode) throws Exception {
        var profile = server.profile(mode);
        profile.setLanguage(Language.ZH_CN);
        CvmClient client = new CvmClient(new com.tencentcloudapi.common.Credential(server.secretId(), server.secretKey()),
                "ap-guangzhou", profile);

        DescribeZonesResponse zones = client.DescribeZones(new DescribeZonesRequest());
        DescribeRegionsResponse regions = client.DescribeRegions(new DescribeRegionsRequest());

        assertThat(zones.getZoneSet()[2].getZoneName()).isEqualTo("广州三区");
        assertThat(Arrays.stream(regions.getRegionSet()).map(RegionInfo::getRegionName)).contains("华南地区(广州)");
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"TC3_POST", "HMAC_SHA1_GET"})
    void otherRegionsHaveTheirOwnZones(Mode mode) throws Exception {
        DescribeZonesResponse response = server.cvm(mode, "ap-beijing").DescribeZones(new DescribeZonesRequest());

        assertThat(response.getTotalCount()).isEqualTo(7L);
        assertThat(response.getZoneSet()[0].getZoneId()).isEqualTo("800001");
        assertThat(response.getZoneSet()).allSatisfy(z -> assertThat(z.getZoneState()).isEqualTo("AVAILABLE"));
    }
}
