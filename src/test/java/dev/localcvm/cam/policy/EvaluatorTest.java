package dev.localcvm.cam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {
    static final String OWNER = "100000000001";
    static final Access.Facts FACTS = new Access.Facts("ap-guangzhou", "10.0.0.1", false,
            Instant.parse("2030-01-01T00:00:00Z"), Map.of());

    static String instance(String id) {
        return "qcs::cvm:ap-guangzhou:uin/" + OWNER + ":instance/" + id;
    }

    static Access access(String action, String... resources) {
        List<Access.Resource> rs = new ArrayList<>();
        for (String r : resources) {
            rs.add(new Access.Resource(r, Map.of()));
        }
        return new Access(action, rs, FACTS);
    }

    static PolicyDocument doc(String statements) {
        return PolicyDocument.parse("{\"version\":\"2.0\",\"statement\":[" + statements + "]}");
    }

    static String allow(String action, String resource) {
        return "{\"effect\":\"allow\",\"action\":\"" + action + "\",\"resource\":\"" + resource + "\"}";
    }

    static String deny(String action, String resource) {
        return "{\"effect\":\"deny\",\"action\":\"" + action + "\",\"resource\":\"" + resource + "\"}";
    }

    @Test
    void noStatementRefusesWithoutExplicitDeny() {
        Decision d = Evaluator.decide(List.of(), List.of(), access("cvm:DescribeInstances", "*"));
        assertThat(d).isEqualTo(new Decision(false, "*", false));
    }

    @Test
    void anAllowPermits() {
        Decision d = Evaluator.decide(List.of(doc(allow("cvm:*", "*"))), List.of(),
                access("cvm:TerminateInstances", instance("ins-1")));
        assertThat(d).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void denyWinsOverAllowEvenInAnotherPolicy() {
        Decision d = Evaluator.decide(List.of(doc(allow("*", "*")), doc(deny("cvm:Terminate*", instance("ins-2")))),
                List.of(), access("cvm:TerminateInstances", instance("ins-1"), instance("ins-2")));
        assertThat(d).isEqualTo(new Decision(false, instance("ins-2"), true));
    }

    @ParameterizedTest
    @CsvSource({
        "cvm:Describe*, cvm:DescribeInstances, true",
        "cvm:Describe*, cvm:TerminateInstances, false",
        "name/cvm:Describe*, cvm:DescribeInstances, true",
        "cvm:*, cvm:RunInstances, true",
        "cvm:*, vpc:DescribeVpcs, false",
        "*, tag:GetTags, true",
        "CVM:Describe*, cvm:DescribeInstances, true",
        "cvm:describe*, cvm:DescribeInstances, false",
        "vpc:*Address*, vpc:AllocateAddresses, true",
        "*:Describe*, cbs:DescribeDisks, true"
    })
    void actionWildcards(String pattern, String action, boolean allowed) {
        Decision d = Evaluator.decide(List.of(doc(allow(pattern, "*"))), List.of(), access(action, "*"));
        assertThat(d.allowed()).isEqualTo(allowed);
    }
}
