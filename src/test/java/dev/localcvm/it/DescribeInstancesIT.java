package dev.localcvm.it;

import static dev.localcvm.testing.CvmFixture.codeOf;
import static dev.localcvm.testing.CvmFixture.run;
import static dev.localcvm.testing.CvmFixture.terminate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesResponse;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesStatusRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesStatusResponse;
import com.tencentcloudapi.cvm.v20170312.models.Filter;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.InstanceStatus;
import com.tencentcloudapi.cvm.v20170312.models.StartInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Tag;
import com.tencentcloudapi.cvm.v20170312.models.TagSpecification;
import com.tencentcloudapi.cvm.v20170312.models.VirtualPrivateCloud;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.Envelope;
import dev.localcvm.testing.SignedRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DescribeInstances and DescribeInstancesStatus (cvm-terminate.md §8): every filter, OR within a filter
 * and AND across filters, paging, ordering, absence and the error codes. The default account holds three
 * instances A, B, C created 10 s apart; tests that change things use accounts of their own.
 */
class DescribeInstancesIT {
    private static CvmFixture it;
    private static CvmClient cvm;
    private static String a;
    private static String b;
    private static String c;
    private static String createdA;
    private static String createdB;

    @BeforeAll
    static void fixture() throws Exception {
        it = CvmFixture.start();
        cvm = it.client();
        a = run(cvm, null, r -> {
            r.setInstanceName("alpha-web");
            r.setVirtualPrivateCloud(vpc("vpc-aaaa1111", "subnet-aaaa1111", "10.0.0.11"));
            r.setSecurityGroupIds(new String[] {"sg-aaaa1111"});
            r.setTagSpecification(tags(tag("env", "prod"), tag("team", "core")));
        }).get(0);
        it.advance(10);
        b = run(cvm, "PREPAID", r -> {
            r.getPlacement().setZone("ap-guangzhou-4");
            r.getPlacement().setProjectId(7L);
            r.setInstanceName("beta-web");
            r.setSecurityGroupIds(new String[] {"sg-bbbb2222", "sg-aaaa1111"});
            r.setTagSpecification(tags(tag("env", "dev")));
        }).get(0);
        it.advance(10);
        c = run(cvm, "SPOTPAID", r -> {
            r.getPlacement().setProjectId(7L);
            r.setInstanceName("gamma-db");
            r.setVirtualPrivateCloud(vpc("vpc-aaaa1111", "subnet-cccc3333", "10.0.0.33"));
            r.setTagSpecification(tags(tag("team", "data")));
        }).get(0);
        it.advance(1);
        StopInstancesRequest stop = new StopInstancesRequest();
        stop.setInstanceIds(new String[] {a});
        cvm.StopInstances(stop);
        it.advance(1);
        createdA = filterTime(it.describe(a).getCreatedTime());
        createdB = filterTime(it.describe(b).getCreatedTime());
    }

    @AfterAll
    static void close() {
        it.close();
    }

    private static VirtualPrivateCloud vpc(String vpcId, String subnetId, String ip) {
        VirtualPrivateCloud v = new VirtualPrivateCloud();
        v.setVpcId(vpcId);
        v.setSubnetId(subnetId);
        v.setPrivateIpAddresses(new String[] {ip});
        return v;
    }

    private static Tag tag(String key, String value) {
        Tag t = new Tag();
        t.setKey(key);
        t.setValue(value);
        return t;
    }

    private static TagSpecification[] tags(Tag... tags) {
        TagSpecification spec = new TagSpecification();
        spec.setResourceType("instance");
        spec.setTags(tags);
        return new TagSpecification[] {spec};
    }

    /** {@code 2025-01-02T03:04:05Z} → {@code 2025-01-02 03:04:05}, the filters' format. */
    private static String filterTime(String createdTime) {
        return createdTime.replace('T', ' ').replace("Z", "");
    }

    private static Filter filter(String name, String... values) {
        Filter f = new Filter();
        f.setName(name);
        f.setValues(values);
        return f;
    }

