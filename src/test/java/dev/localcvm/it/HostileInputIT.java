package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.cvm.domain.ChargeType;
import dev.localcvm.cvm.domain.InstanceState;
import dev.localcvm.cvm.domain.Instances;
import dev.localcvm.store.Database;
import dev.localcvm.store.InstanceRepository;
import dev.localcvm.store.StoreConfig;
import dev.localcvm.testing.Envelope;
import dev.localcvm.testing.RawHttp;
import dev.localcvm.testing.TestServer;
import dev.localcvm.testing.TestStores;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a hostile caller found (issue 12): strings that could be stored and then break every read, nesting that
 * overflowed the stack, numbers that overflowed a parse. Each is refused with its documented code and changes
 * nothing; a row an earlier version stored with such a string still reads.
 */
class HostileInputIT {
    private static final String RUN = "{\"Placement\":{\"Zone\":\"ap-guangzhou-3\"},\"ImageId\":\"img-pmqg1cw7\"";
    private static final String LONE = "\\ud800";
    static TestServer server;
    static String instance;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TestServer.config(), ServerClock.system());
        instance = run(RUN + "}").path("InstanceIdSet").get(0).asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode run(String body) throws Exception {
        return Envelope.success(call("RunInstances", body));
    }

    private static RawHttp.Response call(String action, String body) throws Exception {
        return server.tc3().action(action).region("ap-guangzhou").body(body).send();
    }

    private static int instanceCount() throws Exception {
        return Envelope.success(call("DescribeInstances", "{\"Limit\":100}")).path("TotalCount").asInt();
    }

    static Stream<Arguments> loneSurrogates() {
        return Stream.of(
                Arguments.of("InstanceName", ",\"InstanceName\":\"" + LONE + "\""),
                Arguments.of("TagSpecification.0.Tags.0.Key", ",\"TagSpecification\":[{\"ResourceType\":\"instance\","
                        + "\"Tags\":[{\"Key\":\"" + LONE + "\",\"Value\":\"v\"}]}]"),
                Arguments.of("TagSpecification.0.Tags.0.Value", ",\"TagSpecification\":[{\"ResourceType\":\"instance\","
                        + "\"Tags\":[{\"Key\":\"k\",\"Value\":\"a" + LONE + "\"}]}]"),
                Arguments.of("SystemDisk.DiskType", ",\"SystemDisk\":{\"DiskType\":\"" + LONE + "\"}"),
                Arguments.of("DataDisks.0.DiskType", ",\"DataDisks\":[{\"DiskSize\":50,\"DiskType\":\"" + LONE + "\"}]"),
                Arguments.of("LoginSettings.KeyIds.0", ",\"LoginSettings\":{\"KeyIds\":[\"" + LONE + "\"]}"),
                Arguments.of("SecurityGroupIds.0", ",\"SecurityGroupIds\":[\"" + LONE + "\"]"),
                Arguments.of("VirtualPrivateCloud.VpcId",
                        ",\"VirtualPrivateCloud\":{\"VpcId\":\"" + LONE + "\",\"SubnetId\":\"subnet-aaaa1111\"}"),
                Arguments.of("InternetAccessible.InternetChargeType",
                        ",\"InternetAccessible\":{\"InternetChargeType\":\"" + LONE + "\"}"),
                Arguments.of("CamRoleName", ",\"CamRoleName\":\"\\udc00x\""),
                Arguments.of("Metadata", ",\"Metadata\":{\"Items\":[{\"Key\":\"k\",\"Value\":\"" + LONE + "\"}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loneSurrogates")
    void aLoneSurrogateIsRefusedByNameAndCreatesNothing(String parameter, String field) throws Exception {
        int before = instanceCount();
        String message = Envelope.errorMessage(call("RunInstances", RUN + field + "}"), "InvalidParameterValue");
        assertThat(message).contains("`" + parameter + "`");
        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void modifyInstancesAttributeRefusesALoneSurrogateName() throws Exception {
        String body = "{\"InstanceIds\":[\"" + instance + "\"],\"InstanceName\":\"x" + LONE + "\"}";
        Envelope.error(call("ModifyInstancesAttribute", body), "InvalidParameterValue");
        Envelope.success(call("DescribeInstances", "{\"InstanceIds\":[\"" + instance + "\"]}"));
    }

    static Stream<Arguments> valuesTheRealApiRefuses() {
        return Stream.of(
                Arguments.of(",\"SystemDisk\":{\"DiskType\":\"FAST_DISK\"}", "InvalidParameterValue"),
                Arguments.of(",\"SystemDisk\":{\"DiskSize\":10}", "InvalidParameterValue.Range"),
                Arguments.of(",\"DataDisks\":[{\"DiskSize\":50,\"DiskType\":\"cloud_ssd\"}]", "InvalidParameterValue"),
                Arguments.of(",\"DataDisks\":[{\"DiskSize\":-5}]", "InvalidParameterValue.Range"),
                Arguments.of(",\"DataDisks\":[{\"DiskSize\":50,\"SnapshotId\":\"snapshot1\"}]",
                        "InvalidParameterValue.SnapshotIdMalformed"),
                Arguments.of(",\"VirtualPrivateCloud\":{\"VpcId\":\"my-vpc\",\"SubnetId\":\"subnet-aaaa1111\"}",
                        "InvalidParameterValue.VpcIdMalformed"),
                Arguments.of(",\"VirtualPrivateCloud\":{\"VpcId\":\"vpc-aaaa1111\",\"SubnetId\":\"subnet-A\"}",
                        "InvalidParameterValue.SubnetIdMalformed"),
                Arguments.of(",\"VirtualPrivateCloud\":{\"VpcId\":\"vpc-aaaa1111\"}", "MissingParameter"),
                Arguments.of(",\"VirtualPrivateCloud\":{\"VpcId\":\"vpc-aaaa1111\",\"SubnetId\":\"subnet-aaaa1111\","
                        + "\"PrivateIpAddresses\":[\"10.0.0.256\"]}", "InvalidParameterValue.IPAddressMalformed"),
                Arguments.of(",\"InternetAccessible\":{\"InternetChargeType\":\"FREE\"}", "InvalidParameterValue"),
                Arguments.of(",\"InternetAccessible\":{\"InternetMaxBandwidthOut\":-1}", "InvalidParameterValue.Range"),
                Arguments.of(",\"LoginSettings\":{\"KeyIds\":[\"key-1\"]}", "InvalidKeyPairId.Malformed"),
                Arguments.of(",\"LoginSettings\":{\"Password\":\"short\"}", "InvalidPassword"),
                Arguments.of(",\"LoginSettings\":{\"Password\":\"Abcdefg1\",\"KeyIds\":[\"skey-aaaa1111\"]}",
                        "InvalidParameterCombination"),
                Arguments.of(",\"SecurityGroupIds\":[\"default\"]", "InvalidSgId.Malformed"),
                Arguments.of(",\"SecurityGroupIds\":[\"sg-aaaa0001\",\"sg-aaaa0002\",\"sg-aaaa0003\",\"sg-aaaa0004\","
                        + "\"sg-aaaa0005\",\"sg-aaaa0006\"]", "LimitExceeded.AssociateUSGLimitExceeded"),
                Arguments.of(",\"CamRoleName\":\"role with spaces\"", "InvalidParameterValue.CamRoleNameMalformed"),
                Arguments.of(",\"HostName\":\"-web\"", "InvalidParameterValue.IllegalHostName"),
                Arguments.of(",\"InstanceName\":\"a\\u0000b\"", "InvalidParameterValue"),
                Arguments.of(",\"UserData\":\"not base64!\"", "InvalidParameterValue.InvalidUserDataFormat"),
                Arguments.of(",\"TagSpecification\":[{\"ResourceType\":\"instance\",\"Tags\":[{\"Key\":\"a\\nb\","
                        + "\"Value\":\"v\"}]}]", "FailedOperation.IllegalTagKey"),
                Arguments.of(",\"TagSpecification\":[{\"ResourceType\":\"instance\",\"Tags\":[{\"Key\":\"k\","
                        + "\"Value\":\"" + "v".repeat(256) + "\"}]}]", "FailedOperation.IllegalTagValue"),
                Arguments.of(",\"TagSpecification\":[{\"ResourceType\":\"instance\",\"Tags\":[{\"Key\":\"k\","
                        + "\"Value\":\"1\"},{\"Key\":\"k\",\"Value\":\"2\"}]}]", "InvalidParameterValue.DuplicateTags"),
                Arguments.of(",\"TagSpecification\":[{\"ResourceType\":\"volume\",\"Tags\":[{\"Key\":\"k\","
                        + "\"Value\":\"1\"}]}]", "InvalidParameterValue"),
                Arguments.of(",\"InstanceType\":\"S5.MEDIUM99999999999999999999\"", "InvalidInstanceType.Malformed"),
                Arguments.of(",\"InstanceName\":\"web-{R:99999999999999999999}\",\"InstanceCount\":2,"
                        + "\"MinCount\":3", "InvalidParameterValue.Range"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("valuesTheRealApiRefuses")
    void aValueOutsideTheDocumentedFormIsRefusedAndCreatesNothing(String field, String code) throws Exception {
        int before = instanceCount();
        Envelope.error(call("RunInstances", RUN + field + "}"), code);
        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void aHugeNumberPatternInANameIsTakenLiterally() throws Exception {
        String id = run(RUN + ",\"InstanceName\":\"web-{R:99999999999999999999}\"}").path("InstanceIdSet").get(0).asText();
        JsonNode set = Envelope.success(call("DescribeInstances", "{\"InstanceIds\":[\"" + id + "\"]}")).path("InstanceSet");
        assertThat(set.get(0).path("InstanceName").asText()).isEqualTo("web-{R:99999999999999999999}");
    }

    @Test
    void aFormKeyNestedTenThousandDeepIsInvalidParameterInEveryFormMode() throws Exception {
        String key = "Foo" + ".0".repeat(10_000);
        Envelope.error(server.tc3().get(key + "=1").send(), "InvalidParameter");
        Envelope.error(server.v1().param(key, "1").send(), "InvalidParameter");
        Envelope.error(server.v1().param(key, "1").post().send(), "InvalidParameter");
    }

    @Test
    void jsonNestedBeyondTheParsersLimitIsInvalidParameter() throws Exception {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        Envelope.error(call("RunInstances", RUN + ",\"EnhancedService\":" + deep + "}"), "InvalidParameter");
    }

    /** A row an earlier version stored with unpaired surrogates in its strings reads, with U+FFFD in their place. */
    @Test
    void anInstanceStoredWithLoneSurrogatesStillDescribes() throws Exception {
        StoreConfig store = TestStores.fresh();
        dev.localcvm.cvm.domain.Instance poisoned = Instances.of("ins-poison01", InstanceState.RUNNING,
                        ChargeType.POSTPAID_BY_HOUR)
                .name("name\ud800").camRoleName("\udc00").securityGroupIds(List.of("sg-\ud800"))
                .build();
        try (Database db = Database.open(store)) {
            new InstanceRepository(db).commit(new InstanceRepository.Changes(List.of(poisoned), List.of(), List.of(),
                    Instances.T0, null, 0, null));
        }
        try (TestServer earlier = TestServer.start(TestStores.on(TestServer.config(), store), ServerClock.system())) {
            CvmClient cvm = earlier.cvm(TestServer.Mode.values()[0], "ap-guangzhou");
            DescribeInstancesRequest req = new DescribeInstancesRequest();
            req.setInstanceIds(new String[] {"ins-poison01"});
            Instance shown = cvm.DescribeInstances(req).getInstanceSet()[0];
            assertThat(shown.getInstanceName()).isEqualTo("name\uFFFD");
            assertThat(shown.getCamRoleName()).isEqualTo("\uFFFD");
            assertThat(shown.getSecurityGroupIds()).containsExactly("sg-\uFFFD");
            assertThat(cvm.DescribeInstances(new DescribeInstancesRequest()).getTotalCount()).isEqualTo(1L);
        }
    }
}
