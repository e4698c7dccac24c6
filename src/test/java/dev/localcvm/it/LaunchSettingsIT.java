package dev.localcvm.it;

import static dev.localcvm.testing.CvmFixture.codeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesAttributesRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.EnhancedService;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.InstanceAttribute;
import com.tencentcloudapi.cvm.v20170312.models.InternetAccessible;
import com.tencentcloudapi.cvm.v20170312.models.LoginSettings;
import com.tencentcloudapi.cvm.v20170312.models.ModifyInstancesAttributeRequest;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.RunMonitorServiceEnabled;
import com.tencentcloudapi.cvm.v20170312.models.RunSecurityServiceEnabled;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.TestServer.Mode;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RunInstances' launch settings (EnhancedService, UserData, LoginSettings, PublicIpAssigned): stored, shown where
 * the API shows them, the password nowhere; and DescribeInstancesAttributes, which Terraform calls on every Read.
 */
class LaunchSettingsIT {
    private static final String USER_DATA = Base64.getEncoder().encodeToString("#!/bin/sh\necho hi\n".getBytes());
    private static final String PASSWORD = "Secr3t!Passw0rd";
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

    private String run(Consumer<RunInstancesRequest> customize) throws TencentCloudSDKException {
        return CvmFixture.run(cvm, "POSTPAID_BY_HOUR", customize).get(0);
    }

    private InstanceAttribute[] attributes(String... ids) throws TencentCloudSDKException {
        DescribeInstancesAttributesRequest req = new DescribeInstancesAttributesRequest();
        req.setInstanceIds(ids);
        req.setAttributes(new String[] {"UserData"});
        return cvm.DescribeInstancesAttributes(req).getInstanceSet();
    }

    @Test
    void userDataIsStoredAndReadBackByDescribeInstancesAttributes() throws Exception {
        String withData = run(r -> r.setUserData(USER_DATA));
        String without = run(r -> { });

        InstanceAttribute[] set = attributes(without, withData, "ins-00000000", withData);

        assertThat(Arrays.stream(set).map(InstanceAttribute::getInstanceId)).containsExactly(without, withData);
        assertThat(set[0].getAttributes().getUserData()).isNull();
        assertThat(set[1].getAttributes().getUserData()).isEqualTo(USER_DATA);
        assertThat(attributes("ins-00000000")).isEmpty();

        String changed = Base64.getEncoder().encodeToString("echo changed".getBytes());
        it.settle();
        ModifyInstancesAttributeRequest modify = new ModifyInstancesAttributeRequest();
        modify.setInstanceIds(new String[] {withData});
        modify.setUserData(changed);
        cvm.ModifyInstancesAttribute(modify);
        assertThat(attributes(withData)[0].getAttributes().getUserData()).isEqualTo(changed);
    }

    @Test
    void aPasswordIsNeverReturnedAndLoginSettingsIsAlwaysAnObject() throws Exception {
        String id = run(r -> {
            LoginSettings login = new LoginSettings();
            login.setPassword(PASSWORD);
            r.setLoginSettings(login);
        });
        String kept = run(r -> {
            LoginSettings login = new LoginSettings();
            login.setKeepImageLogin("TRUE");
            r.setLoginSettings(login);
        });

        Instance i = it.describe(id);
        assertThat(i.getLoginSettings().getPassword()).isNull();
        assertThat(i.getLoginSettings().getKeyIds()).isEmpty();
        assertThat(i.getLoginSettings().getKeepImageLogin()).isEqualTo("FALSE");
        assertThat(it.describe(kept).getLoginSettings().getKeepImageLogin()).isEqualTo("TRUE");
        String raw = it.server().common(Mode.TC3_POST, "cvm", "2017-03-12", CvmFixture.REGION)
                .call("DescribeInstances", "{\"InstanceIds\":[\"" + id + "\"]}");
        assertThat(raw).doesNotContain(PASSWORD).contains("\"Password\":null");
        // The stored document (the admin view shows it whole) keeps only that a password was set.
        assertThat(it.admin("GET", "/_localcvm/instances/" + id, null).encode()).doesNotContain(PASSWORD)
                .contains("\"passwordSet\":true");
    }

