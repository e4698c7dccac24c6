package dev.localcvm.it;

import static dev.localcvm.testing.CvmFixture.codeOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstanceFamilyConfigsRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstanceTypeConfigsRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeZoneInstanceConfigInfosRequest;
import com.tencentcloudapi.cvm.v20170312.models.Filter;
import com.tencentcloudapi.cvm.v20170312.models.InstanceFamilyConfig;
import com.tencentcloudapi.cvm.v20170312.models.InstanceTypeConfig;
import com.tencentcloudapi.cvm.v20170312.models.InstanceTypeQuotaItem;
import dev.localcvm.testing.TestServer;
import dev.localcvm.testing.TestServer.Mode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The instance-type catalogue actions through the official SDK: DescribeZoneInstanceConfigInfos (what Terraform's
 * tencentcloud_instance_types reads), DescribeInstanceTypeConfigs and DescribeInstanceFamilyConfigs.
 */
class InstanceTypeCatalogIT {
    static TestServer server;
    static CvmClient cvm;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        cvm = server.cvm(Mode.TC3_POST, "ap-guangzhou");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Filter filter(String name, String... values) {
        Filter f = new Filter();
        f.setName(name);
        f.setValues(values);
        return f;
    }

    private static List<InstanceTypeQuotaItem> quota(CvmClient client, Filter... filters) throws TencentCloudSDKException {
        DescribeZoneInstanceConfigInfosRequest req = new DescribeZoneInstanceConfigInfosRequest();
        if (filters.length > 0) {
            req.setFilters(filters);
        }
        return Arrays.asList(client.DescribeZoneInstanceConfigInfos(req).getInstanceTypeQuotaSet());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyItemHasEveryScalarOfTheModel(Mode mode) throws Exception {
        List<InstanceTypeQuotaItem> items = quota(server.cvm(mode, "ap-guangzhou"), filter("zone", "ap-guangzhou-3"),
                filter("instance-charge-type", "POSTPAID_BY_HOUR"));

        assertThat(items).isNotEmpty().allSatisfy(i -> {
            assertThat(i.getZone()).isEqualTo("ap-guangzhou-3");
            assertThat(i.getInstanceChargeType()).isEqualTo("POSTPAID_BY_HOUR");
            assertThat(List.of(i.getInstanceType(), i.getInstanceFamily(), i.getTypeName(), i.getStatus(),
                    i.getSoldOutReason(), i.getCpuType(), i.getRemark(), i.getFrequency(), i.getStatusCategory()))
                    .doesNotContainNull();
            assertThat(List.of(i.getNetworkCard(), i.getCpu(), i.getMemory(), i.getInstancePps(),
                    i.getStorageBlockAmount(), i.getGpu(), i.getFpga())).doesNotContainNull();
            assertThat(i.getInstanceBandwidth()).isNotNull();
            assertThat(i.getGpuCount()).isNotNull();
            assertThat(i.getExternals()).isNotNull();
            assertThat(i.getLocalDiskTypeList()).isNotNull();
            assertThat(i.getPrice().getUnitPrice()).isPositive();
            assertThat(i.getPrice().getChargeUnit()).isEqualTo("HOUR");
            assertThat(i.getInstanceType()).startsWith(i.getInstanceFamily() + ".");
        });
        InstanceTypeQuotaItem s5 = items.stream().filter(i -> i.getInstanceType().equals("S5.MEDIUM4")).findFirst()
                .orElseThrow();
        assertThat(s5.getCpu()).isEqualTo(2L);
        assertThat(s5.getMemory()).isEqualTo(4L);
        assertThat(s5.getGpu()).isZero();
        assertThat(s5.getStatus()).isEqualTo("SELL");
        assertThat(s5.getStatusCategory()).isEqualTo("EnoughStock");
        assertThat(s5.getSoldOutReason()).isEmpty();
    }

    @Test
    void everyZoneOfTheRegionTimesEveryChargeTypeIsListed() throws Exception {
        List<InstanceTypeQuotaItem> items = quota(cvm, filter("instance-type", "S5.MEDIUM4"));

        assertThat(items).hasSize(6 * 3);
        assertThat(items.stream().map(InstanceTypeQuotaItem::getInstanceChargeType).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("POSTPAID_BY_HOUR", "PREPAID", "SPOTPAID");
        InstanceTypeQuotaItem prepaid = items.stream().filter(i -> i.getInstanceChargeType().equals("PREPAID"))
                .findFirst().orElseThrow();
        assertThat(prepaid.getPrice().getChargeUnit()).isEqualTo("MONTH");
        assertThat(prepaid.getPrice().getOriginalPrice()).isPositive();
    }

    @Test
    void soldOutZonesAndSpotGpusAreSoldOut() throws Exception {
        assertThat(quota(cvm, filter("zone", "ap-guangzhou-1"))).isNotEmpty()
                .allSatisfy(i -> {
                    assertThat(i.getStatus()).isEqualTo("SOLD_OUT");
                    assertThat(i.getStatusCategory()).isEqualTo("WithoutStock");
                    assertThat(i.getSoldOutReason()).isNotBlank();
                });
        List<InstanceTypeQuotaItem> gpus = quota(cvm, filter("zone", "ap-guangzhou-3"), filter("instance-family", "GN7"));
        assertThat(gpus).isNotEmpty().allSatisfy(i -> {
            assertThat(i.getGpu()).isPositive();
            assertThat(i.getStatus()).isEqualTo(i.getInstanceChargeType().equals("SPOTPAID") ? "SOLD_OUT" : "SELL");
        });
    }

    @Test
    void filtersNarrowAndAreAndedAcrossNames() throws Exception {
        List<InstanceTypeQuotaItem> items = quota(cvm, filter("instance-family", "S5", "M5"),
                filter("instance-charge-type", "SPOTPAID"), filter("zone", "ap-guangzhou-4"));
        assertThat(items).isNotEmpty();
        assertThat(items.stream().map(InstanceTypeQuotaItem::getInstanceFamily).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("S5", "M5");
        assertThat(quota(cvm, filter("instance-type", "NOPE.SMALL1"))).isEmpty();
        assertThat(quota(cvm, filter("instance-charge-type", "CDHPAID"))).isEmpty();
    }

    @Test
    void aZoneOfAnotherRegionIsZoneNotSupportedAndAnUnknownFilterInvalidFilter() {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(TencentCloudSDKException.class,
                () -> quota(cvm, filter("zone", "ap-shanghai-2")));
        assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue.ZoneNotSupported");
        assertThat(e.getMessage()).contains("`Filters.0.Values`");

        e = org.assertj.core.api.Assertions.catchThrowableOfType(TencentCloudSDKException.class,
                () -> quota(cvm, filter("zone", "ap-guangzhou-3"), filter("cpu", "2")));
        assertThat(e.getErrorCode()).isEqualTo("InvalidFilter");
        assertThat(e.getMessage()).contains("`Filters.1.Name`").contains("cpu");

        Filter noValues = new Filter();
        noValues.setName("zone");
        assertThat(codeOf(() -> quota(cvm, noValues))).isEqualTo("MissingParameter");
    }

    @Test
    void describeInstanceTypeConfigsListsTheCatalogueByZone() throws Exception {
        DescribeInstanceTypeConfigsRequest req = new DescribeInstanceTypeConfigsRequest();
        req.setFilters(new Filter[] {filter("zone", "ap-guangzhou-3"), filter("instance-family", "GN7")});
        InstanceTypeConfig[] set = cvm.DescribeInstanceTypeConfigs(req).getInstanceTypeConfigSet();

        assertThat(set).isNotEmpty().allSatisfy(c -> {
            assertThat(c.getZone()).isEqualTo("ap-guangzhou-3");
            assertThat(c.getInstanceFamily()).isEqualTo("GN7");
            assertThat(c.getGPU()).isPositive();
            assertThat(c.getCPU()).isPositive();
            assertThat(c.getMemory()).isPositive();
            assertThat(c.getFPGA()).isZero();
            assertThat(c.getGpuCount()).isPositive();
        });
        InstanceTypeConfig[] all = cvm.DescribeInstanceTypeConfigs(new DescribeInstanceTypeConfigsRequest())
                .getInstanceTypeConfigSet();
        assertThat(Arrays.stream(all).map(InstanceTypeConfig::getZone).collect(Collectors.toSet())).hasSize(6);

        DescribeInstanceTypeConfigsRequest two = new DescribeInstanceTypeConfigsRequest();
        two.setFilters(new Filter[] {filter("instance-family", "S5", "SA2")});
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(TencentCloudSDKException.class,
                () -> cvm.DescribeInstanceTypeConfigs(two));
        assertThat(e.getErrorCode()).isEqualTo("InvalidFilterValue.LimitExceeded");
        assertThat(e.getMessage()).contains("`Filters.0.Values`");
        DescribeInstanceTypeConfigsRequest foreign = new DescribeInstanceTypeConfigsRequest();
        foreign.setFilters(new Filter[] {filter("zone", "ap-beijing-3")});
        assertThat(codeOf(() -> cvm.DescribeInstanceTypeConfigs(foreign))).isEqualTo("InvalidZone.MismatchRegion");
    }

    @Test
    void describeInstanceFamilyConfigsNamesEveryFamilyOfTheCatalogue() throws Exception {
        InstanceFamilyConfig[] families = cvm.DescribeInstanceFamilyConfigs(new DescribeInstanceFamilyConfigsRequest())
                .getInstanceFamilyConfigSet();
        Set<String> names = Arrays.stream(families).map(InstanceFamilyConfig::getInstanceFamily).collect(Collectors.toSet());
        assertThat(names).contains("S5", "SA2", "M5", "GN7");
        assertThat(families).allSatisfy(f -> assertThat(f.getInstanceFamilyName()).isNotBlank());
        Set<String> quoted = quota(cvm).stream().map(InstanceTypeQuotaItem::getInstanceFamily).collect(Collectors.toSet());
        assertThat(quoted).isEqualTo(names);
    }
}
