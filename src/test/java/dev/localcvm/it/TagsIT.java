package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.cvm.v20170312.models.DataDisk;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Filter;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.Tag;
import com.tencentcloudapi.cvm.v20170312.models.TagSpecification;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.JsonBody;
import dev.localcvm.testing.TestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tag product (issue 14): one store for the tags of instances, disks and EIPs, read by the tag actions and by
 * DescribeInstances, DescribeDisks and DescribeAddresses alike. Tag calls go through the SDK's generic client,
 * instances through the cvm SDK; each test has an account of its own.
 */
class TagsIT {
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

    private record Account(CvmFixture cvm, CommonClient tag, CommonClient vpc, CommonClient cbs) {
        JsonNode call(CommonClient client, String action, Object... keyValues) throws Exception {
            return JsonBody.response(client, action, keyValues);
        }

        JsonNode tag(String action, Object... keyValues) throws Exception {
            return call(tag, action, keyValues);
        }

        String code(String action, Object... keyValues) {
            return CvmFixture.codeOf(() -> tag.call(action, JsonBody.of(keyValues)));
        }

        String name(String service, String prefix, String id) {
            return "qcs::" + service + ":" + CvmFixture.REGION + ":uin/" + cvm.uin() + ":" + prefix + "/" + id;
        }

        /** The tags DescribeResourceTagsByResourceIds gives for one resource, as key=value in their order. */
        List<String> tagsOf(String service, String prefix, String id) throws Exception {
            List<String> out = new ArrayList<>();
            tag("DescribeResourceTagsByResourceIds", "ServiceType", service, "ResourcePrefix", prefix,
                    "ResourceRegion", CvmFixture.REGION, "ResourceIds", List.of(id), "Limit", 100, "Offset", 0)
                    .path("Tags").forEach(t -> {
                        assertThat(t.path("ResourceId").asText()).isEqualTo(id);
                        out.add(t.path("TagKey").asText() + "=" + t.path("TagValue").asText());
                    });
            return out;
        }

        List<String> instanceTags(String id) throws Exception {
            Instance i = cvm.describe(id);
            return i == null ? null : Arrays.stream(i.getTags()).map(t -> t.getKey() + "=" + t.getValue()).toList();
        }

        List<String> instancesWhere(String filter, String... values) throws Exception {
            DescribeInstancesRequest req = new DescribeInstancesRequest();
            Filter f = new Filter();
            f.setName(filter);
            f.setValues(values);
            req.setFilters(new Filter[] {f});
            return Arrays.stream(cvm.client().DescribeInstances(req).getInstanceSet()).map(Instance::getInstanceId)
                    .toList();
        }
    }

    private static Account account() {
        CvmFixture cvm = root.newAccount("tags-" + ACCOUNTS.incrementAndGet());
        TestServer server = cvm.server();
        return new Account(cvm, client(cvm, server, "tag", "2018-08-13"), client(cvm, server, "vpc", "2017-03-12"),
                client(cvm, server, "cbs", "2017-03-12"));
    }

    private static CommonClient client(CvmFixture cvm, TestServer server, String product, String version) {
        return new CommonClient(product, version, cvm.credential(), CvmFixture.REGION,
                server.profile(TestServer.Mode.TC3_POST));
    }


    private static Tag cvmTag(String key, String value) {
        Tag t = new Tag();
        t.setKey(key);
        t.setValue(value);
        return t;
    }

    /** One RUNNING instance with a data disk and the tags env=ci, team=core given at launch. */
    private static String taggedInstance(Account a) throws Exception {
        var req = CvmFixture.runRequest("POSTPAID_BY_HOUR");
        req.setInstanceCount(1L);
        TagSpecification spec = new TagSpecification();
        spec.setResourceType("instance");
        spec.setTags(new Tag[] {cvmTag("env", "ci"), cvmTag("team", "core")});
        req.setTagSpecification(new TagSpecification[] {spec});
        DataDisk d = new DataDisk();
        d.setDiskType("CLOUD_PREMIUM");
        d.setDiskSize(50L);
        req.setDataDisks(new DataDisk[] {d});
        String id = a.cvm().launch(req)[0];
        a.cvm().settle();
        return id;
    }

    private static Map<String, Object> tag(String key, String value) {
        return Map.of("TagKey", key, "TagValue", value);
    }

