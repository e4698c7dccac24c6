package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.Envelope;
import dev.localcvm.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The vpc product's default network (issue 13, part 2), read with the SDK's generic client, and every way a
 * request finds its product (part 1): scope service, Host label, action, HTTP proxy form, signature v1.
 */
class VpcDefaultNetworkIT {
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

    private static CommonClient vpc(TestServer.Mode mode) {
        return server.common(mode, "vpc", "2017-03-12", REGION);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Mode.class)
    void theDefaultNetworkIsReadableInEveryMode(TestServer.Mode mode) throws Exception {
        JsonNode vpcs = call(vpc(mode), "DescribeVpcs", "{}");
        assertThat(vpcs.path("TotalCount").asInt()).isEqualTo(1);
        JsonNode vpc = vpcs.path("VpcSet").get(0);
        assertThat(vpc.path("VpcId").asText()).matches("vpc-[a-z0-9]{8}");
        assertThat(vpc.path("CidrBlock").asText()).isEqualTo("172.16.0.0/16");
        assertThat(vpc.path("IsDefault").asBoolean()).isTrue();

        JsonNode subnets = call(vpc(mode), "DescribeSubnets", "{}");
        assertThat(subnets.path("TotalCount").asInt()).isEqualTo(subnets.path("SubnetSet").size()).isGreaterThan(1);
        for (JsonNode s : subnets.path("SubnetSet")) {
            assertThat(s.path("VpcId").asText()).isEqualTo(vpc.path("VpcId").asText());
            assertThat(s.path("Zone").asText()).startsWith(REGION + "-");
        }
        JsonNode groups = call(vpc(mode), "DescribeSecurityGroups", "{}");
        assertThat(groups.path("SecurityGroupSet").get(0).path("SecurityGroupId").asText()).matches("sg-[a-z0-9]{8}");
    }

    @Test
    void anInstanceLaunchedWithoutANetworkIsInTheDefaultOne() throws Exception {
        try (CvmFixture cvm = CvmFixture.start()) {
            Instance i = cvm.describe(cvm.run("POSTPAID_BY_HOUR"));
            CommonClient vpc = cvm.server().common(TestServer.Mode.TC3_POST, "vpc", "2017-03-12", CvmFixture.REGION);
            JsonNode subnet = call(vpc, "DescribeSubnets", "{\"Filters\":[{\"Name\":\"zone\",\"Values\":[\""
                    + CvmFixture.ZONE + "\"]}]}").path("SubnetSet").get(0);
            assertThat(i.getVirtualPrivateCloud().getSubnetId()).isEqualTo(subnet.path("SubnetId").asText());
            assertThat(i.getVirtualPrivateCloud().getVpcId()).isEqualTo(subnet.path("VpcId").asText());
            String cidr = subnet.path("CidrBlock").asText();
            String ip = i.getPrivateIpAddresses()[0];
            assertThat(within(ip, cidr)).as("%s in %s", ip, cidr).isTrue();
            JsonNode group = call(vpc, "DescribeSecurityGroups", "{}").path("SecurityGroupSet").get(0);
            assertThat(i.getSecurityGroupIds()).containsExactly(group.path("SecurityGroupId").asText());
        }
    }

