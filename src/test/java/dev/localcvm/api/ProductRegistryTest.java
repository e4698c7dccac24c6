package dev.localcvm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localcvm.apiproduct.ApiProduct;
import dev.localcvm.cvm.CvmProduct;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a request finds its product (issue 13 item 1): scope service, Host label, then action and version. */
class ProductRegistryTest {
    record Empty() {
    }

    private static Action<Empty> action(String name) {
        return new BaseAction<>(name, Empty.class, 0) {
            @Override
            public Record execute(Empty request, CallContext context) {
                return request;
            }
        };
    }

    private static final Product CVM = Product.of("cvm", "2017-03-12", Set.of("ap-guangzhou"),
            List.of(action("DescribeZones"), action("RunInstances")));
    private static final Product API = Product.of("api", "2020-11-06", Set.of("ap-guangzhou"),
            List.of(action("DescribeZones"), action("DescribeProducts")));
    private static final Product VPC = Product.of("vpc", "2017-03-12", Set.of("ap-guangzhou"),
            List.of(action("DescribeVpcs")));
    private static final ProductRegistry REGISTRY = new ProductRegistry(CVM, List.of(API, VPC));

    @Test
    void theScopeServiceWinsWhenItNamesAProduct() {
        assertThat(REGISTRY.route("vpc", "cvm.example:4580", "DescribeZones", "2017-03-12")).isSameAs(VPC);
        assertThat(REGISTRY.route("api", "127.0.0.1:4580", "DescribeZones", "2017-03-12")).isSameAs(API);
    }

    @Test
    void theHostLabelDecidesWhenTheScopeNamesNone() {
        assertThat(REGISTRY.route("127", "vpc.localcvm.test:4580", "DescribeZones", "x")).isSameAs(VPC);
        assertThat(REGISTRY.route(null, "api.localcvm.test", "DescribeZones", "x")).isSameAs(API);
        assertThat(REGISTRY.route("localhost:4580", "http://vpc.example:1", "Anything", "x")).isSameAs(VPC);
    }

    @Test
    void otherwiseTheActionAndItsVersionDecide() {
        assertThat(REGISTRY.route("127", "127.0.0.1:4580", "DescribeVpcs", "2017-03-12")).isSameAs(VPC);
        assertThat(REGISTRY.route("127", "127.0.0.1:4580", "DescribeProducts", "1999-01-01")).isSameAs(API);
        assertThat(REGISTRY.route("127", "127.0.0.1:4580", "DescribeZones", "2020-11-06")).isSameAs(API);
        assertThat(REGISTRY.route("127", "127.0.0.1:4580", "DescribeZones", "2017-03-12")).isSameAs(CVM);
        assertThat(REGISTRY.route("127", "127.0.0.1:4580", "DescribeZones", "2099-01-01")).isSameAs(CVM);
        assertThat(REGISTRY.route("127", "localhost:4580", "NoSuchAction", "2017-03-12")).isSameAs(CVM);
    }

    /** The served cvm and api products both have DescribeZones and DescribeRegions; the version tells them apart. */
    @Test
    void theServedApiProductIsReachedByVersionHostOrScopeAndCvmKeepsItsOwn() {
        Product cvm = CvmProduct.create();
        Product api = ApiProduct.create();
        ProductRegistry served = new ProductRegistry(cvm, List.of(api));
        for (String action : List.of("DescribeZones", "DescribeRegions")) {
            assertThat(served.route("127", "127.0.0.1:4580", action, "2020-11-06")).isSameAs(api);
            assertThat(served.route(null, "127.0.0.1:4580", action, "2020-11-06")).isSameAs(api);
            assertThat(served.route("127", "127.0.0.1:4580", action, "2017-03-12")).isSameAs(cvm);
            assertThat(served.route(null, "localhost:4580", action, "2017-03-12")).isSameAs(cvm);
            assertThat(served.route("127", "api.tencentcloudapi.com", action, "2020-11-06")).isSameAs(api);
            assertThat(served.route("api", "127.0.0.1:4580", action, "2020-11-06")).isSameAs(api);
            assertThat(served.route("cvm", "api.tencentcloudapi.com", action, "2017-03-12")).isSameAs(cvm);
            assertThat(served.route(null, "cvm.tencentcloudapi.com", action, "2017-03-12")).isSameAs(cvm);
        }
        assertThat(served.route("127", "127.0.0.1:4580", "DescribeZoneInstanceConfigInfos", "2020-11-06")).isSameAs(cvm);
        assertThat(ProductRegistry.UNSERVED).doesNotContain("api");
    }

    @Test
    void aRealProductLocalcvmDoesNotServeIsNoSuchProduct() {
        for (String[] scopeAndHost : new String[][] {{"clb", "127.0.0.1"}, {"127", "tke.tencentcloudapi.com"}}) {
            assertThatThrownBy(() -> REGISTRY.route(scopeAndHost[0], scopeAndHost[1], "DescribeVpcs", "2017-03-12"))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_SUCH_PRODUCT));
        }
    }
}
