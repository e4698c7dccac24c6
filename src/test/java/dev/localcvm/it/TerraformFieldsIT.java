package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DataDisk;
import com.tencentcloudapi.cvm.v20170312.models.EnhancedService;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.InternetAccessible;
import com.tencentcloudapi.cvm.v20170312.models.RebootInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.RunAutomationServiceEnabled;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.RunMonitorServiceEnabled;
import com.tencentcloudapi.cvm.v20170312.models.RunSecurityServiceEnabled;
import com.tencentcloudapi.cvm.v20170312.models.StartInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.SystemDisk;
import dev.localcvm.testing.CvmFixture;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Footprint §6: every field Terraform's provider dereferences on DescribeInstances is present in every state an
 * instance passes through, and DataDisks echo the request exactly, read through the official CvmClient. The
 * request is the provider's RunInstances of §4.1.
 */
class TerraformFieldsIT {
    private CvmFixture it;
    private CvmClient cvm;

    @BeforeEach
    void start() {
        it = CvmFixture.start();
        cvm = it.client();
    }

    @AfterEach
    void stop() {
        it.close();
    }

    /** RunInstances as the provider sends it for the footprint's configuration. */
    private static RunInstancesRequest providerRequest(String chargeType) {
        RunInstancesRequest r = CvmFixture.runRequest(chargeType);
        r.setClientToken(UUID.randomUUID().toString());
        r.setInstanceType("S5.MEDIUM4");
        InternetAccessible net = new InternetAccessible();
        net.setInternetChargeType("TRAFFIC_POSTPAID_BY_HOUR");
        net.setInternetMaxBandwidthOut(10L);
        net.setPublicIpAssigned(true);
        r.setInternetAccessible(net);
        SystemDisk system = new SystemDisk();
        system.setDiskType("CLOUD_PREMIUM");
        system.setDiskSize(50L);
        r.setSystemDisk(system);
        DataDisk data = new DataDisk();
        data.setDiskType("CLOUD_SSD");
        data.setDiskSize(100L);
        data.setThroughputPerformance(0L);
        data.setDeleteWithInstance(true);
        data.setEncrypt(false);
        r.setDataDisks(new DataDisk[] {data});
        EnhancedService es = new EnhancedService();
        RunSecurityServiceEnabled security = new RunSecurityServiceEnabled();
        security.setEnabled(true);
        RunMonitorServiceEnabled monitor = new RunMonitorServiceEnabled();
        monitor.setEnabled(true);
        RunAutomationServiceEnabled automation = new RunAutomationServiceEnabled();
        automation.setEnabled(true);
        es.setSecurityService(security);
        es.setMonitorService(monitor);
        es.setAutomationService(automation);
        r.setEnhancedService(es);
        r.setDisableApiTermination(false);
        return r;
    }

    private String launch(String chargeType) throws Exception {
        String[] ids = cvm.RunInstances(providerRequest(chargeType)).getInstanceIdSet();
        assertThat(ids).hasSize(1);
        return ids[0];
    }

    /** The §6 contract for one observation; answers the state seen. */
    private String check(String id) throws Exception {
        Instance i = it.describe(id);
        assertThat(i).as("%s must be visible", id).isNotNull();
        String state = i.getInstanceState();
        assertThat(i.getInstanceId()).isEqualTo(id);
        assertThat(state).isNotNull();
        assertThat(i.getInstanceChargeType()).isNotNull();
        assertThat(i.getPlacement()).isNotNull();
        assertThat(i.getInternetAccessible()).isNotNull();
        assertThat(i.getVirtualPrivateCloud()).isNotNull();
        assertThat(i.getSystemDisk()).isNotNull();
        assertThat(i.getLoginSettings()).isNotNull();
        assertThat(i.getLatestOperationState()).as("LatestOperationState in %s", state).isNotNull();
        assertThat(i.getSystemDisk().getDiskId()).startsWith("disk-");
        assertThat(i.getDataDisks()).hasSize(1);
        DataDisk d = i.getDataDisks()[0];
        assertThat(d.getDiskId()).startsWith("disk-");
        assertThat(d.getDiskType()).isEqualTo("CLOUD_SSD");
        assertThat(d.getDiskSize()).isEqualTo(100L);
        assertThat(d.getDeleteWithInstance()).isTrue();
        assertThat(d.getEncrypt()).isFalse();
        assertThat(d.getThroughputPerformance()).isZero();
        assertThat(List.of(i.getPrivateIpAddresses().length)).containsExactly(1);
        assertThat(List.of(i.getImageId(), i.getOsName(), i.getCreatedTime())).doesNotContainNull();
        assertThat(i.getSecurityGroupIds()).isNotEmpty();
        assertThat(i.getCPU()).isNotNull();
        assertThat(i.getMemory()).isNotNull();
        return state;
    }

    @Test
    void everyStateOfAPostpaidInstanceHasTheDereferencedFields() throws Exception {
        List<String> seen = new ArrayList<>();
        String id = launch("POSTPAID_BY_HOUR");
        seen.add(check(id));
        it.settle();
        seen.add(check(id));

        StopInstancesRequest stop = new StopInstancesRequest();
        stop.setInstanceIds(new String[] {id});
        cvm.StopInstances(stop);
        seen.add(check(id));
        it.settle();
        seen.add(check(id));
        StartInstancesRequest start = new StartInstancesRequest();
        start.setInstanceIds(new String[] {id});
        cvm.StartInstances(start);
        seen.add(check(id));
        it.settle();
        RebootInstancesRequest reboot = new RebootInstancesRequest();
        reboot.setInstanceIds(new String[] {id});
        cvm.RebootInstances(reboot);
        seen.add(check(id));
        it.settle();
        it.terminate(id);
        seen.add(check(id));

        assertThat(seen).containsExactly("PENDING", "RUNNING", "STOPPING", "STOPPED", "STARTING", "REBOOTING",
                "TERMINATING");
        assertThat(it.describe(id).getPublicIpAddresses()).hasSize(1);
        it.settle();
        assertThat(it.describe(id)).isNull();
    }

    @Test
    void aPrepaidInstanceInTheRecycleBinHasALatestOperationStateGoingFromOperatingToSuccess() throws Exception {
        String id = launch("PREPAID");
        it.settle();
        it.terminate(id);
        assertThat(check(id)).isEqualTo("SHUTDOWN");
        assertThat(it.describe(id).getLatestOperationState()).isEqualTo("OPERATING");
        it.settle();
        assertThat(check(id)).isEqualTo("SHUTDOWN");
        assertThat(it.describe(id).getLatestOperationState()).isEqualTo("SUCCESS");
    }

    @Test
    void aLaunchFailureStillHasTheDereferencedFields() throws Exception {
        it.setAccount(new JsonObject().put("failNextLaunches", 1));
        String id = launch("POSTPAID_BY_HOUR");
        it.settle();
        assertThat(check(id)).isEqualTo("LAUNCH_FAILED");
        assertThat(it.describe(id).getLatestOperationErrorMsg()).isNotBlank();
    }
}