    private static DescribeInstancesResponse describe(CvmClient client, Filter... filters) throws Exception {
        DescribeInstancesRequest req = new DescribeInstancesRequest();
        req.setFilters(filters);
        req.setLimit(100L);
        return client.DescribeInstances(req);
    }

    /** The ids the filters select, in answer order; TotalCount must agree. */
    private static List<String> matching(Filter... filters) throws Exception {
        DescribeInstancesResponse r = describe(cvm, filters);
        assertThat(r.getTotalCount()).isEqualTo((long) r.getInstanceSet().length);
        return Arrays.stream(r.getInstanceSet()).map(Instance::getInstanceId).toList();
    }

    private static List<String> ids(Instance[] set) {
        return Arrays.stream(set).map(Instance::getInstanceId).toList();
    }

    @Test
    void eachFilterSelectsWhatItNames() throws Exception {
        assertThat(matching(filter("zone", "ap-guangzhou-3"))).containsExactlyInAnyOrder(a, c);
        assertThat(matching(filter("zone", "ap-guangzhou-6"))).isEmpty();
        assertThat(matching(filter("instance-id", a, c))).containsExactlyInAnyOrder(a, c);
        assertThat(matching(filter("instance-id", a, "ins-NOTANID"))).containsExactly(a);
        assertThat(matching(filter("instance-id", "not-an-id"))).isEmpty();
        assertThat(matching(filter("instance-state", "STOPPED"))).containsExactly(a);
        assertThat(matching(filter("instance-state", "RUNNING"))).containsExactlyInAnyOrder(b, c);
        assertThat(matching(filter("instance-charge-type", "PREPAID"))).containsExactly(b);
        assertThat(matching(filter("instance-charge-type", "POSTPAID_BY_HOUR"))).containsExactly(a);
        assertThat(matching(filter("instance-name", "web"))).containsExactlyInAnyOrder(a, b);
        assertThat(matching(filter("instance-name", "-db"))).containsExactly(c);
        assertThat(matching(filter("instance-name", "alpha-web"))).containsExactly(a);
        assertThat(matching(filter("vpc-id", "vpc-aaaa1111"))).containsExactlyInAnyOrder(a, c);
        assertThat(matching(filter("subnet-id", "subnet-cccc3333"))).containsExactly(c);
        assertThat(matching(filter("security-group-id", "sg-aaaa1111"))).containsExactlyInAnyOrder(a, b);
        assertThat(matching(filter("security-group-id", "sg-bbbb2222"))).containsExactly(b);
        assertThat(matching(filter("private-ip-address", "10.0.0.33"))).containsExactly(c);
        assertThat(matching(filter("tag-key", "team"))).containsExactlyInAnyOrder(a, c);
        assertThat(matching(filter("tag-value", "prod"))).containsExactly(a);
        assertThat(matching(filter("tag-key", "prod"))).isEmpty();
        assertThat(matching(filter("tag-value", "team"))).isEmpty();
        assertThat(matching(filter("tag:env", "dev"))).containsExactly(b);
        assertThat(matching(filter("tag:prod", "env"))).isEmpty();
        assertThat(matching(filter("tag:team", "core"))).containsExactly(a);
        assertThat(matching(filter("tag:env", "data"))).isEmpty();
        assertThat(matching(filter("project-id", "7"))).containsExactlyInAnyOrder(b, c);
        assertThat(matching(filter("project-id", "0"))).containsExactly(a);
    }

    @Test
    void creationTimeFiltersAreInclusiveBoundsInUtc() throws Exception {
        assertThat(matching(filter("creation-start-time", createdB))).containsExactlyInAnyOrder(b, c);
        assertThat(matching(filter("creation-end-time", createdB))).containsExactlyInAnyOrder(a, b);
        assertThat(matching(filter("creation-start-time", createdB), filter("creation-end-time", createdB)))
                .containsExactly(b);
        assertThat(matching(filter("creation-end-time", createdA))).containsExactly(a);
        assertThat(matching(filter("creation-start-time", "2000-01-01 00:00:00"))).hasSize(3);
        assertThat(matching(filter("creation-end-time", "2000-01-01 00:00:00"))).isEmpty();
    }

