package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.models.DataDisk;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.SystemDisk;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.cvm.domain.ChargeType;
import dev.localcvm.cvm.domain.Instances;
import dev.localcvm.store.Database;
import dev.localcvm.store.InstanceRepository;
import dev.localcvm.store.StoreConfig;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.TestStores;
import dev.localcvm.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cbs product (issue 13, part 3): disks born with instances, attached, detached, terminated. */
class CloudDisksIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static CvmFixture cvm;
    static CommonClient cbs;

    @BeforeAll
    static void start() {
        cvm = CvmFixture.start();
        cbs = cvm.server().common(TestServer.Mode.TC3_POST, "cbs", "2017-03-12", CvmFixture.REGION);
    }

    @AfterAll
    static void stop() {
        cvm.close();
    }

    static JsonNode call(String action, String body) throws Exception {
        return JSON.readTree(cbs.call(action, body)).path("Response");
    }

    static String code(String action, String body) {
        try {
            cbs.call(action, body);
            throw new AssertionError(action + " " + body + " succeeded");
        } catch (TencentCloudSDKException e) {
            return e.getErrorCode();
        }
    }

    static JsonNode disksOf(String instanceId) throws Exception {
        return call("DescribeDisks", "{\"Filters\":[{\"Name\":\"instance-id\",\"Values\":[\"" + instanceId + "\"]}],"
                + "\"Order\":\"ASC\"}").path("DiskSet");
    }

    static JsonNode disk(String diskId) throws Exception {
        JsonNode set = call("DescribeDisks", "{\"DiskIds\":[\"" + diskId + "\"]}").path("DiskSet");
        return set.isEmpty() ? null : set.get(0);
    }

    /** An instance with a 60 GiB system disk and two data disks: one deleted with it, one kept. */
    static String withDisks(String chargeType) throws Exception {
        String id = CvmFixture.run(cvm.client(), chargeType, r -> {
            SystemDisk system = new SystemDisk();
            system.setDiskType("CLOUD_SSD");
            system.setDiskSize(60L);
            r.setSystemDisk(system);
            DataDisk goes = new DataDisk();
            goes.setDiskType("CLOUD_PREMIUM");
            goes.setDiskSize(100L);
            goes.setDeleteWithInstance(true);
            goes.setEncrypt(true);
            DataDisk stays = new DataDisk();
            stays.setDiskType("CLOUD_HSSD");
            stays.setDiskSize(200L);
            stays.setDeleteWithInstance(false);
            stays.setThroughputPerformance(100L);
            r.setDataDisks(new DataDisk[] {goes, stays});
        }).get(0);
        cvm.settle();
        return id;
    }

    @Test
    void runInstancesCreatesItsDisksExactlyAsTheInstanceShowsThem() throws Exception {
        String id = withDisks("POSTPAID_BY_HOUR");
        Instance shown = cvm.describe(id);
        JsonNode disks = disksOf(id);
        assertThat(disks.size()).isEqualTo(3);
        JsonNode system = null;
        for (JsonNode d : disks) {
            system = d.path("DiskUsage").asText().equals("SYSTEM_DISK") ? d : system;
        }
        assertThat(system.path("DiskId").asText()).isEqualTo(shown.getSystemDisk().getDiskId());
        assertThat(system.path("DiskType").asText()).isEqualTo("CLOUD_SSD");
        assertThat(system.path("DiskSize").asLong()).isEqualTo(60);
        assertThat(system.path("Portable").asBoolean()).isFalse();
        for (DataDisk d : shown.getDataDisks()) {
            JsonNode row = disk(d.getDiskId());
            assertThat(row.path("DiskUsage").asText()).isEqualTo("DATA_DISK");
            assertThat(row.path("DiskChargeType").asText()).isEqualTo("POSTPAID_BY_HOUR");
            assertThat(row.path("DiskState").asText()).isEqualTo("ATTACHED");
            assertThat(row.path("Attached").asBoolean()).isTrue();
            assertThat(row.path("InstanceId").asText()).isEqualTo(id);
            assertThat(row.path("DiskType").asText()).isEqualTo(d.getDiskType());
            assertThat(row.path("DiskSize").asLong()).isEqualTo(d.getDiskSize());
            assertThat(row.path("DeleteWithInstance").asBoolean()).isEqualTo(d.getDeleteWithInstance());
            assertThat(row.path("Encrypt").asBoolean()).isEqualTo(d.getEncrypt());
            assertThat(row.path("ThroughputPerformance").asLong()).isEqualTo(d.getThroughputPerformance());
        }
        assertThat(shown.getDataDisks()[0].getEncrypt()).isTrue();
        assertThat(shown.getDataDisks()[1].getThroughputPerformance()).isEqualTo(100L);
    }

    @Test
    void aSystemDiskIsNamedAfterItsInstanceAndFoundByItsId() throws Exception {
        String id = withDisks("POSTPAID_BY_HOUR");
        String system = cvm.describe(id).getSystemDisk().getDiskId();
        assertThat(system).isEqualTo("disk-" + id.substring(4));
        JsonNode d = disk(system);
        assertThat(d.path("DiskUsage").asText()).isEqualTo("SYSTEM_DISK");
        assertThat(d.path("InstanceId").asText()).isEqualTo(id);
        assertThat(d.path("DiskSize").asLong()).isEqualTo(60);
    }

    /** An instance launched before system disk ids followed instance ids keeps its own: it is still found. */
    @Test
    void anEarlierInstancesSystemDiskIsFoundByItsOwnId() throws Exception {
        StoreConfig store = TestStores.fresh();
        dev.localcvm.cvm.domain.Instance earlier = Instances.running("ins-early001", ChargeType.POSTPAID_BY_HOUR);
        try (Database db = Database.open(store)) {
            new InstanceRepository(db).commit(new InstanceRepository.Changes(List.of(earlier), List.of(), List.of(),
                    Instances.T0, null, 0, null));
        }
        try (TestServer server = TestServer.start(TestStores.on(TestServer.config(), store), ServerClock.system())) {
            CommonClient own = server.common(TestServer.Mode.TC3_POST, "cbs", "2017-03-12", CvmFixture.REGION);
            JsonNode set = JSON.readTree(own.call("DescribeDisks", "{\"DiskIds\":[\"disk-00000001\"]}"))
                    .path("Response").path("DiskSet");
            assertThat(set.size()).isEqualTo(1);
            assertThat(set.get(0).path("InstanceId").asText()).isEqualTo("ins-early001");
            assertThat(JSON.readTree(own.call("DescribeDisks", "{}")).path("Response").path("TotalCount").asInt())
                    .isEqualTo(1);
        }
    }

    @Test
    void filtersAndPaging() throws Exception {
        String id = withDisks("POSTPAID_BY_HOUR");
        String dataDisk = cvm.describe(id).getDataDisks()[0].getDiskId();
        for (String filter : List.of("disk-id:" + dataDisk, "disk-usage:DATA_DISK", "disk-charge-type:POSTPAID_BY_HOUR",
                "disk-state:ATTACHED", "zone:" + CvmFixture.ZONE, "disk-type:CLOUD_PREMIUM", "portable:TRUE")) {
            String[] nv = filter.split(":", 2);
            JsonNode r = call("DescribeDisks", "{\"Filters\":[{\"Name\":\"instance-id\",\"Values\":[\"" + id + "\"]},"
                    + "{\"Name\":\"" + nv[0] + "\",\"Values\":[\"" + nv[1] + "\"]}]}");
            List<String> ids = new ArrayList<>();
            r.path("DiskSet").forEach(d -> ids.add(d.path("DiskId").asText()));
            assertThat(ids).as(filter).contains(dataDisk);
        }
        assertThat(call("DescribeDisks", "{\"Filters\":[{\"Name\":\"instance-id\",\"Values\":[\"" + id + "\"]},"
                + "{\"Name\":\"portable\",\"Values\":[\"FALSE\"]}]}").path("TotalCount").asInt()).isEqualTo(1);
        JsonNode page = call("DescribeDisks", "{\"Filters\":[{\"Name\":\"instance-id\",\"Values\":[\"" + id + "\"]}],"
                + "\"Offset\":1,\"Limit\":1,\"Order\":\"ASC\"}");
        assertThat(page.path("TotalCount").asInt()).isEqualTo(3);
        assertThat(page.path("DiskSet").size()).isEqualTo(1);
        assertThat(call("DescribeDisks", "{\"DiskIds\":[\"disk-zzzzzzzz\"]}").path("TotalCount").asInt()).isZero();
        assertThat(call("DescribeSnapshots", "{}").path("TotalCount").asInt()).isZero();
    }

    @Test
    void detachThenAttachElsewhereSteppedByTheClock() throws Exception {
        String from = withDisks("POSTPAID_BY_HOUR");
        String to = cvm.running("POSTPAID_BY_HOUR");
        String diskId = cvm.describe(from).getDataDisks()[1].getDiskId();
        call("DetachDisks", "{\"DiskIds\":[\"" + diskId + "\"]}");
        assertThat(disk(diskId).path("DiskState").asText()).isEqualTo("DETACHING");
        assertThat(cvm.describe(from).getDataDisks()).hasSize(1);
        assertThat(code("AttachDisks", "{\"DiskIds\":[\"" + diskId + "\"],\"InstanceId\":\"" + to + "\"}"))
                .isEqualTo("ResourceBusy");
        cvm.settle();
        assertThat(disk(diskId).path("DiskState").asText()).isEqualTo("UNATTACHED");
        assertThat(disk(diskId).path("InstanceId").asText()).isEmpty();

        call("AttachDisks", "{\"DiskIds\":[\"" + diskId + "\"],\"InstanceId\":\"" + to + "\",\"DeleteWithInstance\":true}");
        assertThat(disk(diskId).path("DiskState").asText()).isEqualTo("ATTACHING");
        cvm.settle();
        JsonNode attached = disk(diskId);
        assertThat(attached.path("DiskState").asText()).isEqualTo("ATTACHED");
        assertThat(attached.path("InstanceId").asText()).isEqualTo(to);
        assertThat(attached.path("DeleteWithInstance").asBoolean()).isTrue();
        assertThat(cvm.describe(to).getDataDisks()).extracting(DataDisk::getDiskId).containsExactly(diskId);
    }

    @Test
    void errorCodesThroughTheirTriggers() throws Exception {
        String id = withDisks("POSTPAID_BY_HOUR");
        Instance shown = cvm.describe(id);
        String system = shown.getSystemDisk().getDiskId();
        String data = shown.getDataDisks()[0].getDiskId();
        String elsewhere = cvm.inRegion(CvmFixture.REGION, "ap-guangzhou-4").running("POSTPAID_BY_HOUR");
        assertThat(code("AttachDisks", "{\"DiskIds\":[\"" + system + "\"],\"InstanceId\":\"" + id + "\"}"))
                .isEqualTo("ResourceUnavailable.TypeError");
        assertThat(code("AttachDisks", "{\"DiskIds\":[\"" + data + "\"],\"InstanceId\":\"" + id + "\"}"))
                .isEqualTo("ResourceUnavailable.Attached");
        assertThat(code("AttachDisks", "{\"DiskIds\":[\"disk-zzzzzzzz\"],\"InstanceId\":\"" + id + "\"}"))
                .isEqualTo("InvalidDiskId.NotFound");
        assertThat(code("AttachDisks", "{\"DiskIds\":[\"vol-1\"],\"InstanceId\":\"" + id + "\"}"))
                .isEqualTo("InvalidParameterValue");
        assertThat(code("TerminateDisks", "{\"DiskIds\":[\"" + data + "\"]}")).isEqualTo("InvalidDisk.Attached");
        assertThat(code("TerminateDisks", "{\"DiskIds\":[\"" + system + "\"]}"))
                .isEqualTo("ResourceUnavailable.NotPortable");
        assertThat(code("DetachDisks", "{\"DiskIds\":[\"" + data + "\"],\"InstanceId\":\"" + elsewhere + "\"}"))
                .isEqualTo("InvalidParameterValue");
        call("DetachDisks", "{\"DiskIds\":[\"" + data + "\"],\"InstanceId\":\"" + id + "\"}");
        cvm.settle();
        assertThat(code("DetachDisks", "{\"DiskIds\":[\"" + data + "\"]}")).isEqualTo("UnsupportedOperation.StateError");
        assertThat(code("AttachDisks", "{\"DiskIds\":[\"" + data + "\"],\"InstanceId\":\"" + elsewhere + "\"}"))
                .isEqualTo("ZoneNotMatch");
        assertThat(code("AttachDisks", "{\"DiskIds\":[\"" + data + "\"],\"InstanceId\":\"ins-zzzzzzzz\"}"))
                .isEqualTo("InvalidInstanceId.NotFound");
        assertThat(code("DescribeDisks", "{\"Filters\":[{\"Name\":\"colour\",\"Values\":[\"x\"]}]}"))
                .isEqualTo("InvalidFilter");
        assertThat(code("DescribeDisks", "{\"DiskIds\":[\"" + data + "\"],\"Filters\":[{\"Name\":\"zone\","
                + "\"Values\":[\"x\"]}]}")).isEqualTo("InvalidParameter");
        // Atomic: one unknown disk among them and the known one stays unattached.
        assertThat(code("AttachDisks", "{\"DiskIds\":[\"" + data + "\",\"disk-zzzzzzzz\"],\"InstanceId\":\"" + id + "\"}"))
                .isEqualTo("InvalidDiskId.NotFound");
        assertThat(disk(data).path("DiskState").asText()).isEqualTo("UNATTACHED");
    }

    @Test
    void anInstanceTakesAtMostTwentyDataDisks() throws Exception {
        String full = CvmFixture.run(cvm.client(), "POSTPAID_BY_HOUR", r -> {
            DataDisk[] twenty = new DataDisk[20];
            for (int k = 0; k < twenty.length; k++) {
                twenty[k] = new DataDisk();
                twenty[k].setDiskSize(10L);
            }
            r.setDataDisks(twenty);
        }).get(0);
        String spare = withDisks("POSTPAID_BY_HOUR");
        cvm.settle();
        String disk = cvm.describe(spare).getDataDisks()[1].getDiskId();
        call("DetachDisks", "{\"DiskIds\":[\"" + disk + "\"]}");
        cvm.settle();
        assertThat(code("AttachDisks", "{\"DiskIds\":[\"" + disk + "\"],\"InstanceId\":\"" + full + "\"}"))
                .isEqualTo("LimitExceeded.InstanceAttachedDisk");
        assertThat(disk(disk).path("DiskState").asText()).isEqualTo("UNATTACHED");
    }

    @Test
    void terminatingDisksDestroysPostpaidAndRecyclesPrepaid() throws Exception {
        String postpaid = withDisks("POSTPAID_BY_HOUR");
        String prepaid = withDisks("PREPAID");
        String p1 = cvm.describe(postpaid).getDataDisks()[1].getDiskId();
        String p2 = cvm.describe(prepaid).getDataDisks()[1].getDiskId();
        call("DetachDisks", "{\"DiskIds\":[\"" + p1 + "\",\"" + p2 + "\"]}");
        cvm.settle();
        assertThat(disk(p2).path("DiskChargeType").asText()).isEqualTo("PREPAID");
        call("TerminateDisks", "{\"DiskIds\":[\"" + p1 + "\",\"" + p2 + "\"]}");
        assertThat(disk(p1)).isNull();
        assertThat(disk(p2).path("DiskState").asText()).isEqualTo("TORECYCLE");
        assertThat(code("AttachDisks", "{\"DiskIds\":[\"" + p2 + "\"],\"InstanceId\":\"" + prepaid + "\"}"))
                .isEqualTo("UnsupportedOperation.StateError");
        assertThat(code("DetachDisks", "{\"DiskIds\":[\"" + p2 + "\"]}")).isEqualTo("UnsupportedOperation.StateError");
        call("TerminateDisks", "{\"DiskIds\":[\"" + p2 + "\"]}");
        assertThat(disk(p2)).isNull();
    }

    @Test
    void aPostpaidInstanceTakesItsSystemDiskAndDeleteWithInstanceDisksAndLeavesTheRest() throws Exception {
        String id = withDisks("POSTPAID_BY_HOUR");
        Instance shown = cvm.describe(id);
        terminate(id, false);
        cvm.settle();
        assertThat(cvm.describe(id)).isNull();
        assertThat(disk(shown.getSystemDisk().getDiskId())).isNull();
        assertThat(disk(shown.getDataDisks()[0].getDiskId())).isNull();
        JsonNode kept = disk(shown.getDataDisks()[1].getDiskId());
        assertThat(kept.path("DiskState").asText()).isEqualTo("UNATTACHED");
        assertThat(kept.path("InstanceId").asText()).isEmpty();
    }

    @Test
    void aPrepaidInstanceKeepsItsDisksAttachedInTheBinAndReleasesThemOnlyWhenAsked() throws Exception {
        for (boolean release : new boolean[] {true, false}) {
            String id = withDisks("PREPAID");
            Instance shown = cvm.describe(id);
            terminate(id, release);
            cvm.settle();
            assertThat(cvm.state(id)).isEqualTo("SHUTDOWN");
            for (DataDisk d : shown.getDataDisks()) {
                assertThat(disk(d.getDiskId()).path("DiskState").asText()).as("in the bin").isEqualTo("ATTACHED");
            }
            terminate(id, release);
            cvm.settle();
            assertThat(disk(shown.getSystemDisk().getDiskId())).isNull();
            for (DataDisk d : shown.getDataDisks()) {
                if (release) {
                    assertThat(disk(d.getDiskId())).as("released with %s", id).isNull();
                } else {
                    assertThat(disk(d.getDiskId()).path("DiskState").asText()).isEqualTo("UNATTACHED");
                }
            }
        }
    }

    private static void terminate(String id, boolean releasePrepaidDataDisks) throws Exception {
        TerminateInstancesRequest req = new TerminateInstancesRequest();
        req.setInstanceIds(new String[] {id});
        req.setReleasePrepaidDataDisks(releasePrepaidDataDisks);
        cvm.client().TerminateInstances(req);
    }
}