    @Test
    void launchTagsLandInTheStoreOnTheInstanceAndItsDisks() throws Exception {
        Account a = account();
        String id = taggedInstance(a);
        assertThat(a.tagsOf("cvm", "instance", id)).containsExactly("env=ci", "team=core");
        assertThat(a.instanceTags(id)).containsExactly("env=ci", "team=core");
        Instance i = a.cvm().describe(id);
        String dataDisk = i.getDataDisks()[0].getDiskId();
        assertThat(a.tagsOf("cvm", "volume", i.getSystemDisk().getDiskId())).containsExactly("env=ci", "team=core");
        assertThat(a.tagsOf("cvm", "volume", dataDisk)).containsExactly("env=ci", "team=core");
        JsonNode disks = a.call(a.cbs(), "DescribeDisks", "DiskIds", List.of(dataDisk)).path("DiskSet");
        assertThat(disks.get(0).path("Tags").get(0).path("Key").asText()).isEqualTo("env");
        assertThat(a.call(a.cbs(), "DescribeDisks", "Filters", List.of(Map.of("Name", "tag:env", "Values",
                List.of("ci")))).path("TotalCount").asLong()).isEqualTo(2);
        // The response fields the Terraform provider reads, each present.
        JsonNode first = a.tag("DescribeResourceTagsByResourceIds", "ServiceType", "cvm", "ResourcePrefix", "instance",
                "ResourceRegion", CvmFixture.REGION, "ResourceIds", List.of(id), "Limit", 1, "Offset", 1);
        assertThat(first.path("TotalCount").asLong()).isEqualTo(2);
        assertThat(first.path("Limit").asLong()).isEqualTo(1);
        assertThat(first.path("Offset").asLong()).isEqualTo(1);
        assertThat(first.path("Tags").get(0).path("TagKey").asText()).isEqualTo("team");
        assertThat(first.path("Tags").get(0).path("TagKeyMd5").asText()).matches("[0-9a-f]{32}");
    }

    @Test
    void tagResourcesAndUnTagResourcesChangeWhatDescribeInstancesShowsAndFilters() throws Exception {
        Account a = account();
        String id = taggedInstance(a);
        String other = a.cvm().running("POSTPAID_BY_HOUR");
        JsonNode tagged = a.tag("TagResources", "ResourceList", List.of(a.name("cvm", "instance", id),
                a.name("cvm", "instance", other)), "Tags", List.of(tag("env", "prod"), tag("owner", "ops")));
        assertThat(tagged.path("FailedResources").isArray()).isTrue();
        assertThat(tagged.path("FailedResources")).isEmpty();
        // A key the resource had takes the new value in place; a new key follows.
        assertThat(a.instanceTags(id)).containsExactly("env=prod", "team=core", "owner=ops");
        assertThat(a.instanceTags(other)).containsExactly("env=prod", "owner=ops");
        assertThat(a.instancesWhere("tag:env", "prod")).containsExactlyInAnyOrder(id, other);
        assertThat(a.instancesWhere("tag-key", "team")).containsExactly(id);
        assertThat(a.instancesWhere("tag-value", "ops")).containsExactlyInAnyOrder(id, other);
        assertThat(a.instancesWhere("tag:env", "ci")).isEmpty();

        // The Terraform provider writes names with an empty uin segment: the caller's.
        a.tag("UnTagResources", "ResourceList", List.of("qcs::cvm:" + CvmFixture.REGION + ":uin/:instance/" + id),
                "TagKeys", List.of("env", "absent"));
        assertThat(a.instanceTags(id)).containsExactly("team=core", "owner=ops");
        assertThat(a.instancesWhere("tag:env", "prod")).containsExactly(other);

        a.tag("ModifyResourceTags", "Resource", a.name("cvm", "instance", id), "ReplaceTags",
                List.of(tag("owner", "dev"), tag("tier", "1")), "DeleteTags", List.of(Map.of("TagKey", "team")));
        assertThat(a.instanceTags(id)).containsExactly("owner=dev", "tier=1");
        assertThat(a.code("ModifyResourceTags", "Resource", a.name("cvm", "instance", id), "ReplaceTags",
                List.of(tag("owner", "x")), "DeleteTags", List.of(Map.of("TagKey", "owner"))))
                .isEqualTo("InvalidParameterValue.DeleteTagsParamError");
        assertThat(a.instanceTags(id)).containsExactly("owner=dev", "tier=1");
    }