    @Test
    void valuesAreOredWithinAFilterAndFiltersAnded() throws Exception {
        assertThat(matching(filter("zone", "ap-guangzhou-3", "ap-guangzhou-4"))).containsExactlyInAnyOrder(a, b, c);
        assertThat(matching(filter("instance-charge-type", "SPOTPAID", "PREPAID"))).containsExactlyInAnyOrder(b, c);
        assertThat(matching(filter("tag:env", "prod", "dev"))).containsExactlyInAnyOrder(a, b);
        assertThat(matching(filter("zone", "ap-guangzhou-3"), filter("instance-charge-type", "SPOTPAID")))
                .containsExactly(c);
        assertThat(matching(filter("tag-key", "team"), filter("instance-state", "STOPPED"))).containsExactly(a);
        assertThat(matching(filter("instance-name", "web"), filter("project-id", "7"),
                filter("security-group-id", "sg-aaaa1111"))).containsExactly(b);
        assertThat(matching(filter("zone", "ap-guangzhou-4"), filter("vpc-id", "vpc-aaaa1111"))).isEmpty();
    }

    @Test
    void filterErrors() throws Exception {
        assertThat(codeOf(() -> describe(cvm, filter("no-such-filter", "x")))).isEqualTo("InvalidFilter");
        assertThat(codeOf(() -> describe(cvm, filter("zone", "1", "2", "3", "4", "5", "6"))))
                .isEqualTo("InvalidFilterValue.LimitExceeded");
        assertThat(matching(filter("instance-name", "1", "2", "3", "4", "5"))).isEmpty();
        Filter[] eleven = new Filter[11];
        Arrays.fill(eleven, filter("instance-name", "web"));
        assertThat(codeOf(() -> describe(cvm, eleven))).isEqualTo("InvalidParameterValue.LimitExceeded");
        assertThat(matching(Arrays.copyOf(eleven, 10))).containsExactlyInAnyOrder(a, b);
        assertThat(codeOf(() -> describe(cvm, filter("zone", "ap-shanghai-2")))).isEqualTo("InvalidZone.MismatchRegion");
        assertThat(codeOf(() -> describe(cvm, filter("creation-start-time", "2023-06-01T00:00:00Z"))))
                .isEqualTo("InvalidParameterValue.InvalidTimeFormat");
        assertThat(codeOf(() -> describe(cvm, filter("creation-end-time", "yesterday"))))
                .isEqualTo("InvalidParameterValue.InvalidTimeFormat");
        assertThat(codeOf(() -> describe(cvm, filter("project-id", "seven")))).isEqualTo("InvalidParameterValue");

        DescribeInstancesRequest both = new DescribeInstancesRequest();
        both.setInstanceIds(new String[] {a});
        both.setFilters(new Filter[] {filter("zone", "ap-guangzhou-3")});
        assertThat(codeOf(() -> cvm.DescribeInstances(both))).isEqualTo("InvalidParameter");
    }

    @Test
    void instanceIdErrors() throws Exception {
        assertThat(codeOf(() -> byIds("ins-1122"))).isEqualTo("InvalidInstanceId.Malformed");
        assertThat(codeOf(() -> byIds("i-12345678"))).isEqualTo("InvalidParameterValue.InstanceIdMalformed");
        String[] many = new String[101];
        Arrays.fill(many, a);
        assertThat(codeOf(() -> byIds(many))).isEqualTo("InvalidParameterValue.LimitExceeded");
    }

    private static DescribeInstancesResponse byIds(String... ids) throws Exception {
        DescribeInstancesRequest req = new DescribeInstancesRequest();
        req.setInstanceIds(ids);
        return cvm.DescribeInstances(req);
    }

