package dev.localcvm.cam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PresetsTest {
    @Test
    void everyPresetParsesHasAUniqueIdBelowCustomPoliciesAndAName() {
        assertThat(Presets.all()).isNotEmpty();
        for (Presets.Preset p : Presets.all()) {
            assertThat(PolicyDocument.parse(p.document())).as(p.name()).isNotNull();
            assertThat(p.policyId()).isPositive().isLessThan(Presets.FIRST_CUSTOM_ID);
            assertThat(p.description()).isNotBlank();
            assertThat(Presets.byId(p.policyId())).contains(p);
            assertThat(Presets.byName(p.name())).contains(p);
        }
        assertThat(Presets.all().stream().map(Presets.Preset::policyId).distinct()).hasSize(Presets.all().size());
        assertThat(Presets.all().stream().map(Presets.Preset::name).distinct()).hasSize(Presets.all().size());
    }

    @Test
    void theDocumentedIdsAreKept() {
        assertThat(Presets.byName("AdministratorAccess").orElseThrow().policyId()).isEqualTo(1);
        assertThat(Presets.byName("QCloudResourceFullAccess").orElseThrow().policyId()).isEqualTo(2);
        assertThat(Presets.byName("ReadOnlyAccess").orElseThrow().policyId()).isEqualTo(400411);
        assertThat(Presets.byId(123456789)).isEmpty();
        assertThat(Presets.byName("qcloudcvmfullaccess")).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "AdministratorAccess, cam:AttachUserPolicy, true",
        "QCloudResourceFullAccess, cvm:TerminateInstances, true",
        "QCloudResourceFullAccess, cam:AttachUserPolicy, false",
        "ReadOnlyAccess, cvm:DescribeInstances, true",
        "ReadOnlyAccess, cbs:InquirePriceModifyDiskExtraPerformance, true",
        "ReadOnlyAccess, tag:GetTags, true",
        "ReadOnlyAccess, cvm:TerminateInstances, false",
        "QcloudCVMFullAccess, cvm:TerminateInstances, true",
        "QcloudCVMFullAccess, vpc:CreateVpc, false",
        "QcloudCVMInnerReadOnlyAccess, cvm:DescribeInstances, true",
        "QcloudCVMInnerReadOnlyAccess, vpc:DescribeVpcs, false",
        "QcloudCVMReadOnlyAccess, vpc:DescribeVpcs, true",
        "QcloudCVMReadOnlyAccess, cvm:StopInstances, false",
        "QcloudVPCFullAccess, vpc:AllocateAddresses, true",
        "QcloudVPCReadOnlyAccess, vpc:DescribeAddresses, true",
        "QcloudVPCReadOnlyAccess, vpc:ReleaseAddresses, false",
        "QcloudCBSFullAccess, cbs:TerminateDisks, true",
        "QcloudCBSFullAccess, cvm:AttachDisks, true",
        "QcloudCBSFullAccess, cvm:TerminateInstances, false",
        "QcloudCBSReadOnlyAccess, cbs:DescribeDisks, true",
        "QcloudCBSReadOnlyAccess, cbs:AttachDisks, false",
        "QcloudTAGFullAccess, tag:CreateTag, true",
        "QcloudTAGReadOnlyAccess, tag:GetResources, true",
        "QcloudTAGReadOnlyAccess, tag:DeleteTag, false",
        "QcloudCamFullAccess, cam:CreatePolicy, true",
        "QcloudCamReadOnlyAccess, cam:ListPolicies, true",
        "QcloudCamReadOnlyAccess, cam:DeleteUser, false"
    })
    void whatAPresetAllows(String name, String action, boolean allowed) {
        PolicyDocument doc = PolicyDocument.parse(Presets.byName(name).orElseThrow().document());
        Access access = new Access(action, List.of(new Access.Resource("*", Map.of())),
                new Access.Facts("ap-guangzhou", "127.0.0.1", false, Instant.EPOCH, Map.of()));
        assertThat(Evaluator.decide(List.of(doc), List.of(), access).allowed()).isEqualTo(allowed);
    }
}