    @Test
    void anAddressIsUsedUntilItsInstanceIsGone() throws Exception {
        try (CvmFixture cvm = CvmFixture.start()) {
            String id = cvm.running("POSTPAID_BY_HOUR");
            Instance i = cvm.describe(id);
            String ip = i.getPrivateIpAddresses()[0];
            CommonClient vpc = cvm.server().common(TestServer.Mode.TC3_POST, "vpc", "2017-03-12", CvmFixture.REGION);
            String query = "{\"VpcId\":\"" + i.getVirtualPrivateCloud().getVpcId() + "\",\"SubnetId\":\""
                    + i.getVirtualPrivateCloud().getSubnetId() + "\",\"IpAddresses\":[\"" + ip + "\",\"172.16.0.1\"]}";
            JsonNode used = call(vpc, "DescribeUsedIpAddress", query);
            assertThat(used.path("TotalCount").asInt()).isEqualTo(1);
            assertThat(used.path("IpAddressStates").get(0).path("ResourceId").asText()).isEqualTo(id);
            assertThat(used.path("IpAddressStates").get(0).path("IpAddress").asText()).isEqualTo(ip);
            assertThat(call(vpc, "DescribeUsedIpAddress", "{\"VpcId\":\"" + i.getVirtualPrivateCloud().getVpcId()
                    + "\",\"Filters\":[{\"Name\":\"resource-id\",\"Values\":[\"" + id + "\"]}]}")
                    .path("IpAddressStates").get(0).path("IpAddress").asText()).isEqualTo(ip);
            com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest t =
                    new com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest();
            t.setInstanceIds(new String[] {id});
            cvm.client().TerminateInstances(t);
            assertThat(call(vpc, "DescribeUsedIpAddress", query).path("TotalCount").asInt()).as("terminating").isEqualTo(1);
            cvm.settle();
            assertThat(call(vpc, "DescribeUsedIpAddress", query).path("TotalCount").asInt()).as("gone").isZero();
            assertThat(code(vpc, "DescribeUsedIpAddress", "{\"VpcId\":\"vpc-zzzzzzzz\"}")).isEqualTo("ResourceNotFound");
            String vpcId = i.getVirtualPrivateCloud().getVpcId();
            assertThat(code(vpc, "DescribeUsedIpAddress", "{\"VpcId\":\"" + vpcId + "\",\"IpAddresses\":[\"1.2.3.4\"],"
                    + "\"Filters\":[{\"Name\":\"resource-id\",\"Values\":[\"x\"]}]}")).isEqualTo("InvalidParameter.Coexist");
            assertThat(code(vpc, "DescribeUsedIpAddress", "{\"VpcId\":\"" + vpcId + "\",\"Filters\":[{\"Name\":\"zone\","
                    + "\"Values\":[\"x\"]}]}")).isEqualTo("InvalidParameter.FilterInvalidKey");
            assertThat(code(vpc, "DescribeUsedIpAddress", "{\"VpcId\":\"" + vpcId + "\",\"IpAddresses\":[\"1.2.3\"]}"))
                    .isEqualTo("InvalidParameterValue.Malformed");
            assertThat(code(vpc, "DescribeUsedIpAddress", "{\"VpcId\":\"" + vpcId + "\",\"SubnetId\":\"subnet-zzzzzzzz\"}"))
                    .isEqualTo("ResourceNotFound");
            assertThat(call(vpc, "DescribeBandwidthPackages", "{}").path("TotalCount").asInt()).isZero();
        }
    }