    @Test
    void addressTagsAreInTheStoreAndGoWithTheAddress() throws Exception {
        Account a = account();
        String eip = a.call(a.vpc(), "AllocateAddresses", "Tags", List.of(Map.of("Key", "env", "Value", "ci")))
                .path("AddressSet").get(0).asText();
        a.cvm().settle();
        assertThat(a.tagsOf("vpc", "eip", eip)).containsExactly("env=ci");
        a.tag("TagResources", "ResourceList", List.of(a.name("vpc", "eip", eip)), "Tags", List.of(tag("app", "web")));
        JsonNode address = a.call(a.vpc(), "DescribeAddresses", "AddressIds", List.of(eip)).path("AddressSet").get(0);
        assertThat(address.path("TagSet").toString()).isEqualTo(
                "[{\"Key\":\"env\",\"Value\":\"ci\"},{\"Key\":\"app\",\"Value\":\"web\"}]");
        assertThat(a.call(a.vpc(), "DescribeAddresses", "Filters", List.of(Map.of("Name", "tag:app", "Values",
                List.of("web")))).path("TotalCount").asLong()).isEqualTo(1);
        a.call(a.vpc(), "ReleaseAddresses", "AddressIds", List.of(eip));
        assertThat(a.tagsOf("vpc", "eip", eip)).isEmpty();
        assertThat(a.tag("DescribeTags").path("TotalCount").asLong()).isZero();
    }

    @Test
    void aDestroyedInstanceTakesItsTagsAndItsDisksTagsWithIt() throws Exception {
        Account a = account();
        String id = taggedInstance(a);
        Instance i = a.cvm().describe(id);
        String systemDisk = i.getSystemDisk().getDiskId();
        String dataDisk = i.getDataDisks()[0].getDiskId();
        a.cvm().terminate(id);
        a.cvm().settle();
        assertThat(a.cvm().describe(id)).isNull();
        assertThat(a.tagsOf("cvm", "instance", id)).isEmpty();
        assertThat(a.tagsOf("cvm", "volume", systemDisk)).isEmpty();
        assertThat(a.tagsOf("cvm", "volume", dataDisk)).isEmpty();
        assertThat(a.tag("DescribeResourceTags").path("TotalCount").asLong()).isZero();
    }

    @Test
    void describeTagsResourceTagsAndResourcesByTagsReadTheSameStore() throws Exception {
        Account a = account();
        String id = taggedInstance(a);
        String eip = a.call(a.vpc(), "AllocateAddresses", "Tags", List.of(Map.of("Key", "env", "Value", "prod")))
                .path("AddressSet").get(0).asText();
        a.cvm().settle();

        List<String> pairs = new ArrayList<>();
        a.tag("DescribeTags", "Limit", 100).path("Tags").forEach(t -> {
            assertThat(t.path("CanDelete").asLong()).isZero();
            pairs.add(t.path("TagKey").asText() + "=" + t.path("TagValue").asText());
        });
        assertThat(pairs).containsExactly("env=ci", "env=prod", "team=core");
        assertThat(a.tag("DescribeTags", "TagKey", "env", "TagValue", "prod").path("TotalCount").asLong()).isEqualTo(1);
        assertThat(a.tag("DescribeTags", "TagKeys", List.of("team")).path("TotalCount").asLong()).isEqualTo(1);

        JsonNode bound = a.tag("DescribeResourceTags", "ServiceType", "cvm", "ResourcePrefix", "instance",
                "ResourceRegion", CvmFixture.REGION, "ResourceId", id);
        assertThat(bound.path("TotalCount").asLong()).isEqualTo(2);
        assertThat(bound.path("Rows").get(0).path("ServiceType").asText()).isEqualTo("cvm");
        // Instance, system disk and data disk each carry the launch tags: six bindings, and the address's one.
        assertThat(a.tag("DescribeResourceTags").path("TotalCount").asLong()).isEqualTo(7);

        JsonNode byEnv = a.tag("DescribeResourcesByTags", "TagFilters", List.of(Map.of("TagKey", "env")));
        assertThat(byEnv.path("TotalCount").asLong()).isEqualTo(4);
        JsonNode prod = a.tag("DescribeResourcesByTags", "TagFilters", List.of(Map.of("TagKey", "env",
                "TagValue", List.of("prod"))));
        assertThat(prod.path("Rows")).hasSize(1);
        JsonNode row = prod.path("Rows").get(0);
        assertThat(row.path("ServiceType").asText()).isEqualTo("vpc");
        assertThat(row.path("ResourcePrefix").asText()).isEqualTo("eip");
        assertThat(row.path("ResourceId").asText()).isEqualTo(eip);
        assertThat(row.path("ResourceRegion").asText()).isEqualTo(CvmFixture.REGION);
        assertThat(row.path("Tags").get(0).path("TagKey").asText()).isEqualTo("env");
        JsonNode both = a.tag("DescribeResourcesByTags", "TagFilters", List.of(Map.of("TagKey", "env",
                "TagValue", List.of("ci")), Map.of("TagKey", "team")), "ServiceType", "cvm", "ResourcePrefix", "instance");
        assertThat(both.path("Rows")).hasSize(1);
        assertThat(both.path("Rows").get(0).path("ResourceId").asText()).isEqualTo(id);
    }

