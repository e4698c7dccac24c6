package dev.localcvm.cam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Property-style checks with seeded randomness: wildcards against a regular-expression oracle, decisions against a model. */
class PolicyPropertyTest {
    private static String randomText(SplittableRandom r, String alphabet, int max) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static Pattern oracle(String glob, boolean questionMark) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            re.append(c == '*' ? ".*" : questionMark && c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20240601})
    void globsMatchAsTheirRegularExpressions(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 2000; i++) {
            String pattern = randomText(r, "ab*?", 7);
            String text = randomText(r, "ab?*", 9);
            assertThat(Glob.star(pattern).matches(text)).as("star %s ~ %s", pattern, text)
                    .isEqualTo(oracle(pattern, false).matcher(text).matches());
            assertThat(Glob.like(pattern).matches(text)).as("like %s ~ %s", pattern, text)
                    .isEqualTo(oracle(pattern, true).matcher(text).matches());
        }
    }

    private record Rule(boolean allow, String action, int resource) {
    }

    private static final String[] ACTIONS = {"cvm:TerminateInstances", "cvm:DescribeInstances", "vpc:CreateVpc"};
    private static final String[] ACTION_PATTERNS = {"*", "cvm:*", "cvm:Terminate*", "cvm:Describe*", "vpc:*",
        "*:Create*", "cvm:TerminateInstances"};

    private static String resourceName(int i) {
        return "qcs::cvm:ap-guangzhou:uin/100000000001:instance/ins-" + i;
    }

    /** -1 stands for the pattern `*`. */
    private static String resourcePattern(int i) {
        return i < 0 ? "*" : resourceName(i);
    }

    private static boolean covers(Rule rule, String action, int resource) {
        return oracle(rule.action(), false).matcher(action).matches() && (rule.resource() < 0 || rule.resource() == resource);
    }

    private static PolicyDocument document(List<Rule> rules) {
        List<String> statements = new ArrayList<>();
        for (Rule rule : rules) {
            statements.add("{\"effect\":\"" + (rule.allow() ? "allow" : "deny") + "\",\"action\":\"" + rule.action()
                    + "\",\"resource\":\"" + resourcePattern(rule.resource()) + "\"}");
        }
        return PolicyDocument.parse("{\"version\":\"2.0\",\"statement\":[" + String.join(",", statements) + "]}");
    }

    private static List<Rule> rules(SplittableRandom r) {
        List<Rule> out = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.add(new Rule(r.nextInt(4) != 0, ACTION_PATTERNS[r.nextInt(ACTION_PATTERNS.length)], r.nextInt(6) - 1));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 99, 12345})
    void decisionsFollowDenyThenAllowThenEveryLimit(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int round = 0; round < 400; round++) {
            List<List<Rule>> grants = new ArrayList<>();
            for (int i = r.nextInt(3); i > 0; i--) {
                grants.add(rules(r));
            }
            List<List<Rule>> limits = new ArrayList<>();
            for (int i = r.nextInt(3); i > 0; i--) {
                limits.add(rules(r));
            }
            String action = ACTIONS[r.nextInt(ACTIONS.length)];
            List<Access.Resource> resources = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            for (int i = 1 + r.nextInt(5); i > 0; i--) {
                int id = r.nextInt(5);
                ids.add(id);
                resources.add(new Access.Resource(resourceName(id), Map.of()));
            }
            Decision expected = Decision.ALLOWED;
            for (int id : ids) {
                boolean denied = false;
                boolean granted = false;
                for (List<Rule> doc : concat(grants, limits)) {
                    for (Rule rule : doc) {
                        denied |= !rule.allow() && covers(rule, action, id);
                    }
                }
                for (List<Rule> doc : grants) {
                    for (Rule rule : doc) {
                        granted |= rule.allow() && covers(rule, action, id);
                    }
                }
                boolean limitsAllow = limits.stream().allMatch(doc -> doc.stream()
                        .anyMatch(rule -> rule.allow() && covers(rule, action, id)));
                if (denied || !granted || !limitsAllow) {
                    expected = new Decision(false, resourceName(id), denied);
                    break;
                }
            }
            Decision actual = Evaluator.decide(grants.stream().map(PolicyPropertyTest::document).toList(),
                    limits.stream().map(PolicyPropertyTest::document).toList(),
                    new Access(action, resources, new Access.Facts(null, null, false, Instant.EPOCH, Map.of())));
            assertThat(actual).as("round %d: %s %s %s %s", round, grants, limits, action, ids).isEqualTo(expected);
        }
    }

    private static List<List<Rule>> concat(List<List<Rule>> a, List<List<Rule>> b) {
        List<List<Rule>> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