    @Test
    void byIdsTheRequestOrderHoldsAndDuplicatesAppearOnce() throws Exception {
        DescribeInstancesResponse r = byIds(c, a, b, a, "ins-zzzzzzzz");
        assertThat(ids(r.getInstanceSet())).containsExactly(c, a, b);
        assertThat(r.getTotalCount()).isEqualTo(3L);

        DescribeInstancesRequest paged = new DescribeInstancesRequest();
        paged.setInstanceIds(new String[] {c, a, b});
        paged.setOffset(1L);
        paged.setLimit(1L);
        DescribeInstancesResponse page = cvm.DescribeInstances(paged);
        assertThat(ids(page.getInstanceSet())).containsExactly(a);
        assertThat(page.getTotalCount()).as("TotalCount counts before paging").isEqualTo(3L);
    }

    @Test
    void pagingAppliesAfterFilteringAndTotalCountCountsAllMatches() throws Exception {
        for (Filter f : new Filter[] {filter("tag-key", "team"), filter("zone", "ap-guangzhou-3")}) {
            DescribeInstancesRequest req = new DescribeInstancesRequest();
            req.setFilters(new Filter[] {f});
            req.setLimit(1L);
            DescribeInstancesResponse first = cvm.DescribeInstances(req);
            req.setOffset(1L);
            DescribeInstancesResponse second = cvm.DescribeInstances(req);
            assertThat(first.getTotalCount()).as(f.getName()).isEqualTo(2L);
            assertThat(second.getTotalCount()).as(f.getName()).isEqualTo(2L);
            assertThat(ids(first.getInstanceSet())).as(f.getName()).containsExactly(c);
            assertThat(ids(second.getInstanceSet())).as(f.getName()).containsExactly(a);
        }
    }

    @Test
    void withoutIdsTheNewestComeFirstThenByInstanceId() throws Exception {
        assertThat(ids(cvm.DescribeInstances(new DescribeInstancesRequest()).getInstanceSet())).containsExactly(c, b, a);

        CvmClient other = it.newAccount("ordering").client();
        List<String> batch = new ArrayList<>(run(other, null, r -> r.setInstanceCount(4L)));
        it.advance(1);
        String newest = run(other, null, r -> { }).get(0);
        Collections.sort(batch);
        List<String> expected = new ArrayList<>(List.of(newest));
        expected.addAll(batch);

        assertThat(ids(other.DescribeInstances(new DescribeInstancesRequest()).getInstanceSet()))
                .containsExactlyElementsOf(expected);
        DescribeInstancesRequest page = new DescribeInstancesRequest();
        page.setOffset(1L);
        page.setLimit(2L);
        DescribeInstancesResponse r = other.DescribeInstances(page);
        assertThat(ids(r.getInstanceSet())).containsExactlyElementsOf(expected.subList(1, 3));
        assertThat(r.getTotalCount()).isEqualTo(5L);
    }

    @Test
    void offsetAndLimitDefaultTo0And20AndLimitIsAtMost100() throws Exception {
        CvmClient other = it.newAccount("paging").client();
        run(other, null, r -> r.setInstanceCount(25L));

        DescribeInstancesResponse first = other.DescribeInstances(new DescribeInstancesRequest());
        assertThat(first.getInstanceSet()).hasSize(20);
        assertThat(first.getTotalCount()).isEqualTo(25L);
        DescribeInstancesRequest rest = new DescribeInstancesRequest();
        rest.setOffset(20L);
        DescribeInstancesResponse second = other.DescribeInstances(rest);
        assertThat(second.getInstanceSet()).hasSize(5);
        assertThat(second.getTotalCount()).isEqualTo(25L);
        List<String> all = new ArrayList<>(ids(first.getInstanceSet()));
        all.addAll(ids(second.getInstanceSet()));
        assertThat(all).doesNotHaveDuplicates().hasSize(25);
        DescribeInstancesRequest beyond = new DescribeInstancesRequest();
        beyond.setOffset(30L);
        assertThat(other.DescribeInstances(beyond).getInstanceSet()).isEmpty();
        DescribeInstancesRequest hundred = new DescribeInstancesRequest();
        hundred.setLimit(100L);
        assertThat(other.DescribeInstances(hundred).getInstanceSet()).hasSize(25);

        for (long bad : new long[] {101, 0, -1}) {
            DescribeInstancesRequest req = new DescribeInstancesRequest();
            req.setLimit(bad);
            assertThat(codeOf(() -> other.DescribeInstances(req))).as("Limit %s", bad).isEqualTo("InvalidParameterValue");
        }
        DescribeInstancesRequest negative = new DescribeInstancesRequest();
        negative.setOffset(-1L);
        assertThat(codeOf(() -> other.DescribeInstances(negative))).isEqualTo("InvalidParameterValue");
    }

