package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.models.DataDisk;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What TerminateInstances does to the instance's EIP and disks (cvm-terminate.md §4.4, issue 13 item 5): every
 * combination of ReleaseAddress × ReleasePrepaidDataDisks × charge type × EIP type, with DescribeAddresses and
 * DescribeDisks read before and after through the SDK's generic client.
 */
class TerminateEffectsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static CvmFixture server;
    // Each combination runs in an account of its own, so that the EIPs it keeps never meet the quota of 20.
    private CvmFixture cvm;
    private CommonClient vpc;
    private CommonClient cbs;

    @BeforeAll
    static void start() {
        server = CvmFixture.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private void account() {
        cvm = server.newAccount("effects");
        TestServer s = server.server();
        vpc = new CommonClient("vpc", "2017-03-12", cvm.credential(), CvmFixture.REGION, s.profile(TestServer.Mode.TC3_POST));
        cbs = new CommonClient("cbs", "2017-03-12", cvm.credential(), CvmFixture.REGION, s.profile(TestServer.Mode.TC3_POST));
    }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (String charge : List.of("POSTPAID_BY_HOUR", "PREPAID")) {
            for (boolean releaseAddress : new boolean[] {false, true}) {
                for (boolean releaseDisks : new boolean[] {false, true}) {
                    for (String eip : List.of("none", "EIP", "HighQualityEIP", "AntiDDoSEIP")) {
                        all.add(Arguments.of(charge, releaseAddress, releaseDisks, eip));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} ReleaseAddress={1} ReleasePrepaidDataDisks={2} EIP={3}")
    @MethodSource("combinations")
    void effects(String charge, boolean releaseAddress, boolean releaseDisks, String eipType) throws Exception {
        account();
        String id = CvmFixture.run(cvm.client(), charge, r -> {
            DataDisk goes = new DataDisk();
            goes.setDiskSize(50L);
            goes.setDeleteWithInstance(true);
            DataDisk stays = new DataDisk();
            stays.setDiskSize(60L);
            stays.setDeleteWithInstance(false);
            r.setDataDisks(new DataDisk[] {goes, stays});
        }).get(0);
        cvm.settle();
        String eip = null;
        if (!eipType.equals("none")) {
            eip = call(vpc, "AllocateAddresses", "{\"AddressType\":\"" + eipType + "\"}").path("AddressSet").get(0).asText();
            cvm.settle();
            call(vpc, "AssociateAddress", "{\"AddressId\":\"" + eip + "\",\"InstanceId\":\"" + id + "\"}");
            cvm.settle();
            assertThat(address(eip).path("AddressStatus").asText()).isEqualTo("BIND");
        }
        Instance shown = cvm.describe(id);
        String system = shown.getSystemDisk().getDiskId();
        String withInstance = shown.getDataDisks()[0].getDiskId();
        String kept = shown.getDataDisks()[1].getDiskId();
        String before = snapshot(eip, system, withInstance, kept);

        if (releaseAddress && eipType.equals("EIP")) {
            assertThat(terminateCode(id, releaseAddress, releaseDisks)).isEqualTo("InvalidParameterValue.NotSupported");
            cvm.settle();
            assertThat(snapshot(eip, system, withInstance, kept)).as("nothing changed").isEqualTo(before);
            assertThat(cvm.state(id)).isEqualTo("RUNNING");
            return;
        }
        terminate(id, releaseAddress, releaseDisks);
        cvm.settle();
        if (charge.equals("PREPAID")) {
            // In the recycle bin the EIP stays bound and the disks attached.
            assertThat(cvm.state(id)).isEqualTo("SHUTDOWN");
            assertThat(snapshot(eip, system, withInstance, kept)).as("in the recycle bin").isEqualTo(before);
            terminate(id, false, false); // the first call's flags are remembered
            cvm.settle();
        }
        assertThat(cvm.describe(id)).isNull();
        assertThat(disk(system)).as("system disk").isNull();
        boolean dataDisksGo = charge.equals("PREPAID") ? releaseDisks : false;
        if (charge.equals("PREPAID") ? dataDisksGo : true) {
            assertThat(disk(withInstance)).as("DeleteWithInstance / released data disk").isNull();
        } else {
            assertThat(disk(withInstance).path("DiskState").asText()).isEqualTo("UNATTACHED");
        }
        if (dataDisksGo) {
            assertThat(disk(kept)).as("released prepaid data disk").isNull();
        } else {
            JsonNode k = disk(kept);
            assertThat(k.path("DiskState").asText()).isEqualTo("UNATTACHED");
            assertThat(k.path("InstanceId").asText()).isEmpty();
        }
        if (eip != null) {
            if (releaseAddress) {
                assertThat(address(eip)).as("released EIP").isNull();
            } else {
                JsonNode a = address(eip);
                assertThat(a.path("AddressStatus").asText()).isEqualTo("UNBIND");
                assertThat(a.path("InstanceId").asText()).isEmpty();
            }
        }
    }

    private String snapshot(String eip, String... disks) throws Exception {
        StringBuilder sb = new StringBuilder();
        if (eip != null) {
            JsonNode a = address(eip);
            sb.append(a.path("AddressStatus").asText()).append('/').append(a.path("InstanceId").asText()).append(';');
        }
        for (String d : disks) {
            JsonNode row = disk(d);
            sb.append(row == null ? "gone" : row.path("DiskState").asText() + "/" + row.path("InstanceId").asText())
                    .append(';');
        }
        return sb.toString();
    }

    static JsonNode call(CommonClient client, String action, String body) throws Exception {
        return JSON.readTree(client.call(action, body)).path("Response");
    }

    JsonNode disk(String id) throws Exception {
        JsonNode set = call(cbs, "DescribeDisks", "{\"DiskIds\":[\"" + id + "\"]}").path("DiskSet");
        return set.isEmpty() ? null : set.get(0);
    }

    JsonNode address(String id) throws Exception {
        JsonNode set = call(vpc, "DescribeAddresses", "{\"AddressIds\":[\"" + id + "\"]}").path("AddressSet");
        return set.isEmpty() ? null : set.get(0);
    }

    private void terminate(String id, boolean releaseAddress, boolean releaseDisks) throws Exception {
        TerminateInstancesRequest req = new TerminateInstancesRequest();
        req.setInstanceIds(new String[] {id});
        req.setReleaseAddress(releaseAddress);
        req.setReleasePrepaidDataDisks(releaseDisks);
        cvm.client().TerminateInstances(req);
    }

    private String terminateCode(String id, boolean releaseAddress, boolean releaseDisks) {
        try {
            terminate(id, releaseAddress, releaseDisks);
            return "OK";
        } catch (TencentCloudSDKException e) {
            return e.getErrorCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
