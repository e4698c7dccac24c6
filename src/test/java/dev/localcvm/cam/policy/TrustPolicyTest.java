package dev.localcvm.cam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustPolicyTest {
    private static final String ROOT = "qcs::cam::uin/100000000001:root";
    private static final String SUB = "qcs::cam::uin/100000000001:uin/100000000011";
    private static final String OTHER_SUB = "qcs::cam::uin/100000000001:uin/100000000012";
    private static final String STRANGER = "qcs::cam::uin/100000000002:root";
    private static final String STRANGERS_SUB = "qcs::cam::uin/100000000002:uin/100000000011";

    private static PolicyDocument trust(String statements) {
        return PolicyDocument.parse("{\"version\":\"2.0\",\"statement\":[" + statements + "]}");
    }

    private static String allow(String... qcs) {
        return "{\"effect\":\"allow\",\"action\":\"name/sts:AssumeRole\",\"principal\":{\"qcs\":[\""
                + String.join("\",\"", qcs) + "\"]}}";
    }

    @ParameterizedTest
    @CsvSource({
        "qcs::cam::uin/100000000001:root, qcs::cam::uin/100000000001:root, true",
        "qcs::cam::uin/100000000001:root, qcs::cam::uin/100000000001:uin/100000000011, true",
        "qcs::cam::uin/100000000001:root, qcs::cam::uin/100000000001:uin/100000000001, true",
        "qcs::cam::uin/100000000001:root, qcs::cam::uin/100000000002:root, false",
        "qcs::cam::uin/100000000001:root, qcs::cam::uin/100000000002:uin/100000000011, false",
        "qcs::cam::uin/100000000001:root, qcs::cam::uin/1000000000011:uin/5, false",
        "qcs::cam::uin/100000000001:uin/100000000011, qcs::cam::uin/100000000001:uin/100000000011, true",
        "qcs::cam::uin/100000000001:uin/100000000011, qcs::cam::uin/100000000001:uin/100000000012, false",
        "qcs::cam::uin/100000000001:uin/100000000011, qcs::cam::uin/100000000001:root, false",
        "*, qcs::cam::uin/100000000002:uin/100000000011, true"
    })
    void whoATrustPrincipalAdmits(String principal, String caller, boolean trusted) {
        assertThat(trust(allow(principal)).trusts(caller)).isEqualTo(trusted);
    }

    @Test
    void theStatementHasToCoverAssumeRole() {
        PolicyDocument other = trust("{\"effect\":\"allow\",\"action\":\"sts:GetFederationToken\","
                + "\"principal\":{\"qcs\":\"" + ROOT + "\"}}");
        assertThat(other.trusts(ROOT)).isFalse();
        PolicyDocument wildcard = trust("{\"effect\":\"allow\",\"action\":\"sts:*\",\"principal\":{\"qcs\":\""
                + ROOT + "\"}}");
        assertThat(wildcard.trusts(SUB)).isTrue();
    }

    @Test
    void aDenyNamingTheCallerWins() {
        PolicyDocument doc = trust(allow(ROOT) + ",{\"effect\":\"deny\",\"action\":\"sts:AssumeRole\","
                + "\"principal\":{\"qcs\":[\"" + SUB + "\"]}}");
        assertThat(doc.trusts(SUB)).isFalse();
        assertThat(doc.trusts(OTHER_SUB)).isTrue();
        assertThat(doc.trusts(ROOT)).isTrue();
    }

    @Test
    void serviceOnlyAndPrincipalFreeDocumentsTrustNoUser() {
        assertThat(trust("{\"effect\":\"allow\",\"action\":\"name/sts:AssumeRole\",\"principal\":{\"service\":"
                + "[\"cvm.qcloud.com\"]}}").trusts(ROOT)).isFalse();
        assertThat(trust("{\"effect\":\"allow\",\"action\":\"*\",\"resource\":\"*\"}").trusts(ROOT)).isFalse();
        assertThat(trust(allow(STRANGER)).trusts(STRANGERS_SUB)).isTrue();
    }

    @Test
    void aTopLevelPrincipalAppliesToEveryStatement() {
        PolicyDocument doc = PolicyDocument.parse("{\"version\":\"2.0\",\"principal\":{\"qcs\":[\"" + SUB + "\"]},"
                + "\"statement\":{\"effect\":\"allow\",\"action\":\"sts:AssumeRole\"}}");
        assertThat(doc.trusts(SUB)).isTrue();
        assertThat(doc.trusts(OTHER_SUB)).isFalse();
        assertThat(doc.hasPrincipal()).isTrue();
    }

    @Test
    void conditionsAreJudgedAgainstTheAssumeRoleFacts() {
        PolicyDocument doc = trust("{\"effect\":\"allow\",\"action\":\"sts:AssumeRole\",\"principal\":{\"qcs\":\""
                + ROOT + "\"},\"condition\":{\"ip_equal\":{\"qcs:ip\":\"10.0.0.0/8\"}}}");
        Access.Facts inside = new Access.Facts("ap-guangzhou", "10.0.0.7", false, Instant.EPOCH, Map.of());
        Access.Facts outside = new Access.Facts("ap-guangzhou", "192.0.2.1", false, Instant.EPOCH, Map.of());
        assertThat(doc.trusts(SUB, inside)).isTrue();
        assertThat(doc.trusts(SUB, outside)).isFalse();
        assertThat(doc.trusts(SUB)).isFalse();
    }
}
