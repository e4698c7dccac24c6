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

    @ParameterizedTest
    @CsvSource({
        "*, ins-1, true",
        "qcs::cvm:ap-guangzhou:uin/100000000001:instance/ins-1, ins-1, true",
        "qcs::cvm:ap-guangzhou:uin/100000000001:instance/ins-1, ins-10, false",
        "qcs::cvm:ap-guangzhou:uin/100000000001:instance/*, ins-abc, true",
        "qcs::cvm:ap-guangzhou:uin/100000000001:instance/ins-*, ins-abc, true",
        "qcs::cvm:ap-guangzhou:uin/100000000001:volume/*, ins-abc, false",
        "qcs::cvm:ap-guangzhou:uin/100000000002:instance/*, ins-abc, false",
        "qcs::cvm:ap-shanghai:uin/100000000001:instance/*, ins-abc, false",
        "qcs::cvm:gz:uin/100000000001:instance/*, ins-abc, true",
        "qcs::cvm:sh:uin/100000000001:instance/*, ins-abc, false",
        "qcs::cvm:::instance/*, ins-abc, true",
        "qcs:::::instance/ins-abc, ins-abc, true",
        "qcs::vpc:::instance/*, ins-abc, false",
        "qcs::cvm:ap-*:uin/*:*, ins-abc, true",
        "qcs::cvm:*:uin/1000*:instance/*c, ins-abc, true",
        "qcs::cvm:*:uin/1000*:instance/*d, ins-abc, false"
    })
    void resourcePatterns(String pattern, String id, boolean allowed) {
        Decision d = Evaluator.decide(List.of(doc(allow("cvm:TerminateInstances", pattern))), List.of(),
                access("cvm:TerminateInstances", instance(id)));
        assertThat(d.allowed()).isEqualTo(allowed);
    }

    @Test
    void onlyTheStarPatternCoversAnActionAuthorizedOnStar() {
        assertThat(Evaluator.decide(List.of(doc(allow("cvm:DescribeInstances", "*"))), List.of(),
                access("cvm:DescribeInstances", "*")).allowed()).isTrue();
        assertThat(Evaluator.decide(List.of(doc(allow("cvm:DescribeInstances", "qcs::cvm:::instance/*"))), List.of(),
                access("cvm:DescribeInstances", "*")))
                .isEqualTo(new Decision(false, "*", false));
        assertThat(Evaluator.decide(List.of(doc(allow("cvm:*", "*")), doc(deny("cvm:*", "qcs::cvm:::instance/*"))),
                List.of(), access("cvm:DescribeInstances", "*")).allowed()).isTrue();
        assertThat(Evaluator.decide(List.of(doc(allow("cvm:*", "qcs:::::*"))), List.of(),
                access("cvm:DescribeInstances", "*")).allowed()).isFalse();
    }

    @Test
    void aResourceNameNotInTheSixSegmentFormIsCoveredOnlyByStar() {
        assertThat(Evaluator.decide(List.of(doc(allow("cvm:*", "qcs::cvm:::instance/*"))), List.of(),
                access("cvm:TerminateInstances", "ins-1")).allowed()).isFalse();
        assertThat(Evaluator.decide(List.of(doc(allow("cvm:*", "*"))), List.of(),
                access("cvm:TerminateInstances", "ins-1")).allowed()).isTrue();
    }

    @Test
    void anAccessWithoutResourcesIsJudgedOnStar() {
        Access none = new Access("cvm:DescribeInstances", List.of(), FACTS);
        assertThat(Evaluator.decide(List.of(doc(allow("cvm:*", "*"))), List.of(), none)).isEqualTo(Decision.ALLOWED);
        assertThat(Evaluator.decide(List.of(), List.of(), none)).isEqualTo(new Decision(false, "*", false));
    }

    @Test
    void aLimitNarrowsButNeverWidens() {
        PolicyDocument role = doc(allow("cvm:*", "*"));
        PolicyDocument session = doc(allow("cvm:Describe*", "*"));
        assertThat(Evaluator.decide(List.of(role), List.of(session), access("cvm:DescribeInstances", "*")).allowed())
                .isTrue();
        assertThat(Evaluator.decide(List.of(role), List.of(session), access("cvm:TerminateInstances", instance("i"))))
                .isEqualTo(new Decision(false, instance("i"), false));
        PolicyDocument wide = doc(allow("*", "*"));
        assertThat(Evaluator.decide(List.of(doc(allow("cvm:Describe*", "*"))), List.of(wide),
                access("vpc:DescribeVpcs", "*")).allowed()).isFalse();
        assertThat(Evaluator.decide(List.of(role), List.of(session, doc(allow("cvm:DescribeImages", "*"))),
                access("cvm:DescribeInstances", "*")).allowed()).isFalse();
    }

    @Test
    void aDenyInALimitIsAnExplicitDeny() {
        Decision d = Evaluator.decide(List.of(doc(allow("*", "*"))),
                List.of(doc(allow("*", "*") + "," + deny("cvm:TerminateInstances", instance("ins-9")))),
                access("cvm:TerminateInstances", instance("ins-9")));
        assertThat(d).isEqualTo(new Decision(false, instance("ins-9"), true));
    }

    @Test
    void aBatchIsRefusedAtItsFirstRefusedResource() {
        String[] ids = new String[20];
        for (int i = 0; i < 20; i++) {
            ids[i] = instance(String.format("ins-%08d", i));
        }
        PolicyDocument grant = doc(allow("cvm:TerminateInstances", "qcs::cvm:ap-guangzhou:uin/" + OWNER
                + ":instance/*") + "," + deny("cvm:TerminateInstances", ids[17]) + ","
                + deny("cvm:TerminateInstances", ids[19]));
        PolicyDocument narrowing = doc(allow("cvm:TerminateInstances", "qcs::cvm:ap-guangzhou:uin/" + OWNER
                + ":instance/ins-0000000*") + "," + allow("cvm:TerminateInstances", ids[10]) + ","
                + allow("cvm:TerminateInstances", ids[11]) + "," + allow("cvm:TerminateInstances", ids[13]));
        assertThat(Evaluator.decide(List.of(grant), List.of(), access("cvm:TerminateInstances", ids)))
                .isEqualTo(new Decision(false, ids[17], true));
        assertThat(Evaluator.decide(List.of(grant), List.of(narrowing), access("cvm:TerminateInstances", ids)))
                .isEqualTo(new Decision(false, ids[12], false));
        assertThat(Evaluator.decide(List.of(grant), List.of(), access("cvm:TerminateInstances",
                java.util.Arrays.copyOf(ids, 17)))).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void resourceTagConditionsAreJudgedPerResource() {
        PolicyDocument tagged = doc("{\"effect\":\"allow\",\"action\":\"cvm:TerminateInstances\",\"resource\":\"*\","
                + "\"condition\":{\"for_any_value:string_equal\":{\"qcs:resource_tag\":[\"reaper&yes\"]}}}");
        Access batch = new Access("cvm:TerminateInstances", List.of(
                new Access.Resource(instance("ins-a"), Map.of("reaper", "yes")),
                new Access.Resource(instance("ins-b"), Map.of("reaper", "no")),
                new Access.Resource(instance("ins-c"), Map.of())), FACTS);
        assertThat(Evaluator.decide(List.of(tagged), List.of(), batch))
                .isEqualTo(new Decision(false, instance("ins-b"), false));
        assertThat(tagged.mentions("qcs:resource_tag")).isTrue();
        assertThat(tagged.mentions("qcs:ip")).isFalse();
    }

    @Test
    void mentionsKnowsTheSpellingsOfOneFact() {
        PolicyDocument d = doc("{\"effect\":\"deny\",\"action\":\"*\",\"resource\":\"*\",\"condition\":{"
                + "\"for_any_value:string_equal\":{\"qcs:tag\":\"a&b\"},\"string_equal\":{\"vpc:region\":\"gz\","
                + "\"cvm:disk_type\":\"CLOUD_SSD\"}}}");
        assertThat(d.mentions("qcs:resource_tag")).isTrue();
        assertThat(d.mentions("qcs:tag")).isTrue();
        assertThat(d.mentions("cvm:region")).isTrue();
        assertThat(d.mentions("cvm:disk_type")).isTrue();
        assertThat(d.mentions("cvm:instance_type")).isFalse();
        assertThat(d.mentions("qcs:request_tag")).isFalse();
    }
}
