package dev.localcvm.cam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each operator and key, judged through a policy that allows everything under one condition. */
class ConditionTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static Access.Facts facts(String region, String ip, boolean mfa, Instant now, Map<String, String> tags) {
        return new Access.Facts(region, ip, mfa, now, tags);
    }

    private static final Access.Facts PLAIN = facts("ap-guangzhou", "10.1.2.3", false, NOW, Map.of());

    private static boolean holds(String condition, String action, Map<String, String> resourceTags,
                                 Access.Facts facts) {
        PolicyDocument doc = PolicyDocument.parse("{\"version\":\"2.0\",\"statement\":{\"effect\":\"allow\","
                + "\"action\":\"*\",\"resource\":\"*\",\"condition\":" + condition + "}}");
        Access access = new Access(action, List.of(new Access.Resource(
                "qcs::cvm:ap-guangzhou:uin/100000000001:instance/ins-1", resourceTags)), facts);
        return Evaluator.decide(List.of(doc), List.of(), access).allowed();
    }

    private static boolean holds(String condition, Access.Facts facts) {
        return holds(condition, "cvm:DescribeInstances", Map.of(), facts);
    }

    @ParameterizedTest(name = "{0} {1} for {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "ip_equal | 10.0.0.0/8 | 10.1.2.3 | true",
        "ip_equal | 10.1.2.3 | 10.1.2.3 | true",
        "ip_equal | 10.1.2.4 | 10.1.2.3 | false",
        "ip_equal | 192.168.0.0/16 | 10.1.2.3 | false",
        "ip_equal | 10.1.2.0/31 | 10.1.2.1 | true",
        "ip_equal | 10.1.2.0/31 | 10.1.2.2 | false",
        "ip_equal | 0.0.0.0/0 | 203.0.113.9 | true",
        "ip_equal | 2001:db8::/32 | 2001:db8:ffff::1 | true",
        "ip_equal | 2001:db8::/32 | 2001:db9::1 | false",
        "ip_equal | 2001:db8:0:0:0:0:0:1 | 2001:db8::1 | true",
        "ip_equal | 2001:db8::/33 | 2001:db8:8000::1 | false",
        "ip_equal | ::/0 | 10.1.2.3 | false",
        "ip_equal | 0.0.0.0/0 | ::1 | false",
        "ip_equal | 1.2.3.0/24 | ::ffff:1.2.3.4 | true",
        "ip_not_equal | 10.0.0.0/8 | 10.1.2.3 | false",
        "ip_not_equal | 10.0.0.0/8 | 172.16.0.1 | true",
        "ip_not_equal | 2001:db8::/32 | 2001:db8::5 | false",
        "ip_equal | 10.0.0.0/8 | not-an-address | false",
        "ip_equal | 10.0.0.0/8 | 010.0.0.1 | false",
        "ip_not_equal | 10.0.0.0/8 | 010.0.0.1 | false"
    })
    void ipOperators(String operator, String block, String sourceIp, boolean expected) {
        assertThat(holds("{\"" + operator + "\":{\"qcs:ip\":\"" + block + "\"}}",
                facts("ap-guangzhou", sourceIp, false, NOW, Map.of()))).isEqualTo(expected);
    }

    @Test
    void severalValuesOfOneKeyAreAlternatives() {
        String c = "{\"ip_equal\":{\"qcs:ip\":[\"192.168.0.0/16\",\"10.0.0.0/8\"]}}";
        assertThat(holds(c, PLAIN)).isTrue();
        assertThat(holds("{\"ip_not_equal\":{\"qcs:ip\":[\"192.168.0.0/16\",\"10.0.0.0/8\"]}}", PLAIN)).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "string_equal | ap-guangzhou | true",
        "string_equal | AP-GUANGZHOU | false",
        "string_equal | gz | true",
        "string_not_equal | ap-shanghai | true",
        "string_not_equal | ap-guangzhou | false",
        "string_equal_ignore_case | AP-Guangzhou | true",
        "string_not_equal_ignore_case | AP-Guangzhou | false",
        "string_not_equal_ignore_case | ap-beijing | true",
        "string_like | ap-guang* | true",
        "string_like | ap-?uangzhou | true",
        "string_like | ap-shang* | false",
        "string_not_like | ap-shang* | true",
        "string_not_like | *zhou | false"
    })
    void stringOperatorsOnTheRequestRegion(String operator, String value, boolean expected) {
        assertThat(holds("{\"" + operator + "\":{\"cvm:region\":\"" + value + "\"}}", PLAIN)).isEqualTo(expected);
    }

    @Test
    void theRegionKeyOfAnyServiceIsTheRequestRegion() {
        assertThat(holds("{\"string_equal_if_exist\":{\"vpc:region\":\"gz\"}}", PLAIN)).isTrue();
        assertThat(holds("{\"string_equal\":{\"cbs:region\":\"ap-guangzhou\"}}", PLAIN)).isTrue();
        assertThat(holds("{\"string_equal\":{\"cvm:region\":\"ap-guangzhou\"}}",
                facts(null, "10.1.2.3", false, NOW, Map.of()))).isFalse();
        assertThat(holds("{\"string_equal_if_exist\":{\"cvm:region\":\"ap-shanghai\"}}",
                facts(null, "10.1.2.3", false, NOW, Map.of()))).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "numeric_equal | 1 | cvm:DescribeInstances | true",
        "numeric_equal | 1 | cvm:TerminateInstances | false",
        "numeric_equal | 1.0 | cvm:InquiryPriceRunInstances | true",
        "numeric_not_equal | 1 | cvm:TerminateInstances | true",
        "numeric_less_than | 1 | cvm:TerminateInstances | true",
        "numeric_less_than | 1 | cvm:DescribeInstances | false",
        "numeric_less_than_equal | 0 | cvm:RunInstances | true",
        "numeric_less_than_equal | 0 | cbs:DescribeDisks | false",
        "numeric_greater_than | 0 | tag:GetTags | true",
        "numeric_greater_than | 0 | tag:CreateTag | false",
        "numeric_greater_than_equal | 1 | vpc:DescribeVpcs | true",
        "numeric_greater_than_equal | 2 | vpc:DescribeVpcs | false"
    })
    void numericOperatorsOnReadOnlyAction(String operator, String value, String action, boolean expected) {
        assertThat(holds("{\"" + operator + "\":{\"qcs:read_only_action\":" + value + "}}", action, Map.of(), PLAIN))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "date_equal | 2030-01-01 00:00:00 | true",
        "date_equal | 2030-01-01T08:00:00+08:00 | true",
        "date_equal | 2030-01-01 | true",
        "date_not_equal | 2030-01-01T00:00:01Z | true",
        "date_not_equal | 2030-01-01T00:00:00Z | false",
        "date_less_than | 2030-01-02 | true",
        "date_less_than | 2030-01-01T00:00:00Z | false",
        "date_less_than_equal | 2030-01-01T00:00:00 | true",
        "date_less_than_equal | 2029-12-31 23:59:59 | false",
        "date_greater_than | 2029-12-31T23:59:59Z | true",
        "date_greater_than | 2030-01-01 00:00:00 | false",
        "date_greater_than_equal | 2030-01-01T00:00:00Z | true",
        "date_greater_than_equal | 2030-01-01T00:00:01Z | false"
    })
    void dateOperatorsOnTheServerClock(String operator, String value, boolean expected) {
        assertThat(holds("{\"" + operator + "\":{\"qcs:current_time\":\"" + value + "\"}}", PLAIN))
                .isEqualTo(expected);
    }

    @Test
    void mfaPresentAsQcsMfaAndAsTheGeneralPoliciesFlag() {
        Access.Facts withMfa = facts("ap-guangzhou", "10.1.2.3", true, NOW, Map.of());
        assertThat(holds("{\"bool_equal\":{\"qcs:mfa\":\"true\"}}", withMfa)).isTrue();
        assertThat(holds("{\"bool_equal\":{\"qcs:mfa\":true}}", PLAIN)).isFalse();
        assertThat(holds("{\"bool_equal\":{\"qcs:mfa\":\"false\"}}", PLAIN)).isTrue();
        assertThat(holds("{\"string_equal\":{\"mfa\":\"0\"}}", PLAIN)).isTrue();
        assertThat(holds("{\"string_equal\":{\"mfa\":\"0\"}}", withMfa)).isFalse();
        assertThat(holds("{\"bool_equal\":{\"mfa\":\"true\"}}", withMfa)).isTrue();
    }

    @Test
    void nullEqualTestsWhetherTheRequestHasTheKey() {
        Access.Facts noIp = facts("ap-guangzhou", null, false, NOW, Map.of());
        assertThat(holds("{\"null_equal\":{\"qcs:ip\":\"true\"}}", noIp)).isTrue();
        assertThat(holds("{\"null_equal\":{\"qcs:ip\":\"true\"}}", PLAIN)).isFalse();
        assertThat(holds("{\"null_equal\":{\"qcs:ip\":false}}", PLAIN)).isTrue();
        assertThat(holds("{\"null_equal\":{\"qcs:ip\":false}}", noIp)).isFalse();
        assertThat(holds("{\"null_equal\":{\"qcs:request_tag\":\"true\"}}", PLAIN)).isTrue();
    }

    @Test
    void anAbsentKeyFailsExceptWithIfExist() {
        Access.Facts nothing = facts(null, null, false, null, null);
        assertThat(holds("{\"ip_equal\":{\"qcs:ip\":\"0.0.0.0/0\"}}", nothing)).isFalse();
        assertThat(holds("{\"ip_equal_if_exist\":{\"qcs:ip\":\"10.0.0.0/8\"}}", nothing)).isTrue();
        assertThat(holds("{\"ip_equal_if_exist\":{\"qcs:ip\":\"192.168.0.0/16\"}}", PLAIN)).isFalse();
        assertThat(holds("{\"ip_not_equal\":{\"qcs:ip\":\"10.0.0.0/8\"}}", nothing)).isFalse();
        assertThat(holds("{\"date_less_than\":{\"qcs:current_time\":\"2100-01-01\"}}", nothing)).isFalse();
        assertThat(holds("{\"date_less_than_if_exist\":{\"qcs:current_time\":\"2000-01-01\"}}", nothing)).isTrue();
        assertThat(holds("{\"bool_equal\":{\"qcs:mfa\":\"false\"}}", null)).isFalse();
    }

    @Test
    void aKeyLocalcvmDoesNotKnowNeverHolds() {
        assertThat(holds("{\"string_equal\":{\"cvm:disk_type\":\"CLOUD_SSD\"}}", PLAIN)).isFalse();
        assertThat(holds("{\"string_equal_if_exist\":{\"cvm:disk_type\":\"CLOUD_SSD\"}}", PLAIN)).isFalse();
        assertThat(holds("{\"string_not_equal\":{\"qcs:Ip\":\"10.1.2.3\"}}", PLAIN)).isFalse();
        assertThat(holds("{\"null_equal\":{\"cvm:disk_type\":\"true\"}}", PLAIN)).isFalse();
        assertThat(holds("{\"binary_equal\":{\"cos:content_md5\":\"AAAA\"}}", PLAIN)).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "for_any_value:string_equal | team&dev | team=dev | true",
        "for_any_value:string_equal | team&dev | team=ops | false",
        "for_any_value:string_equal | team&dev | team=dev,env=prod | true",
        "for_any_value:string_equal | team&dev | '' | false",
        "for_any_value:string_equal_if_exist | team&dev | '' | true",
        "string_equal | team&dev | env=prod,team=dev | true",
        "string_not_equal | team&ops | team=dev | true",
        "string_not_equal | team&dev | team=dev | false",
        "for_any_value:string_like | team&* | team=qa | true",
        "for_any_value:string_like | team&* | owner=qa | false",
        "for_all_value:string_equal | team&dev | team=dev | true",
        "for_all_value:string_equal | team&dev | team=dev,env=prod | false",
        "for_all_value:string_equal | team&dev | '' | true",
        "for_all_value:string_not_equal | team&dev | env=prod,owner=x | true",
        "for_all_value:string_equal_ignore_case | TEAM&DEV | team=dev | true"
    })
    void resourceTags(String operator, String value, String tags, boolean expected) {
        String c = "{\"" + operator + "\":{\"qcs:resource_tag\":[\"" + value + "\"]}}";
        assertThat(holds(c, "cvm:RebootInstances", tags(tags), PLAIN)).isEqualTo(expected);
        String alias = "{\"" + operator + "\":{\"qcs:tag\":[\"" + value + "\"]}}";
        assertThat(holds(alias, "cvm:RebootInstances", tags(tags), PLAIN)).isEqualTo(expected);
    }

    @Test
    void requestTagsAreTheTagsTheRequestSets() {
        String c = "{\"for_any_value:string_equal\":{\"qcs:request_tag\":[\"team&dev\",\"team&qa\"]}}";
        assertThat(holds(c, facts("ap-guangzhou", "10.1.2.3", false, NOW, tags("team=qa")))).isTrue();
        assertThat(holds(c, facts("ap-guangzhou", "10.1.2.3", false, NOW, tags("team=ops")))).isFalse();
        assertThat(holds(c, PLAIN)).isFalse();
        String all = "{\"for_all_value:string_equal\":{\"qcs:request_tag\":[\"team&dev\",\"env&prod\"]}}";
        assertThat(holds(all, facts("ap-guangzhou", "10.1.2.3", false, NOW, tags("team=dev,env=prod")))).isTrue();
        assertThat(holds(all, facts("ap-guangzhou", "10.1.2.3", false, NOW, tags("team=dev,env=test")))).isFalse();
    }

    @Test
    void everyClauseHasToHold() {
        String both = "{\"ip_equal\":{\"qcs:ip\":\"10.0.0.0/8\"},\"string_equal\":{\"cvm:region\":\"ap-guangzhou\","
                + "\"qcs:mfa\":\"true\"}}";
        assertThat(holds(both, facts("ap-guangzhou", "10.1.2.3", true, NOW, Map.of()))).isTrue();
        assertThat(holds(both, PLAIN)).isFalse();
        assertThat(holds(both, facts("ap-shanghai", "10.1.2.3", true, NOW, Map.of()))).isFalse();
    }

    @Test
    void exceptCamFinanceLeavesCamOut() {
        String c = "{\"numeric_equal\":{\"qcs:except_cam_finance\":1}}";
        assertThat(holds(c, "cvm:RunInstances", Map.of(), PLAIN)).isTrue();
        assertThat(holds(c, "cam:AttachUserPolicy", Map.of(), PLAIN)).isFalse();
    }

    private static Map<String, String> tags(String spec) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (!spec.isEmpty()) {
            for (String kv : spec.split(",")) {
                String[] p = kv.split("=", 2);
                out.put(p[0], p[1]);
            }
        }
        return out;
    }
}