    @Test
    void badRequestsAreRefusedWholeWithTheTagProductsCodes() throws Exception {
        Account a = account();
        String id = taggedInstance(a);
        String name = a.name("cvm", "instance", id);
        Object tags = List.of(tag("new", "v"));
        assertThat(a.code("TagResources", "ResourceList", List.of(name, "qcs::cvm:ap-guangzhou:instance/x"), "Tags", tags))
                .isEqualTo("InvalidParameterValue.ResourceDescriptionError");
        assertThat(a.code("TagResources", "ResourceList", List.of(a.name("cdb", "instance", "cdb-1")), "Tags", tags))
                .isEqualTo("InvalidParameter.UnsupportedService");
        assertThat(a.code("TagResources", "ResourceList", List.of(name.replace("uin/" + a.cvm().uin(), "uin/1")),
                "Tags", tags)).isEqualTo("InvalidParameterValue.UinInvalid");
        assertThat(a.code("TagResources", "ResourceList", List.of(name, a.name("cvm", "instance", "ins-00000000")),
                "Tags", tags)).isEqualTo("InvalidParameterValue.ResourceIdInvalid");
        assertThat(a.code("TagResources", "ResourceList", List.of(name.replace(CvmFixture.REGION, "xx-nowhere")),
                "Tags", tags)).isEqualTo("InvalidParameterValue.RegionInvalid");
        assertThat(a.code("TagResources", "ResourceList", IntStream.range(0, 11).mapToObj(k -> name).toList(),
                "Tags", tags)).isEqualTo("LimitExceeded.ResourceNumPerRequest");
        assertThat(a.code("TagResources", "ResourceList", List.of(name), "Tags",
                IntStream.range(0, 11).mapToObj(k -> tag("k" + k, "v")).toList())).isEqualTo("LimitExceeded.TagNumPerRequest");
        assertThat(a.code("TagResources", "ResourceList", List.of(name), "Tags", List.of(tag("a", "1"), tag("a", "2"))))
                .isEqualTo("InvalidParameterValue.TagKeyDuplicate");
        assertThat(a.code("TagResources", "ResourceList", List.of(name), "Tags", List.of(tag("a", ""))))
                .isEqualTo("InvalidParameterValue.TagValueEmpty");
        assertThat(a.code("TagResources", "ResourceList", List.of(name), "Tags", List.of(tag("qcloud:x", "1"))))
                .isEqualTo("InvalidParameter.ReservedTagKey");
        assertThat(a.code("TagResources", "ResourceList", List.of(name), "Tags", List.of(tag(" a", "1"))))
                .isEqualTo("InvalidParameterValue.TagKeyCharacterIllegal");
        assertThat(a.code("TagResources", "ResourceList", List.of(name), "Tags", List.of(tag("k".repeat(128), "1"))))
                .isEqualTo("InvalidParameterValue.TagKeyLengthExceeded");
        assertThat(a.code("TagResources", "ResourceList", List.of(name))).isEqualTo("MissingParameter");
        assertThat(a.code("DescribeResourceTagsByResourceIds", "ServiceType", "cvm", "ResourcePrefix", "instance",
                "ResourceRegion", CvmFixture.REGION, "ResourceIds", List.of(id), "Limit", 20, "Offset", 10))
                .isEqualTo("InvalidParameterValue.OffsetInvalid");
        assertThat(a.code("DescribeResourceTagsByResourceIds", "ResourcePrefix", "instance",
                "ResourceRegion", CvmFixture.REGION, "ResourceIds", List.of(id))).isEqualTo("MissingParameter");
        assertThat(a.code("DescribeResourcesByTags", "TagFilters", List.of())).isEqualTo("InvalidParameterValue.TagFilters");
        assertThat(a.code("DescribeResourcesByTags", "TagFilters", List.of(Map.of("TagKey", "env", "TagValue",
                List.of("1", "2", "3", "4", "5", "6", "7"))))).isEqualTo("InvalidParameterValue.TagFiltersLengthExceeded");

        // 48 more tags fit the instance's 50; a 51st refuses the request for both resources, and nothing changes.
        for (int batch = 0; batch < 48; batch += 10) {
            int from = batch;
            a.tag("TagResources", "ResourceList", List.of(name), "Tags",
                    IntStream.range(from, Math.min(48, from + 10)).mapToObj(k -> tag("k" + k, "v")).toList());
        }
        String eip = a.call(a.vpc(), "AllocateAddresses").path("AddressSet").get(0).asText();
        assertThat(a.code("TagResources", "ResourceList", List.of(a.name("vpc", "eip", eip), name), "Tags",
                List.of(tag("one-more", "v")))).isEqualTo("LimitExceeded.ResourceAttachedTags");
        assertThat(a.tagsOf("cvm", "instance", id)).hasSize(50).doesNotContain("one-more=v");
        assertThat(a.tagsOf("vpc", "eip", eip)).isEmpty();
        // A change of a key it already has still fits.
        a.tag("TagResources", "ResourceList", List.of(name), "Tags", List.of(tag("env", "prod")));
        assertThat(a.instanceTags(id)).hasSize(50).contains("env=prod");
    }