    private static boolean within(String ip, String cidr) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : 0xffffffffL << (32 - bits) & 0xffffffffL;
        return (toLong(ip) & mask) == (toLong(parts[0]) & mask);
    }

    private static long toLong(String ip) {
        long v = 0;
        for (String octet : ip.split("\\.")) {
            v = v << 8 | Integer.parseInt(octet);
        }
        return v;
    }

    @Test
    void filtersIdsAndPagingSelect() throws Exception {
        CommonClient vpc = vpc(TestServer.Mode.TC3_POST);
        List<String> ids = new ArrayList<>();
        call(vpc, "DescribeSubnets", "{}").path("SubnetSet").forEach(s -> ids.add(s.path("SubnetId").asText()));
        JsonNode one = call(vpc, "DescribeSubnets", "{\"SubnetIds\":[\"" + ids.get(1) + "\"]}");
        assertThat(one.path("SubnetSet").get(0).path("SubnetId").asText()).isEqualTo(ids.get(1));
        JsonNode page = call(vpc, "DescribeSubnets", "{\"Offset\":\"1\",\"Limit\":\"1\"}");
        assertThat(page.path("TotalCount").asInt()).isEqualTo(ids.size());
        assertThat(page.path("SubnetSet").get(0).path("SubnetId").asText()).isEqualTo(ids.get(1));
        assertThat(call(vpc, "DescribeVpcs", "{\"Filters\":[{\"Name\":\"tag-key\",\"Values\":[\"env\"]}]}")
                .path("TotalCount").asInt()).isZero();
        assertThat(call(vpc, "DescribeVpcs", "{\"Filters\":[{\"Name\":\"is-default\",\"Values\":[\"true\"]}]}")
                .path("TotalCount").asInt()).isEqualTo(1);
    }

    @Test
    void errorsOfTheDescribeActions() throws Exception {
        CommonClient vpc = vpc(TestServer.Mode.TC3_POST);
        assertThat(code(vpc, "DescribeVpcs", "{\"VpcIds\":[\"vpc-1\"]}")).isEqualTo("InvalidParameterValue.Malformed");
        assertThat(code(vpc, "DescribeVpcs", "{\"VpcIds\":[\"vpc-zzzzzzzz\"]}")).isEqualTo("ResourceNotFound");
        assertThat(code(vpc, "DescribeSubnets", "{\"SubnetIds\":[\"subnet-zzzzzzzz\"],\"Filters\":[]}"))
                .isEqualTo("ResourceNotFound");
        assertThat(code(vpc, "DescribeSubnets", "{\"SubnetIds\":[\"subnet-zzzzzzzz\"],"
                + "\"Filters\":[{\"Name\":\"zone\",\"Values\":[\"x\"]}]}")).isEqualTo("InvalidParameter.Coexist");
        assertThat(code(vpc, "DescribeSecurityGroups", "{\"Filters\":[{\"Name\":\"colour\",\"Values\":[\"x\"]}]}"))
                .isEqualTo("InvalidParameter.FilterInvalidKey");
        assertThat(code(vpc, "DescribeVpcs", "{\"Limit\":\"101\"}")).isEqualTo("InvalidParameterValue.Range");
        assertThat(code(vpc, "DescribeVpcs", "{\"Foo\":1}")).isEqualTo("UnknownParameter");
    }

    private static String code(CommonClient client, String action, String body) {
        try {
            client.call(action, body);
            throw new AssertionError(action + " " + body + " succeeded");
        } catch (TencentCloudSDKException e) {
            return e.getErrorCode();
        }
    }

    // --- routing (issue 13, part 1)

    @Test
    void theScopeServiceChoosesTheProduct() throws Exception {
        Envelope.success(server.tc3().service("vpc").action("DescribeVpcs").region(REGION).send());
        // The scope names cvm, which has no DescribeVpcs: the scope wins over the action.
        Envelope.error(server.tc3().service("cvm").action("DescribeVpcs").region(REGION).send(), "InvalidAction");
    }

    @Test
    void theHostsFirstLabelChoosesWhenTheScopeNamesNoProduct() throws Exception {
        String host = "vpc.localcvm.test:" + server.port();
        Envelope.success(server.tc3().service("127").host(host).action("DescribeVpcs").region(REGION).send());
        Envelope.error(server.tc3().service("127").host("cvm.localcvm.test:" + server.port()).action("DescribeVpcs")
                .region(REGION).send(), "InvalidAction");
        Envelope.success(server.v1().host(host).action("DescribeVpcs").region(REGION).send());
        Envelope.error(server.v1().host("cvm.localcvm.test:" + server.port()).action("DescribeVpcs").region(REGION)
                .send(), "InvalidAction");
    }

    @Test
    void otherwiseTheActionChooses() throws Exception {
        Envelope.success(server.tc3().service("127").action("DescribeVpcs").region(REGION).send());
        Envelope.success(server.tc3().service("localhost:" + server.port()).action("DescribeInstances").region(REGION)
                .send());
        Envelope.success(server.v1().action("DescribeSubnets").region(REGION).send());
        Envelope.error(server.tc3().service("127").action("NoSuchThing").region(REGION).send(), "InvalidAction");
        Envelope.error(server.tc3().service("vpc").version("2018-01-01").action("DescribeVpcs").region(REGION).send(),
                "NoSuchVersion");
    }

    @Test
    void theSdkThroughAnHttpProxyReachesEachProductByItsRealHost() throws Exception {
        CommonClient vpc = server.commonThroughProxy("vpc", "2017-03-12", REGION);
        assertThat(call(vpc, "DescribeVpcs", "{}").path("TotalCount").asInt()).isEqualTo(1);
        CommonClient cvm = server.commonThroughProxy("cvm", "2017-03-12", REGION);
        assertThat(call(cvm, "DescribeZones", "{}").path("TotalCount").asInt()).isGreaterThan(0);
        assertThat(code(server.commonThroughProxy("clb", "2018-03-17", REGION), "DescribeLoadBalancers", "{}"))
                .isEqualTo("NoSuchProduct");
    }
}
