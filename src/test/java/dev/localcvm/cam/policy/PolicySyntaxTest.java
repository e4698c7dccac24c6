package dev.localcvm.cam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal of a malformed document: CAM's code, and a message that starts with where the document is wrong. */
class PolicySyntaxTest {
    private static final String OK = "{\"effect\":\"allow\",\"action\":\"cvm:*\",\"resource\":\"*\"}";

    private static String doc(String statement) {
        return "{\"version\":\"2.0\",\"statement\":[" + OK + "," + statement + "]}";
    }

    private static String condition(String condition) {
        return doc("{\"effect\":\"allow\",\"action\":\"cvm:*\",\"resource\":\"*\",\"condition\":" + condition + "}");
    }

    private static String resource(String resource) {
        return doc("{\"effect\":\"allow\",\"action\":\"cvm:*\",\"resource\":[\"*\",\"" + resource + "\"]}");
    }

    private static String principal(String principal) {
        return "{\"version\":\"2.0\",\"statement\":{\"effect\":\"allow\",\"action\":\"name/sts:AssumeRole\","
                + "\"principal\":" + principal + "}}";
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("", ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_ERROR, "PolicyDocument: is empty"),
                Arguments.of("{\"version\":", ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_ERROR,
                        "PolicyDocument: is not JSON at line 1"),
                Arguments.of("version: 2.0", ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_ERROR,
                        "PolicyDocument: is not JSON"),
                Arguments.of(doc(OK) + " {}", ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_ERROR,
                        "PolicyDocument: is not JSON: more follows the document at line 1"),
                Arguments.of("{\"version\":\"2.0\",\"version\":\"2.0\",\"statement\":" + OK + "}",
                        ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_ERROR,
                        "PolicyDocument: is not JSON at line 1, column 27 (Duplicate field 'version')"),
                Arguments.of("[" + OK + "]", ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_ERROR,
                        "PolicyDocument: must be a JSON object"),
                Arguments.of("\"2.0\"", ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_ERROR,
                        "PolicyDocument: must be a JSON object"),
                Arguments.of("{\"Version\":\"2.0\",\"statement\":" + OK + "}",
                        ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_ERROR, "Version: is not an element of a policy"),
                Arguments.of("{\"statement\":" + OK + "}", ErrorCode.INVALID_PARAMETER_VERSION_ERROR,
                        "version: is missing"),
                Arguments.of("{\"version\":\"1.0\",\"statement\":" + OK + "}", ErrorCode.INVALID_PARAMETER_VERSION_ERROR,
                        "version: `1.0` is not supported"),
                Arguments.of("{\"version\":2.0,\"statement\":" + OK + "}", ErrorCode.INVALID_PARAMETER_VERSION_ERROR,
                        "version: `2.0` is not a string"),
                Arguments.of("{\"version\":\"2.0\"}", ErrorCode.INVALID_PARAMETER_STATEMENT_ERROR,
                        "statement: is missing"),
                Arguments.of("{\"version\":\"2.0\",\"statement\":[]}", ErrorCode.INVALID_PARAMETER_STATEMENT_ERROR,
                        "statement: must be an object or a non-empty array"),
                Arguments.of("{\"version\":\"2.0\",\"statement\":\"allow\"}", ErrorCode.INVALID_PARAMETER_STATEMENT_ERROR,
                        "statement: must be an object or a non-empty array"),
                Arguments.of(doc("[]"), ErrorCode.INVALID_PARAMETER_STATEMENT_ERROR, "statement[1]: must be an object"),
                Arguments.of(doc("{\"Effect\":\"allow\",\"action\":\"cvm:*\",\"resource\":\"*\"}"),
                        ErrorCode.INVALID_PARAMETER_STATEMENT_ERROR, "statement[1].Effect: is not an element"),
                Arguments.of(doc("{\"sid\":\"1\",\"effect\":\"allow\",\"action\":\"cvm:*\",\"resource\":\"*\"}"),
                        ErrorCode.INVALID_PARAMETER_STATEMENT_ERROR, "statement[1].sid: is not an element"),
                Arguments.of(doc("{\"action\":\"cvm:*\",\"resource\":\"*\"}"), ErrorCode.INVALID_PARAMETER_EFFECT_ERROR,
                        "statement[1].effect: is missing"),
                Arguments.of(doc("{\"effect\":\"Allow\",\"action\":\"cvm:*\",\"resource\":\"*\"}"),
                        ErrorCode.INVALID_PARAMETER_EFFECT_ERROR, "statement[1].effect: `Allow` is neither allow nor deny"),
                Arguments.of(doc("{\"effect\":true,\"action\":\"cvm:*\",\"resource\":\"*\"}"),
                        ErrorCode.INVALID_PARAMETER_EFFECT_ERROR, "statement[1].effect: `true` is neither"),
                Arguments.of(doc("{\"effect\":\"allow\",\"resource\":\"*\"}"), ErrorCode.INVALID_PARAMETER_ACTION_ERROR,
                        "statement[1].action: is missing"),
                Arguments.of(doc("{\"effect\":\"allow\",\"action\":[],\"resource\":\"*\"}"),
                        ErrorCode.INVALID_PARAMETER_ACTION_ERROR, "statement[1].action: must be a string or a non-empty"),
                Arguments.of(doc("{\"effect\":\"allow\",\"action\":[\"cvm:*\",7],\"resource\":\"*\"}"),
                        ErrorCode.INVALID_PARAMETER_ACTION_ERROR, "statement[1].action[1]: `7` is not a string"),
                Arguments.of(doc("{\"effect\":\"allow\",\"action\":[\"cvm:Terminate Instances\"],\"resource\":\"*\"}"),
                        ErrorCode.INVALID_PARAMETER_ACTION_ERROR,
                        "statement[1].action[0]: `cvm:Terminate Instances` is not an action"),
                Arguments.of(doc("{\"effect\":\"allow\",\"action\":\"TerminateInstances\",\"resource\":\"*\"}"),
                        ErrorCode.INVALID_PARAMETER_ACTION_ERROR, "statement[1].action: `TerminateInstances` is not an action"),
                Arguments.of(doc("{\"effect\":\"allow\",\"action\":\"cvm:a:b\",\"resource\":\"*\"}"),
                        ErrorCode.INVALID_PARAMETER_ACTION_ERROR, "statement[1].action: `cvm:a:b` is not an action"),
                Arguments.of(doc("{\"effect\":\"allow\",\"action\":\"c/vm:Run\",\"resource\":\"*\"}"),
                        ErrorCode.INVALID_PARAMETER_ACTION_ERROR, "statement[1].action: `c/vm:Run` is not an action"),
                Arguments.of(doc("{\"effect\":\"allow\",\"action\":\"permid/123\",\"resource\":\"*\"}"),
                        ErrorCode.INVALID_PARAMETER_ACTION_ERROR, "statement[1].action: `permid/123` names a feature set"),
                Arguments.of(doc("{\"effect\":\"allow\",\"action\":\"cvm:*\"}"), ErrorCode.INVALID_PARAMETER_RESOURCE_ERROR,
                        "statement[1].resource: is missing"),
                Arguments.of(doc("{\"effect\":\"allow\",\"action\":\"cvm:*\",\"resource\":{}}"),
                        ErrorCode.INVALID_PARAMETER_RESOURCE_ERROR, "statement[1].resource: must be a string"),
                Arguments.of(resource("qcs::cvm:ap-guangzhou"), ErrorCode.INVALID_PARAMETER_RESOURCE_ERROR,
                        "statement[1].resource[1]: `qcs::cvm:ap-guangzhou` is neither `*` nor the six segments"),
                Arguments.of(resource("qcs::CVM:ap-guangzhou::instance/*"), ErrorCode.INVALID_PARAMETER_RESOURCE_ERROR,
                        "statement[1].resource[1]: `qcs::CVM:ap-guangzhou::instance/*`: the service_type `CVM`"),
                Arguments.of(resource("arn::cvm:ap-guangzhou::instance/*"), ErrorCode.INVALID_PARAMETER_RESOURCE_QCS_ERROR,
                        "statement[1].resource[1]: `arn::cvm:ap-guangzhou::instance/*` must start with `qcs:`"),
                Arguments.of(resource("qcs:0:cvm:ap-guangzhou::instance/*"),
                        ErrorCode.INVALID_PARAMETER_RESOURCE_PROJECT_ERROR, "statement[1].resource[1]: `qcs:0:cvm"),
                Arguments.of(resource("qcs::cvm:Guang Zhou::instance/*"), ErrorCode.INVALID_PARAMETER_RESOURCE_REGION_ERROR,
                        "statement[1].resource[1]: `qcs::cvm:Guang Zhou::instance/*`: `Guang Zhou` is not a region"),
                Arguments.of(resource("qcs::cvm:ap-guangzhou:100000000001:instance/*"),
                        ErrorCode.INVALID_PARAMETER_RESOURCE_UIN_ERROR, "statement[1].resource[1]: "),
                Arguments.of(resource("qcs::cvm:ap-guangzhou:uin/abc:instance/*"),
                        ErrorCode.INVALID_PARAMETER_RESOURCE_UIN_ERROR, "the account segment `uin/abc`"),
                Arguments.of(resource("qcs::cvm:ap-guangzhou:uin/1:"), ErrorCode.INVALID_PARAMETER_RESOURCE_CONTENT_ERROR,
                        "statement[1].resource[1]: `qcs::cvm:ap-guangzhou:uin/1:`: the resource segment"),
                Arguments.of(resource("qcs::cvm:ap-guangzhou:uin/1:instance/ins 1"),
                        ErrorCode.INVALID_PARAMETER_RESOURCE_CONTENT_ERROR, "the resource segment must be non-empty"),
                Arguments.of(condition("[]"), ErrorCode.INVALID_PARAMETER_CONDITION_ERROR,
                        "statement[1].condition: must be an object of operators"),
                Arguments.of(condition("{\"string_equal\":{}}"), ErrorCode.INVALID_PARAMETER_CONDITION_ERROR,
                        "statement[1].condition.string_equal: must be an object of condition keys"),
                Arguments.of(condition("{\"string_equal\":{\"cvm:region\":[]}}"), ErrorCode.INVALID_PARAMETER_CONDITION_ERROR,
                        "statement[1].condition.string_equal.cvm:region: names no value"),
                Arguments.of(condition("{\"string_equal\":{\"cvm:region\":[\"ap-guangzhou\",{}]}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_ERROR,
                        "statement[1].condition.string_equal.cvm:region[1]: a condition value is a string"),
                Arguments.of(condition("{\"string_equal\":{\"my key\":\"x\"}}"), ErrorCode.INVALID_PARAMETER_CONDITION_ERROR,
                        "statement[1].condition.string_equal.my key: a condition key"),
                Arguments.of(condition("{\"string_equals\":{\"cvm:region\":\"x\"}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_TYPE_ERROR,
                        "statement[1].condition.string_equals: `string_equals` is not a condition operator"),
                Arguments.of(condition("{\"for_some_value:string_equal\":{\"cvm:region\":\"x\"}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_TYPE_ERROR, "is not a condition operator"),
                Arguments.of(condition("{\"null_equal_if_exist\":{\"qcs:ip\":\"true\"}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_TYPE_ERROR,
                        "statement[1].condition.null_equal_if_exist: null_equal takes neither"),
                Arguments.of(condition("{\"ip_equal\":{\"qcs:current_time\":\"10.0.0.1\"}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_TYPE_ERROR,
                        "statement[1].condition.ip_equal.qcs:current_time: "
                                + "`ip_equal` does not apply to `qcs:current_time`, which takes date_*"),
                Arguments.of(condition("{\"ip_equal\":{\"qcs:ip\":[\"10.0.0.0/8\",\"10.0.0.300\"]}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_CONTENT_ERROR,
                        "statement[1].condition.ip_equal.qcs:ip[1]: `10.0.0.300` is not an IPv4 or IPv6 address"),
                Arguments.of(condition("{\"ip_equal\":{\"qcs:ip\":\"10.01.0.0/16\"}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_CONTENT_ERROR, "`10.01.0.0/16` is not an IPv4 or IPv6"),
                Arguments.of(condition("{\"ip_equal\":{\"qcs:ip\":\"fe80::1%eth0\"}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_CONTENT_ERROR, "`fe80::1%eth0` is not an IPv4 or IPv6"),
                Arguments.of(condition("{\"ip_equal\":{\"qcs:ip\":\"2001:db8:::1\"}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_CONTENT_ERROR, "`2001:db8:::1` is not an IPv4 or IPv6"),
                Arguments.of(condition("{\"binary_equal\":{\"cos:content_md5\":\"not base64!\"}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_CONTENT_ERROR, "`not base64!` is not base64"),
                Arguments.of(condition("{\"ip_equal\":{\"qcs:ip\":\"localhost\"}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_CONTENT_ERROR, "`localhost` is not an IPv4 or IPv6"),
                Arguments.of(condition("{\"ip_not_equal\":{\"qcs:ip\":\"2001:db8::/129\"}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_CONTENT_ERROR, "`2001:db8::/129` has a prefix length"),
                Arguments.of(condition("{\"date_less_than\":{\"qcs:current_time\":\"tomorrow\"}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_CONTENT_ERROR, "`tomorrow` is not a time"),
                Arguments.of(condition("{\"numeric_equal\":{\"qcs:read_only_action\":\"one\"}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_CONTENT_ERROR, "`one` is not a number"),
                Arguments.of(condition("{\"bool_equal\":{\"qcs:mfa\":\"yes\"}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_CONTENT_ERROR, "`yes` is not `true` or `false`"),
                Arguments.of(condition("{\"for_any_value:string_equal\":{\"qcs:resource_tag\":\"team\"}}"),
                        ErrorCode.INVALID_PARAMETER_CONDITION_CONTENT_ERROR, "`team` is not a tag: write key&value"),
                Arguments.of(principal("\"qcs::cam::uin/1:root\""), ErrorCode.INVALID_PARAMETER_PRINCIPAL_ERROR,
                        "statement.principal: must be an object"),
                Arguments.of(principal("{\"aws\":[\"x\"]}"), ErrorCode.INVALID_PARAMETER_PRINCIPAL_ERROR,
                        "statement.principal.aws: a principal lists"),
                Arguments.of(principal("{\"qcs\":[]}"), ErrorCode.INVALID_PARAMETER_PRINCIPAL_ERROR,
                        "statement.principal.qcs: must be a string or a non-empty array"),
                Arguments.of(principal("{\"service\":[\"CVM Service\"]}"), ErrorCode.INVALID_PARAMETER_PRINCIPAL_ERROR,
                        "statement.principal.service: `CVM Service` is not a service"),
                Arguments.of(principal("{\"qcs\":[\"uin/100000000001\"]}"), ErrorCode.INVALID_PARAMETER_PRINCIPAL_QCS_ERROR,
                        "statement.principal.qcs: `uin/100000000001` is not a CAM identity"),
                Arguments.of(principal("{\"qcs\":[\"qcs::cam::uin/1:friend\"]}"),
                        ErrorCode.INVALID_PARAMETER_PRINCIPAL_QCS_ERROR, "is not a CAM identity"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesWithTheCodeAndWhere(String text, ErrorCode code, String messageStart) {
        assertThatThrownBy(() -> PolicyDocument.parse(text))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(messageStart);
                });
    }

    @Test
    void everyPolicyDocumentCodeIsExercised() {
        Set<ErrorCode> used = refusals().map(a -> (ErrorCode) a.get()[1]).collect(Collectors.toSet());
        Set<ErrorCode> section = EnumSet.of(ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_ERROR,
                ErrorCode.INVALID_PARAMETER_VERSION_ERROR, ErrorCode.INVALID_PARAMETER_STATEMENT_ERROR,
                ErrorCode.INVALID_PARAMETER_EFFECT_ERROR, ErrorCode.INVALID_PARAMETER_ACTION_ERROR,
                ErrorCode.INVALID_PARAMETER_RESOURCE_ERROR, ErrorCode.INVALID_PARAMETER_RESOURCE_QCS_ERROR,
                ErrorCode.INVALID_PARAMETER_RESOURCE_PROJECT_ERROR, ErrorCode.INVALID_PARAMETER_RESOURCE_REGION_ERROR,
                ErrorCode.INVALID_PARAMETER_RESOURCE_UIN_ERROR, ErrorCode.INVALID_PARAMETER_RESOURCE_CONTENT_ERROR,
                ErrorCode.INVALID_PARAMETER_CONDITION_ERROR, ErrorCode.INVALID_PARAMETER_CONDITION_TYPE_ERROR,
                ErrorCode.INVALID_PARAMETER_CONDITION_CONTENT_ERROR, ErrorCode.INVALID_PARAMETER_PRINCIPAL_ERROR,
                ErrorCode.INVALID_PARAMETER_PRINCIPAL_QCS_ERROR);
        assertThat(used).containsAll(section);
    }

    @Test
    void refusesADocumentLongerThanCamsLimitAndCountsCharactersNotBytes() {
        String head = "{\"version\":\"2.0\",\"statement\":{\"effect\":\"allow\",\"action\":\"cvm:*\",\"resource\":\"*\","
                + "\"condition\":{\"string_equal\":{\"cvm:region\":\"";
        String tail = "\"}}}}";
        String exact = head + "区".repeat(PolicyDocument.MAX_LENGTH - head.length() - tail.length()) + tail;
        assertThat(exact.length()).isEqualTo(6144);
        assertThat(PolicyDocument.parse(exact)).isNotNull();
        String over = head + "区".repeat(PolicyDocument.MAX_LENGTH - head.length() - tail.length() + 1) + tail;
        assertThatThrownBy(() -> PolicyDocument.parse(over))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_LENGTH_OVER_LIMIT);
                    assertThat(e.getMessage()).isEqualTo(
                            "PolicyDocument: is 6145 characters long; a policy holds at most 6144");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"version\":\"2.0\",\"statement\":{\"effect\":\"deny\",\"action\":\"name/cvm:TerminateInstances\","
                + "\"resource\":\"qcs::cvm:ap-guangzhou:uin/100000000001:instance/ins-1\"}}",
        "{\"statement\":[{\"resource\":[\"*\"],\"action\":[\"cvm:Describe*\",\"vpc:*\"],\"effect\":\"allow\"}],"
                + "\"version\":\"2.0\"}",
        "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":\"*\",\"resource\":\"qcs::cvm:::instance/*\","
                + "\"condition\":{\"for_any_value:string_equal\":{\"qcs:resource_tag\":[\"team&dev\"]},"
                + "\"ip_equal\":{\"qcs:ip\":[\"10.0.0.0/8\",\"2001:db8::/32\"]},"
                + "\"date_less_than\":{\"qcs:current_time\":\"2030-01-01 00:00:00\"},"
                + "\"numeric_equal\":{\"qcs:read_only_action\":1},\"bool_equal\":{\"qcs:mfa\":true},"
                + "\"string_equal_if_exist\":{\"vpc:region\":\"sh\"},\"null_equal\":{\"qcs:request_tag\":\"true\"},"
                + "\"string_equal\":{\"cos:secure-transport\":\"true\"}}}]}",
        "{\"version\":\"2.0\",\"statement\":[{\"action\":\"name/sts:AssumeRole\",\"effect\":\"allow\","
                + "\"principal\":{\"service\":[\"cloudaudit.cloud.tencent.com\",\"cls.cloud.tencent.com\"]}}]}",
        "{\"version\":\"2.0\",\"principal\":{\"qcs\":\"qcs::cam::uin/100000000001:uin/100000000011\"},"
                + "\"statement\":[{\"action\":\"sts:AssumeRole\",\"effect\":\"allow\"}]}",
        "{\"version\":\"2.0\",\"statement\":{\"effect\":\"allow\",\"action\":\"cvm:*\","
                + "\"resource\":\"qcs::cvm:gz:uin/*:instance/ins-*\"}}"
    })
    void acceptsDocumentedForms(String text) {
        assertThat(PolicyDocument.parse(text)).isNotNull();
    }

    @Test
    void reportsWhetherADocumentNamesAPrincipal() {
        assertThat(PolicyDocument.parse(principal("{\"qcs\":\"qcs::cam::uin/1:root\"}")).hasPrincipal()).isTrue();
        assertThat(PolicyDocument.parse(doc(OK)).hasPrincipal()).isFalse();
    }
}