    @Test
    void theOtherRefusalsOfTheTagProductNameWhatIsWrongAndChangeNothing() throws Exception {
        Account a = account();
        String id = taggedInstance(a);
        String name = a.name("cvm", "instance", id);
        assertThat(a.code("TagResources", "ResourceList", List.of(name), "Tags", List.of(tag("", "v"))))
                .isEqualTo("InvalidParameterValue.TagKeyEmpty");
        assertThat(a.code("TagResources", "ResourceList", List.of(name), "Tags", List.of(tag("k", "v".repeat(256)))))
                .isEqualTo("InvalidParameterValue.TagValueLengthExceeded");
        assertThat(a.code("TagResources", "ResourceList", List.of(name), "Tags", List.of(tag("k", "a#b"))))
                .isEqualTo("InvalidParameterValue.TagValueCharacterIllegal");
        assertThat(a.code("UnTagResources", "ResourceList", List.of(name), "TagKeys",
                IntStream.range(0, 11).mapToObj(k -> "k" + k).toList())).isEqualTo("LimitExceeded.TagNumPerRequest");
        assertThat(a.code("UnTagResources", "ResourceList", List.of(name))).isEqualTo("MissingParameter");
        assertThat(a.code("ModifyResourceTags", "ReplaceTags", List.of(tag("k", "v")))).isEqualTo("MissingParameter");
        assertThat(a.code("ModifyResourceTags", "Resource", name, "DeleteTags",
                IntStream.range(0, 11).mapToObj(k -> Map.of("TagKey", "k" + k)).toList()))
                .isEqualTo("LimitExceeded.TagNumPerRequest");
        assertThat(a.instanceTags(id)).containsExactly("env=ci", "team=core");

        Object fiftyOne = IntStream.range(0, 51).mapToObj(k -> "ins-" + String.format("%08d", k)).toList();
        assertThat(a.code("DescribeResourceTagsByResourceIds", "ServiceType", "cvm", "ResourcePrefix", "instance",
                "ResourceRegion", CvmFixture.REGION, "ResourceIds", fiftyOne)).isEqualTo("InvalidParameterValue.LimitExceeded");
        assertThat(a.code("DescribeResourceTagsByResourceIds", "ServiceType", "cvm", "ResourcePrefix", "instance",
                "ResourceRegion", "xx-nowhere", "ResourceIds", List.of(id))).isEqualTo("InvalidParameterValue.RegionInvalid");
        assertThat(a.code("DescribeResourceTagsByResourceIds", "ServiceType", "cvm", "ResourcePrefix", "instance",
                "ResourceRegion", CvmFixture.REGION, "ResourceIds", List.of(id), "Category", "Other"))
                .isEqualTo("InvalidParameterValue");
        assertThat(a.code("DescribeTags", "Limit", 1001)).isEqualTo("InvalidParameterValue.Range");
        // Another creator's resources, or COS buckets, are none of this account's: nothing is found.
        assertThat(a.tag("DescribeTags", "CreateUin", 1).path("TotalCount").asLong()).isZero();
        assertThat(a.tag("DescribeResourceTags", "CosResourceId", 1).path("TotalCount").asLong()).isZero();
        assertThat(a.tag("DescribeResourcesByTags", "TagFilters", List.of(Map.of("TagKey", "env")), "CreateUin", 1)
                .path("TotalCount").asLong()).isZero();
        assertThat(a.tag("DescribeResourceTagsByResourceIds", "ServiceType", "cvm", "ResourcePrefix", "instance",
                "ResourceRegion", CvmFixture.REGION, "ResourceIds", List.of(id), "Category", "System")
                .path("TotalCount").asLong()).isZero();
    }
}