    @Test
    void publicIpAssignedFalseMeansNoPublicAddressWhateverTheBandwidth() throws Exception {
        String none = run(r -> r.setInternetAccessible(internet(10L, false)));
        String some = run(r -> r.setInternetAccessible(internet(10L, true)));
        String unsaid = run(r -> r.setInternetAccessible(internet(10L, null)));

        Instance n = it.describe(none);
        assertThat(n.getPublicIpAddresses()).isNull();
        assertThat(n.getInternetAccessible().getPublicIpAssigned()).isFalse();
        assertThat(n.getInternetAccessible().getInternetMaxBandwidthOut()).isEqualTo(10L);
        for (String id : List.of(some, unsaid)) {
            Instance i = it.describe(id);
            assertThat(i.getPublicIpAddresses()).hasSize(1);
            assertThat(i.getInternetAccessible().getPublicIpAssigned()).isTrue();
        }
    }

    private static InternetAccessible internet(Long bandwidth, Boolean assigned) {
        InternetAccessible net = new InternetAccessible();
        net.setInternetMaxBandwidthOut(bandwidth);
        net.setPublicIpAssigned(assigned);
        return net;
    }

    @Test
    void enhancedServiceIsAcceptedAndStored() throws Exception {
        String id = run(r -> {
            EnhancedService es = new EnhancedService();
            RunSecurityServiceEnabled security = new RunSecurityServiceEnabled();
            security.setEnabled(true);
            RunMonitorServiceEnabled monitor = new RunMonitorServiceEnabled();
            monitor.setEnabled(false);
            es.setSecurityService(security);
            es.setMonitorService(monitor);
            r.setEnhancedService(es);
        });
        String doc = it.admin("GET", "/_localcvm/instances/" + id, null).encode();
        assertThat(doc).contains("\"securityService\":true").contains("\"monitorService\":false")
                .contains("\"automationService\":true");
    }

    @Test
    void badUserDataIsRefusedByNameAndCreatesNothing() throws Exception {
        long before = cvm.DescribeInstances(new DescribeInstancesRequest()).getTotalCount();
        var e = catchThrowableOfType(TencentCloudSDKException.class, () -> run(r -> r.setUserData("not base64!")));
        assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue.InvalidUserDataFormat");
        assertThat(e.getMessage()).contains("`UserData`");
        String big = Base64.getEncoder().encodeToString(new byte[16 * 1024 + 1]);
        e = catchThrowableOfType(TencentCloudSDKException.class, () -> run(r -> r.setUserData(big)));
        assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.getMessage()).contains("`UserData`");
        assertThat(cvm.DescribeInstances(new DescribeInstancesRequest()).getTotalCount()).isEqualTo(before);
    }

    @Test
    void describeInstancesAttributesChecksItsParametersByName() throws Exception {
        String id = run(r -> { });
        DescribeInstancesAttributesRequest noAttributes = new DescribeInstancesAttributesRequest();
        noAttributes.setInstanceIds(new String[] {id});
        var e = catchThrowableOfType(TencentCloudSDKException.class, () -> cvm.DescribeInstancesAttributes(noAttributes));
        assertThat(e.getErrorCode()).isEqualTo("MissingParameter");
        assertThat(e.getMessage()).contains("`Attributes`");

        DescribeInstancesAttributesRequest badAttribute = new DescribeInstancesAttributesRequest();
        badAttribute.setInstanceIds(new String[] {id});
        badAttribute.setAttributes(new String[] {"UserData", "Password"});
        e = catchThrowableOfType(TencentCloudSDKException.class, () -> cvm.DescribeInstancesAttributes(badAttribute));
        assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.getMessage()).contains("`Attributes.1`");

        DescribeInstancesAttributesRequest noIds = new DescribeInstancesAttributesRequest();
        noIds.setAttributes(new String[] {"UserData"});
        e = catchThrowableOfType(TencentCloudSDKException.class, () -> cvm.DescribeInstancesAttributes(noIds));
        assertThat(e.getErrorCode()).isEqualTo("MissingParameter");
        assertThat(e.getMessage()).contains("`InstanceIds`");

        String[] many = IntStream.range(0, 101).mapToObj(n -> String.format("ins-%08d", n)).toArray(String[]::new);
        e = catchThrowableOfType(TencentCloudSDKException.class, () -> attributes(many));
        assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue.LimitExceeded");
        assertThat(e.getMessage()).contains("`InstanceIds`");
        assertThat(codeOf(() -> attributes("ins-1122"))).isEqualTo("InvalidInstanceId.Malformed");
        assertThat(codeOf(() -> attributes("i-abc"))).isEqualTo("InvalidParameterValue.InstanceIdMalformed");
    }
}
