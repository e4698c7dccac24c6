package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.JsonBody;
import dev.localcvm.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Elastic IPs of the vpc product (issue 13) through the SDK's generic client, instances through the cvm SDK.
 * The server's clock stands still (D = 1 s) and is stepped by the tests; each test has an account of its own.
 */
class ElasticIpIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static CvmFixture root;

    @BeforeAll
    static void start() {
        root = CvmFixture.start();
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    /** One account's cvm fixture and vpc client. */
    private record Account(CvmFixture cvm, CommonClient vpc) {
        JsonNode call(String action, Object... keyValues) throws Exception {
            return JSON.readTree(vpc.call(action, JsonBody.of(keyValues))).path("Response");
        }

        String code(String action, Object... keyValues) {
            return CvmFixture.codeOf(() -> vpc.call(action, JsonBody.of(keyValues)));
        }

        List<String> allocate(Object... keyValues) throws Exception {
            List<String> ids = new ArrayList<>();
            JsonNode r = call("AllocateAddresses", keyValues);
            assertThat(r.path("TaskId").isTextual()).isTrue();
            assertThat(r.path("TaskId").asText()).matches("[0-9]+");
            r.path("AddressSet").forEach(id -> ids.add(id.asText()));
            return ids;
        }

        /** One UNBIND address. */
        String unbound(Object... keyValues) throws Exception {
            String id = allocate(keyValues).get(0);
            cvm.settle();
            return id;
        }

        JsonNode address(String id) throws Exception {
            JsonNode set = call("DescribeAddresses", "AddressIds", List.of(id)).path("AddressSet");
            return set.isEmpty() ? null : set.get(0);
        }

        String status(String id) throws Exception {
            JsonNode a = address(id);
            return a == null ? "absent" : a.path("AddressStatus").asText();
        }

        String task(String taskId) throws Exception {
            return call("DescribeTaskResult", "TaskId", Long.parseLong(taskId)).path("Result").asText();
        }

        List<String> ids(Object... filterNameValues) throws Exception {
            List<Map<String, Object>> filters = new ArrayList<>();
            for (int k = 0; k < filterNameValues.length; k += 2) {
                filters.add(Map.of("Name", filterNameValues[k], "Values", List.of(filterNameValues[k + 1])));
            }
            List<String> ids = new ArrayList<>();
            call("DescribeAddresses", "Filters", filters).path("AddressSet")
                    .forEach(a -> ids.add(a.path("AddressId").asText()));
            return ids;
        }
    }

    private static Account account() {
        CvmFixture cvm = root.newAccount("eip-" + ACCOUNTS.incrementAndGet());
        TestServer server = cvm.server();
        CommonClient vpc = new CommonClient("vpc", "2017-03-12", cvm.credential(), CvmFixture.REGION,
                server.profile(TestServer.Mode.TC3_POST));
        return new Account(cvm, vpc);
    }


    @Test
    void allocatesEachTypeCreatingThenUnbindWithTheAddressModelsFields() throws Exception {
        Account a = account();
        String eip = a.allocate().get(0);
        String hq = a.allocate("AddressType", "HighQualityEIP", "AddressName", "web", "InternetMaxBandwidthOut", 10,
                "InternetChargeType", "BANDWIDTH_POSTPAID_BY_HOUR", "Tags", List.of(Map.of("Key", "env", "Value", "ci")))
                .get(0);
        JsonNode allocated = a.call("AllocateAddresses", "AddressType", "AntiDDoSEIP");
        String anti = allocated.path("AddressSet").get(0).asText();
        for (String id : List.of(eip, hq, anti)) {
            assertThat(id).matches("eip-[a-z0-9]{8}");
            assertThat(a.status(id)).isEqualTo("CREATING");
        }
        String task = allocated.path("TaskId").asText();
        assertThat(a.task(task)).isEqualTo("RUNNING");
        a.cvm().settle();
        assertThat(a.task(task)).isEqualTo("SUCCESS");

        JsonNode view = a.address(hq);
        assertThat(view.path("AddressStatus").asText()).isEqualTo("UNBIND");
        assertThat(view.path("AddressType").asText()).isEqualTo("HighQualityEIP");
        assertThat(view.path("AddressName").asText()).isEqualTo("web");
        assertThat(view.path("Bandwidth").asLong()).isEqualTo(10);
        assertThat(view.path("InternetChargeType").asText()).isEqualTo("BANDWIDTH_POSTPAID_BY_HOUR");
        assertThat(view.path("TagSet").get(0).path("Key").asText()).isEqualTo("env");
        assertThat(view.path("TagSet").get(0).path("Value").asText()).isEqualTo("ci");
        assertThat(view.path("AddressIp").asText()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(view.path("CreatedTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(view.path("IsArrears").asBoolean(true)).isFalse();
        assertThat(view.path("EipAlgType").path("Ftp").isBoolean()).isTrue();
        for (String field : List.of("AddressId", "AddressName", "AddressStatus", "AddressIp", "InstanceId", "CreatedTime",
                "NetworkInterfaceId", "PrivateAddressIp", "IsArrears", "IsBlocked", "IsEipDirectConnection",
                "AddressType", "CascadeRelease", "InternetServiceProvider", "Bandwidth", "InternetChargeType", "TagSet")) {
            assertThat(view.has(field)).as(field).isTrue();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = view.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(e.getValue().isNull()).as("%s is null", e.getKey()).isFalse();
        }
        JsonNode plain = a.address(eip);
        assertThat(plain.path("AddressType").asText()).isEqualTo("EIP");
        assertThat(plain.path("InternetChargeType").asText()).isEqualTo("TRAFFIC_POSTPAID_BY_HOUR");
        assertThat(plain.path("Bandwidth").asLong()).isEqualTo(1);
        assertThat(a.address(anti).path("AddressType").asText()).isEqualTo("AntiDDoSEIP");
    }

    @Test
    void describeFiltersAndPages() throws Exception {
        Account a = account();
        List<String> three = a.allocate("AddressCount", 3);
        String named = a.allocate("AddressName", "db", "AddressType", "HighQualityEIP",
                "Tags", List.of(Map.of("Key", "team", "Value", "red"))).get(0);
        a.cvm().settle();
        String instance = a.cvm().running("POSTPAID_BY_HOUR");
        a.call("AssociateAddress", "AddressId", three.get(0), "InstanceId", instance);
        a.cvm().settle();
        JsonNode bound = a.address(three.get(0));

        assertThat(a.call("DescribeAddresses").path("TotalCount").asInt()).isEqualTo(4);
        assertThat(a.ids("address-id", three.get(1))).containsExactly(three.get(1));
        assertThat(a.ids("address-name", "db")).containsExactly(named);
        assertThat(a.ids("address-ip", a.address(named).path("AddressIp").asText())).containsExactly(named);
        assertThat(a.ids("address-status", "BIND")).containsExactly(three.get(0));
        assertThat(a.ids("address-status", "UNBIND")).hasSize(3);
        assertThat(a.ids("instance-id", instance)).containsExactly(three.get(0));
        assertThat(a.ids("private-ip-address", bound.path("PrivateAddressIp").asText())).containsExactly(three.get(0));
        assertThat(a.ids("address-type", "HighQualityEIP")).containsExactly(named);
        assertThat(a.ids("is-arrears", "FALSE")).hasSize(4);
        assertThat(a.ids("business-type", "CDC")).isEmpty();
        assertThat(a.ids("tag-key", "team")).containsExactly(named);
        assertThat(a.ids("tag:team", "red")).containsExactly(named);
        assertThat(a.ids("tag:team", "blue")).isEmpty();
        assertThat(a.ids("address-type", "EIP", "address-status", "UNBIND")).hasSize(2);

        JsonNode page = a.call("DescribeAddresses", "Offset", 1, "Limit", 2);
        assertThat(page.path("TotalCount").asInt()).isEqualTo(4);
        assertThat(page.path("AddressSet").size()).isEqualTo(2);
        JsonNode last = a.call("DescribeAddresses", "Offset", 3, "Limit", 2);
        assertThat(last.path("AddressSet").size()).isEqualTo(1);
        // An id that does not exist is simply absent; a malformed one is refused.
        assertThat(a.call("DescribeAddresses", "AddressIds", List.of("eip-zzzzzzzz", named)).path("TotalCount").asInt())
                .isEqualTo(1);
        assertThat(a.code("DescribeAddresses", "AddressIds", List.of("eip-1"))).isEqualTo("InvalidParameterValue.AddressIdMalformed");
        assertThat(a.code("DescribeAddresses", "AddressIds", List.of(named),
                "Filters", List.of(Map.of("Name", "address-type", "Values", List.of("EIP")))))
                .isEqualTo("InvalidParameter.Coexist");
        assertThat(a.code("DescribeAddresses", "Filters", List.of(Map.of("Name", "colour", "Values", List.of("x")))))
                .isEqualTo("InvalidParameter.FilterInvalidKey");
        assertThat(a.code("DescribeAddresses", "Limit", 101)).isEqualTo("InvalidParameterValue.Range");
        // Another account sees none of them.
        assertThat(account().call("DescribeAddresses").path("TotalCount").asInt()).isZero();
    }

    @Test
    void associateAndDisassociateStepThroughTheirStatusesAndMoveTheInstancesPublicIp() throws Exception {
        Account a = account();
        String id = a.unbound();
        String ip = a.address(id).path("AddressIp").asText();
        String instance = a.cvm().running("POSTPAID_BY_HOUR");
        Instance before = a.cvm().describe(instance);

        String bindTask = a.call("AssociateAddress", "AddressId", id, "InstanceId", instance).path("TaskId").asText();
        assertThat(a.status(id)).isEqualTo("BINDING");
        assertThat(a.task(bindTask)).isEqualTo("RUNNING");
        assertThat(a.cvm().describe(instance).getPublicIpAddresses()).containsExactly(ip);
        a.cvm().advanceClockOnly(CvmFixture.PAST_D);
        JsonNode bound = a.address(id);
        assertThat(bound.path("AddressStatus").asText()).isEqualTo("BIND");
        assertThat(bound.path("InstanceId").asText()).isEqualTo(instance);
        assertThat(bound.path("PrivateAddressIp").asText()).isEqualTo(before.getPrivateIpAddresses()[0]);
        assertThat(bound.path("NetworkInterfaceId").asText()).matches("eni-[a-z0-9]{8}");
        assertThat(a.task(bindTask)).isEqualTo("SUCCESS");

        String unbindTask = a.call("DisassociateAddress", "AddressId", id).path("TaskId").asText();
        assertThat(a.status(id)).isEqualTo("UNBINDING");
        assertThat(a.task(unbindTask)).isEqualTo("RUNNING");
        a.cvm().advance(2);
        JsonNode unbound = a.address(id);
        assertThat(unbound.path("AddressStatus").asText()).isEqualTo("UNBIND");
        assertThat(unbound.path("InstanceId").asText()).isEmpty();
        assertThat(a.task(unbindTask)).isEqualTo("SUCCESS");
        assertThat(a.cvm().describe(instance).getPublicIpAddresses()).isNullOrEmpty();

        // Bound again, then unbound asking for a normal public IP: the instance gets a new address of its own.
        a.call("AssociateAddress", "AddressId", id, "InstanceId", instance);
        a.cvm().settle();
        a.call("DisassociateAddress", "AddressId", id, "ReallocateNormalPublicIp", true);
        a.cvm().settle();
        String[] fresh = a.cvm().describe(instance).getPublicIpAddresses();
        assertThat(fresh).hasSize(1);
        assertThat(fresh[0]).isNotEqualTo(ip);
        assertThat(a.status(id)).isEqualTo("UNBIND");
    }

    @Test
    void aStoppedInstanceTakesAnEipAndARenameKeepsTheBinding() throws Exception {
        Account a = account();
        String id = a.unbound();
        String instance = a.cvm().running("POSTPAID_BY_HOUR");
        var stop = new com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest();
        stop.setInstanceIds(new String[] {instance});
        a.cvm().client().StopInstances(stop);
        a.cvm().settle();
        assertThat(a.cvm().state(instance)).isEqualTo("STOPPED");
        a.call("AssociateAddress", "AddressId", id, "InstanceId", instance);
        a.call("ModifyAddressAttribute", "AddressId", id, "AddressName", "renamed");
        a.cvm().settle();
        JsonNode view = a.address(id);
        assertThat(view.path("AddressName").asText()).isEqualTo("renamed");
        assertThat(view.path("AddressStatus").asText()).isEqualTo("BIND");
    }

    @Test
    void releaseGoesOfflineThenAway() throws Exception {
        Account a = account();
        String id = a.unbound();
        String task = a.call("ReleaseAddresses", "AddressIds", List.of(id)).path("TaskId").asText();
        assertThat(a.status(id)).isEqualTo("OFFLINING");
        assertThat(a.task(task)).isEqualTo("RUNNING");
        a.cvm().settle();
        assertThat(a.status(id)).isEqualTo("absent");
        assertThat(a.task(task)).isEqualTo("SUCCESS");
        assertThat(a.code("ReleaseAddresses", "AddressIds", List.of(id))).isEqualTo("InvalidAddressId.NotFound");
    }

    @Test
    void theQuotaIsTwentyPerAccountAndRegion() throws Exception {
        Account a = account();
        assertThat(a.code("AllocateAddresses", "AddressCount", 21)).isEqualTo("AddressQuotaLimitExceeded");
        List<String> ids = a.allocate("AddressCount", 20);
        assertThat(ids).hasSize(20).doesNotHaveDuplicates();
        assertThat(a.code("AllocateAddresses")).isEqualTo("AddressQuotaLimitExceeded");
        assertThat(a.call("DescribeAddresses").path("TotalCount").asInt()).isEqualTo(20);
        // Another region has a quota of its own.
        CvmFixture other = a.cvm().inRegion("ap-shanghai", "ap-shanghai-2");
        CommonClient shanghai = new CommonClient("vpc", "2017-03-12", other.credential(), "ap-shanghai",
                other.server().profile(TestServer.Mode.TC3_POST));
        assertThat(JSON.readTree(shanghai.call("AllocateAddresses", "{}")).path("Response").path("AddressSet").size())
                .isEqualTo(1);
        // A released address stops counting once it is gone.
        a.cvm().settle();
        a.call("ReleaseAddresses", "AddressIds", List.of(ids.get(0)));
        assertThat(a.code("AllocateAddresses")).isEqualTo("AddressQuotaLimitExceeded");
        a.cvm().settle();
        assertThat(a.allocate()).hasSize(1);
    }

    @Test
    void anAccountsOwnQuotaIsAnAdminAttribute() throws Exception {
        Account a = account();
        String path = "/_localcvm/accounts/" + a.cvm().uin() + "/attributes";
        a.cvm().server().admin("POST", path, new JsonObject().put("addressQuota", 2));
        assertThat(a.allocate("AddressCount", 2)).hasSize(2);
        assertThat(a.code("AllocateAddresses")).isEqualTo("AddressQuotaLimitExceeded");
        a.cvm().server().admin("POST", path, new JsonObject().putNull("addressQuota"));
        assertThat(a.allocate("AddressCount", 18)).hasSize(18);
        assertThat(a.code("AllocateAddresses")).isEqualTo("AddressQuotaLimitExceeded");
    }

    @Test
    void aRefusedReleaseChangesNothing() throws Exception {
        Account a = account();
        List<String> ids = a.allocate("AddressCount", 2);
        a.cvm().settle();
        String instance = a.cvm().running("POSTPAID_BY_HOUR");
        a.call("AssociateAddress", "AddressId", ids.get(1), "InstanceId", instance);
        a.cvm().settle();
        assertThat(a.code("ReleaseAddresses", "AddressIds", ids)).isEqualTo("InvalidAddressState");
        assertThat(a.status(ids.get(0))).isEqualTo("UNBIND");
        assertThat(a.status(ids.get(1))).isEqualTo("BIND");
        assertThat(a.code("ReleaseAddresses", "AddressIds", List.of(ids.get(0), "eip-zzzzzzzz")))
                .isEqualTo("InvalidAddressId.NotFound");
        assertThat(a.code("ReleaseAddresses", "AddressIds", List.of(ids.get(0), "eip-Z")))
                .isEqualTo("InvalidParameterValue.AddressIdMalformed");
        assertThat(a.status(ids.get(0))).isEqualTo("UNBIND");
        // Both become releasable once the bound one is unbound; then one call releases both.
        a.call("DisassociateAddress", "AddressId", ids.get(1));
        a.cvm().settle();
        a.call("ReleaseAddresses", "AddressIds", ids);
        assertThat(a.status(ids.get(0))).isEqualTo("OFFLINING");
        assertThat(a.status(ids.get(1))).isEqualTo("OFFLINING");
    }

    @Test
    void allocateRefusesEveryInvalidField() throws Exception {
        Account a = account();
        assertThat(a.code("AllocateAddresses", "AddressType", "WanIP")).isEqualTo("InvalidParameterValue");
        assertThat(a.code("AllocateAddresses", "InternetChargeType", "FREE")).isEqualTo("InvalidParameterValue");
        assertThat(a.code("AllocateAddresses", "InternetServiceProvider", "XYZ")).isEqualTo("InvalidParameterValue");
        assertThat(a.code("AllocateAddresses", "AddressCount", 0)).isEqualTo("InvalidParameterValue.Range");
        assertThat(a.code("AllocateAddresses", "AddressCount", 101)).isEqualTo("InvalidParameterValue.Range");
        assertThat(a.code("AllocateAddresses", "InternetMaxBandwidthOut", 0))
                .isEqualTo("InvalidParameterValue.BandwidthOutOfRange");
        assertThat(a.code("AllocateAddresses", "AddressName", "n".repeat(129))).isEqualTo("InvalidParameterValue.TooLong");
        assertThat(a.code("AllocateAddresses", "BandwidthPackageId", "bwp-1"))
                .isEqualTo("InvalidParameterValue.BandwidthPackageIdMalformed");
        assertThat(a.code("AllocateAddresses", "AddressChargePrepaid", Map.of("Period", 10)))
                .isEqualTo("InvalidParameterValue");
        assertThat(a.code("AllocateAddresses", "Tags", List.of(Map.of("Key", "k", "Value", "1"), Map.of("Key", "k"))))
                .isEqualTo("InvalidParameterValue.DuplicateTags");
        assertThat(a.code("AllocateAddresses", "Tags", List.of(Map.of("Key", "qcloud:x", "Value", "1"))))
                .isEqualTo("FailedOperation.TagKeyReserved");
        assertThat(a.code("AllocateAddresses", "Tags", List.of(Map.of("Key", "a*b", "Value", "1"))))
                .isEqualTo("FailedOperation.IllegalTagKey");
        assertThat(a.code("AllocateAddresses", "Colour", "red")).isEqualTo("UnknownParameter");
        assertThat(a.call("DescribeAddresses").path("TotalCount").asInt()).isZero();
    }

    @Test
    void associateDisassociateModifyAndTaskErrors() throws Exception {
        Account a = account();
        String instance = a.cvm().running("POSTPAID_BY_HOUR");
        String creating = a.allocate().get(0);
        assertThat(a.code("AssociateAddress", "AddressId", creating, "InstanceId", instance))
                .isEqualTo("InvalidAddressIdStatus.NotPermit");
        a.cvm().settle();
        String id = creating;
        assertThat(a.code("AssociateAddress", "InstanceId", instance)).isEqualTo("MissingParameter");
        assertThat(a.code("AssociateAddress", "AddressId", "eip-1", "InstanceId", instance))
                .isEqualTo("InvalidParameterValue.AddressIdMalformed");
        assertThat(a.code("AssociateAddress", "AddressId", id)).isEqualTo("InvalidParameterValue.MissingAssociateEntity");
        assertThat(a.code("AssociateAddress", "AddressId", id, "InstanceId", "ins-1"))
                .isEqualTo("InvalidParameterValue.Malformed");
        assertThat(a.code("AssociateAddress", "AddressId", "eip-zzzzzzzz", "InstanceId", instance))
                .isEqualTo("InvalidAddressId.NotFound");
        assertThat(a.code("AssociateAddress", "AddressId", id, "InstanceId", "ins-zzzzzzzz"))
                .isEqualTo("InvalidInstanceId.NotFound");
        Account other = account();
        String foreign = other.cvm().running("POSTPAID_BY_HOUR");
        assertThat(a.code("AssociateAddress", "AddressId", id, "InstanceId", foreign)).isEqualTo("InvalidInstanceId.NotFound");
        assertThat(other.code("AssociateAddress", "AddressId", id, "InstanceId", foreign)).isEqualTo("InvalidAddressId.NotFound");
        String pending = a.cvm().pending("POSTPAID_BY_HOUR");
        assertThat(a.code("AssociateAddress", "AddressId", id, "InstanceId", pending))
                .isEqualTo("InvalidParameterValue.InvalidInstanceState");
        assertThat(a.code("DisassociateAddress", "AddressId", id)).isEqualTo("InvalidAddressIdStatus.NotPermit");
        assertThat(a.status(id)).isEqualTo("UNBIND");

        a.call("AssociateAddress", "AddressId", id, "InstanceId", instance);
        assertThat(a.code("DisassociateAddress", "AddressId", id)).as("still BINDING")
                .isEqualTo("InvalidAddressIdStatus.NotPermit");
        assertThat(a.code("AssociateAddress", "AddressId", id, "InstanceId", instance))
                .isEqualTo("InvalidAddressIdStatus.NotPermit");
        String second = a.unbound();
        assertThat(a.code("AssociateAddress", "AddressId", second, "InstanceId", instance))
                .isEqualTo("InvalidInstanceId.AlreadyBindEip");
        assertThat(a.status(second)).isEqualTo("UNBIND");

        assertThat(a.code("ModifyAddressAttribute", "AddressId", id)).isEqualTo("MissingParameter");
        assertThat(a.code("ModifyAddressAttribute", "AddressId", id, "AddressName", "x".repeat(129)))
                .isEqualTo("InvalidParameterValue.TooLong");
        assertThat(a.code("ModifyAddressAttribute", "AddressId", "eip-zzzzzzzz", "AddressName", "x"))
                .isEqualTo("InvalidAddressId.NotFound");
        assertThat(a.code("ModifyAddressAttribute", "AddressId", "nope", "AddressName", "x"))
                .isEqualTo("InvalidParameterValue.AddressIdMalformed");
        assertThat(a.address(id).path("AddressName").asText()).isEmpty();

        assertThat(a.code("DescribeTaskResult", "TaskId", 1)).isEqualTo("ResourceNotFound");
        assertThat(a.code("DescribeTaskResult")).isEqualTo("MissingParameter");
        assertThat(a.code("ReleaseAddresses")).isEqualTo("MissingParameter");
    }

    @Test
    void resetEmptiesTheAddresses() throws Exception {
        try (CvmFixture own = CvmFixture.start()) {
            CommonClient vpc = own.server().common(TestServer.Mode.TC3_POST, "vpc", "2017-03-12", CvmFixture.REGION);
            vpc.call("AllocateAddresses", "{}");
            own.admin("POST", "/_localcvm/reset", null);
            assertThat(JSON.readTree(vpc.call("DescribeAddresses", "{}")).path("Response").path("TotalCount").asInt())
                    .isZero();
        }
    }
}