    /**
     * A page of 40 instances (about 70 KB) asked for again and again is sent from bytes prepared for it; any change
     * to one of its instances, or to the count, must show in the very next answer, each with its own RequestId.
     */
    @Test
    void aRepeatedPageShowsEveryChangeAtOnce() throws Exception {
        CvmClient other = it.newAccount("repeated-page").client();
        List<String> forty = run(other, null, r -> r.setInstanceCount(40L));
        it.advance(2);
        DescribeInstancesRequest page = new DescribeInstancesRequest();
        page.setLimit(100L);
        page.setFilters(new Filter[] {filter("zone", "ap-guangzhou-3")});

        DescribeInstancesResponse first = other.DescribeInstances(page);
        DescribeInstancesResponse second = other.DescribeInstances(page);
        DescribeInstancesResponse third = other.DescribeInstances(page);
        assertThat(Arrays.stream(third.getInstanceSet()).map(Instance::toJsonString).toList())
                .containsExactlyElementsOf(Arrays.stream(first.getInstanceSet()).map(Instance::toJsonString).toList());
        assertThat(third.getTotalCount()).isEqualTo(40L);
        assertThat(List.of(first.getRequestId(), second.getRequestId(), third.getRequestId())).doesNotHaveDuplicates();

        com.tencentcloudapi.cvm.v20170312.models.ModifyInstancesAttributeRequest rename =
                new com.tencentcloudapi.cvm.v20170312.models.ModifyInstancesAttributeRequest();
        rename.setInstanceIds(new String[] {forty.get(7)});
        rename.setInstanceName("renamed-in-place");
        other.ModifyInstancesAttribute(rename);
        DescribeInstancesResponse renamed = other.DescribeInstances(page);
        assertThat(Arrays.stream(renamed.getInstanceSet()).filter(i -> i.getInstanceId().equals(forty.get(7)))
                .map(Instance::getInstanceName)).containsExactly("renamed-in-place");
        assertThat(other.DescribeInstances(page).getInstanceSet()).extracting(Instance::getInstanceName)
                .containsOnlyOnce("renamed-in-place");

        it.advance(1);
        terminate(other, forty.get(3));
        it.advance(1);
        DescribeInstancesResponse fewer = other.DescribeInstances(page);
        assertThat(fewer.getTotalCount()).isEqualTo(39L);
        assertThat(ids(fewer.getInstanceSet())).hasSize(39).doesNotContain(forty.get(3));
        assertThat(ids(other.DescribeInstances(page).getInstanceSet())).hasSize(39).doesNotContain(forty.get(3));
    }

    /**
     * Reads skip the due check while nothing can be due (store DueHints); a write must end that at once, and a timer
     * a read saw coming must still land. The clock moves without a sweep, so only the read itself can record it.
     */
    @Test
    void aTimerThatFellDueIsInTheNextFilteredPageWhateverWasReadBefore() throws Exception {
        CvmClient other = it.newAccount("due-hints").client();
        String id = run(other, null, r -> { }).get(0);
        it.advance(2);
        Filter running = filter("instance-state", "RUNNING");
        Filter stopped = filter("instance-state", "STOPPED");
        assertThat(describe(other, running).getTotalCount()).isEqualTo(1L);
        assertThat(describe(other, running).getTotalCount()).as("read again, nothing due").isEqualTo(1L);

        StopInstancesRequest stop = new StopInstancesRequest();
        stop.setInstanceIds(new String[] {id});
        other.StopInstances(stop);
        it.advanceClockOnly(CvmFixture.PAST_D);
        assertThat(describe(other, stopped).getTotalCount()).as("the stop's timer, set after the reads").isEqualTo(1L);
        assertThat(describe(other, running).getTotalCount()).isZero();

        StartInstancesRequest start = new StartInstancesRequest();
        start.setInstanceIds(new String[] {id});
        other.StartInstances(start);
        assertThat(describe(other, running).getTotalCount()).as("starting, not yet running").isZero();
        it.advanceClockOnly(CvmFixture.PAST_D);
        assertThat(describe(other, running).getTotalCount()).as("the start's timer, seen coming by the read before")
                .isEqualTo(1L);
    }

    @Test
    void destroyedIdsAreSilentlyAbsent() throws Exception {
        CvmClient other = it.newAccount("absence").client();
        List<String> two = run(other, null, r -> r.setInstanceCount(2L));
        it.advance(1);
        terminate(other, two.get(0));
        it.advance(1);

        DescribeInstancesRequest req = new DescribeInstancesRequest();
        req.setInstanceIds(new String[] {two.get(0), two.get(1)});
        DescribeInstancesResponse r = other.DescribeInstances(req);
        assertThat(ids(r.getInstanceSet())).containsExactly(two.get(1));
        assertThat(r.getTotalCount()).isEqualTo(1L);
        assertThat(describe(other, filter("instance-id", two.get(0))).getTotalCount()).isZero();
        assertThat(other.DescribeInstances(new DescribeInstancesRequest()).getTotalCount()).isEqualTo(1L);
    }

    @Test
    void describeInstancesStatusListsIdsAndStates() throws Exception {
        DescribeInstancesStatusResponse all = cvm.DescribeInstancesStatus(new DescribeInstancesStatusRequest());
        assertThat(all.getTotalCount()).isEqualTo(3L);
        assertThat(all.getInstanceStatusSet()).extracting(InstanceStatus::getInstanceId).containsExactly(c, b, a);
        assertThat(all.getInstanceStatusSet()).extracting(InstanceStatus::getInstanceState)
                .containsExactly("RUNNING", "RUNNING", "STOPPED");

        DescribeInstancesStatusRequest byIds = new DescribeInstancesStatusRequest();
        byIds.setInstanceIds(new String[] {a, c, a});
        DescribeInstancesStatusResponse some = cvm.DescribeInstancesStatus(byIds);
        assertThat(some.getTotalCount()).isEqualTo(2L);
        assertThat(some.getInstanceStatusSet()).extracting(InstanceStatus::getInstanceId).containsExactly(a, c);

        DescribeInstancesStatusRequest paged = new DescribeInstancesStatusRequest();
        paged.setOffset(1L);
        paged.setLimit(1L);
        DescribeInstancesStatusResponse page = cvm.DescribeInstancesStatus(paged);
        assertThat(page.getTotalCount()).isEqualTo(3L);
        assertThat(page.getInstanceStatusSet()).extracting(InstanceStatus::getInstanceId).containsExactly(b);
        DescribeInstancesStatusRequest tooMany = new DescribeInstancesStatusRequest();
        tooMany.setLimit(101L);
        assertThat(codeOf(() -> cvm.DescribeInstancesStatus(tooMany))).isEqualTo("InvalidParameterValue");
    }

    @Test
    void describeInstancesStatusOfAnEmptyAccountIsZeroAndAnEmptyList() throws Exception {
        CvmFixture empty = it.newAccount("empty");
        DescribeInstancesStatusResponse sdk = empty.client()
                .DescribeInstancesStatus(new DescribeInstancesStatusRequest());
        assertThat(sdk.getTotalCount()).isZero();
        assertThat(sdk.getInstanceStatusSet()).isNotNull().isEmpty();

        JsonNode raw = Envelope.success(SignedRequest.tc3(it.server())
                .key(empty.credential().getSecretId(), empty.credential().getSecretKey())
                .timestamp(it.server().server().clock().unadvanced().millis() / 1000)
                .action("DescribeInstancesStatus").region(CvmFixture.REGION).body("{}").send());
        assertThat(raw.get("TotalCount").asLong()).isZero();
        assertThat(raw.get("InstanceStatusSet").isArray()).isTrue();
        assertThat(raw.get("InstanceStatusSet")).isEmpty();
    }
}
