package dev.localcvm.cam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localcvm.account.Account;
import dev.localcvm.account.ApiKey;
import dev.localcvm.account.KeyRestrictions;
import dev.localcvm.account.Principal;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.CamResource;
import dev.localcvm.api.Language;
import dev.localcvm.api.Product;
import dev.localcvm.error.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CamAuthorizerTest {
    private static final String OWNER = "100000000001";
    private static final String SUB = "200000000002";
    private static final Account ACCOUNT = new Account(OWNER, 1250000000L, "default");
    private static final String DESCRIBE_ONLY = policy("allow", "cvm:Describe*", "*");
    private static final String CVM_ALL = policy("allow", "cvm:*", "*");

    /** A CAM store in maps, counting its reads. */
    static final class FakeDirectory implements CamDirectory {
        final Map<String, List<String>> users = new HashMap<>();
        final Map<String, List<String>> roles = new HashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public List<String> userPolicies(String ownerUin, String subUin) {
            reads.incrementAndGet();
            return users.getOrDefault(subUin, List.of());
        }

        @Override
        public List<String> rolePolicies(String ownerUin, String roleId) {
            reads.incrementAndGet();
            return roles.getOrDefault(roleId, List.of());
        }

        @Override
        public Optional<CamRole> roleByName(String ownerUin, String roleName) {
            return Optional.empty();
        }

        @Override
        public Optional<CamRole> roleById(String ownerUin, String roleId) {
            return Optional.empty();
        }
    }

    record Ids(List<String> instanceIds) {
    }

    /** An action that names instances, as TerminateInstances does. */
    static final class Named extends BaseAction<Ids> {
        private final boolean writes;

        Named(String name, boolean writes) {
            super(name, Ids.class, 0);
            this.writes = writes;
        }

        @Override
        public boolean writes() {
            return writes;
        }

        @Override
        public List<String> camResources(Ids r, CallContext ctx) {
            return r.instanceIds() == null ? List.of() : CamResource.names("cvm", ctx, "instance", r.instanceIds());
        }

        @Override
        public Record execute(Ids request, CallContext context) {
            return request;
        }
    }

    private static final Named TERMINATE = new Named("TerminateInstances", true);
    private static final Named DESCRIBE = new Named("DescribeInstances", false);
    private static final Product CVM = Product.of("cvm", "2017-03-12", Set.of("ap-guangzhou"), List.of(TERMINATE, DESCRIBE));

    private final FakeDirectory directory = new FakeDirectory();
    private final AtomicInteger tagReads = new AtomicInteger();
    private final Map<String, Map<String, String>> tags = new HashMap<>();
    private final CamAuthorizer authorizer = new CamAuthorizer(directory, (owner, names) -> {
        tagReads.incrementAndGet();
        Map<String, Map<String, String>> out = new HashMap<>();
        names.forEach(n -> {
            if (tags.containsKey(n)) {
                out.put(n, tags.get(n));
            }
        });
        return out;
    });

    static String policy(String effect, String action, String resource) {
        return "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"" + effect + "\",\"action\":[\"" + action
                + "\"],\"resource\":[\"" + resource + "\"]}]}";
    }

    static String instance(String id) {
        return "qcs::cvm:ap-guangzhou:uin/" + OWNER + ":instance/" + id;
    }

    private static ApiKey key(Principal p) {
        return new ApiKey("AKIDtest", "secret", ACCOUNT, true, null, null, null, p);
    }

    private static CallContext context(Principal p) {
        return new CallContext("req-1", ACCOUNT, "AKIDtest", "ap-guangzhou", Language.EN_US,
                Instant.parse("2026-01-01T00:00:00Z"), p, "127.0.0.1");
    }

    private void authorize(Principal p, Named action, List<String> ids) {
        authorize(key(p), action, ids);
    }

    private void authorize(ApiKey key, Named action, List<String> ids) {
        authorizer.authorize(CVM, action, new Ids(ids), context(key.principal()), key);
    }

    private static Principal subUser() {
        return Principal.subUser(OWNER, SUB, "dev");
    }

    private static Principal role(String sessionPolicy) {
        return new Principal(Principal.Kind.ROLE_SESSION, OWNER, null, "ops", "4611686018427397919", "s1",
                sessionPolicy);
    }

    private static Principal federated(String issuer, String policy) {
        return new Principal(Principal.Kind.FEDERATED, OWNER, issuer, "fed", null, null, policy);
    }

    @Test
    void theRootWithoutSwitchesReadsNothing() {
        assertThatCode(() -> authorize(Principal.root(OWNER), TERMINATE, List.of("ins-aaaaaaaa")))
                .doesNotThrowAnyException();
        assertThat(directory.reads).hasValue(0);
    }

    @Test
    void aSubUserMayDoWhatItsPoliciesAllowAndIsRefusedInCamsWords() {
        directory.users.put(SUB, List.of(DESCRIBE_ONLY));
        assertThatCode(() -> authorize(subUser(), DESCRIBE, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> authorize(subUser(), TERMINATE, List.of("ins-aaaaaaaa")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.wireCode()).isEqualTo("AuthFailure.UnauthorizedOperation");
                    assertThat(e.getMessage()).isEqualTo("[request id:req-1]you are not authorized to perform "
                            + "operation (cvm:TerminateInstances)\nresource (" + instance("ins-aaaaaaaa")
                            + ") has no permission\n");
                });
    }

    @Test
    void aPolicyChangeHoldsOnTheNextCallAndAGoneUserIsRefused() {
        directory.users.put(SUB, List.of(DESCRIBE_ONLY));
        assertThatThrownBy(() -> authorize(subUser(), TERMINATE, List.of("ins-aaaaaaaa"))).isInstanceOf(ApiException.class);
        directory.users.put(SUB, List.of(DESCRIBE_ONLY, CVM_ALL));
        assertThatCode(() -> authorize(subUser(), TERMINATE, List.of("ins-aaaaaaaa"))).doesNotThrowAnyException();
        directory.users.remove(SUB);
        assertThatThrownBy(() -> authorize(subUser(), DESCRIBE, null))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.wireCode()).isEqualTo("AuthFailure.UnauthorizedOperation"));
    }

    @Test
    void aBatchIsRefusedWholeNamingTheFirstRefusedResource() {
        directory.users.put(SUB, List.of(CVM_ALL, policy("deny", "cvm:TerminateInstances", instance("ins-0000000c")),
                policy("deny", "cvm:TerminateInstances", instance("ins-0000000f"))));
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> String.format("ins-%08x", i)).toList();
        assertThatThrownBy(() -> authorize(subUser(), TERMINATE, ids))
                .hasMessageContaining("resource (" + instance("ins-0000000c") + ") has no permission");
    }

    @Test
    void aRoleSessionIsNarrowedByItsSessionPolicyAndAGoneRoleIsRefused() {
        directory.roles.put("4611686018427397919", List.of(CVM_ALL));
        assertThatCode(() -> authorize(role(null), TERMINATE, List.of("ins-aaaaaaaa"))).doesNotThrowAnyException();
        assertThatCode(() -> authorize(role(DESCRIBE_ONLY), DESCRIBE, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> authorize(role(DESCRIBE_ONLY), TERMINATE, List.of("ins-aaaaaaaa")))
                .hasMessageContaining("(cvm:TerminateInstances)");
        directory.roles.clear();
        assertThatThrownBy(() -> authorize(role(null), DESCRIBE, null)).isInstanceOf(ApiException.class);
    }

    @Test
    void aFederatedUserHasItsPolicyNarrowedByTheIssuingSubUser() {
        assertThatCode(() -> authorize(federated(OWNER, CVM_ALL), TERMINATE, List.of("ins-aaaaaaaa")))
                .doesNotThrowAnyException();
        assertThat(directory.reads).hasValue(0);
        directory.users.put(SUB, List.of(DESCRIBE_ONLY));
        assertThatCode(() -> authorize(federated(SUB, CVM_ALL), DESCRIBE, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> authorize(federated(SUB, CVM_ALL), TERMINATE, List.of("ins-aaaaaaaa")))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> authorize(federated(OWNER, null), DESCRIBE, null)).isInstanceOf(ApiException.class);
    }

    @Test
    void resourceTagsAreReadOnlyWhenAPolicyMentionsThem() {
        tags.put(instance("ins-aaaaaaaa"), Map.of("env", "ci"));
        directory.users.put(SUB, List.of(CVM_ALL));
        authorize(subUser(), TERMINATE, List.of("ins-aaaaaaaa"));
        assertThat(tagReads).hasValue(0);

        directory.users.put(SUB, List.of("{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":"
                + "[\"cvm:TerminateInstances\"],\"resource\":[\"*\"],\"condition\":{\"for_any_value:string_equal\":"
                + "{\"qcs:resource_tag\":[\"env&ci\"]}}}]}"));
        assertThatCode(() -> authorize(subUser(), TERMINATE, List.of("ins-aaaaaaaa"))).doesNotThrowAnyException();
        assertThat(tagReads).hasValue(1);
        assertThatThrownBy(() -> authorize(subUser(), TERMINATE, List.of("ins-aaaaaaaa", "ins-bbbbbbbb")))
                .hasMessageContaining(instance("ins-bbbbbbbb"));
        assertThat(tagReads).hasValue(2);
    }

    @Test
    void aStoredDocumentThatNoLongerParsesAllowsNothing() {
        directory.users.put(SUB, List.of("{not json", CVM_ALL));
        assertThatCode(() -> authorize(subUser(), DESCRIBE, null)).doesNotThrowAnyException();
        directory.users.put(SUB, List.of("{not json"));
        assertThatThrownBy(() -> authorize(subUser(), DESCRIBE, null)).isInstanceOf(ApiException.class);
    }

    @Test
    void switchesHoldForTheRootToo() {
        ApiKey denied = new ApiKey("AKIDtest", "secret", ACCOUNT, true, null, null, null, Principal.root(OWNER),
                new KeyRestrictions(List.of("cvm:Terminate*"), false));
        assertThat(denied.needsAuthorization()).isTrue();
        assertThatThrownBy(() -> authorize(denied, TERMINATE, List.of("ins-aaaaaaaa")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.wireCode()).isEqualTo("AuthFailure.UnauthorizedOperation");
                    assertThat(e.getMessage()).contains("resource (" + instance("ins-aaaaaaaa") + ")");
                });
        assertThatCode(() -> authorize(denied, DESCRIBE, null)).doesNotThrowAnyException();

        ApiKey readOnly = new ApiKey("AKIDtest", "secret", ACCOUNT, true, null, null, null, Principal.root(OWNER),
                new KeyRestrictions(List.of(), true));
        assertThatThrownBy(() -> authorize(readOnly, TERMINATE, List.of("ins-aaaaaaaa")))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.wireCode()).isEqualTo("UnauthorizedOperation"));
        assertThatCode(() -> authorize(readOnly, DESCRIBE, null)).doesNotThrowAnyException();
        assertThat(directory.reads).hasValue(0);
        assertThat(key(Principal.root(OWNER)).needsAuthorization()).isFalse();
    }

    @Test
    void denyPatternsMatchBareAndQualifiedNames() {
        KeyRestrictions r = new KeyRestrictions(new ArrayList<>(List.of("Describe*", "vpc:*", "cbs:TerminateDisks")), false);
        assertThat(r.denies("cvm", "DescribeInstances")).isTrue();
        assertThat(r.denies("vpc", "AllocateAddresses")).isTrue();
        assertThat(r.denies("cbs", "TerminateDisks")).isTrue();
        assertThat(r.denies("cvm", "TerminateInstances")).isFalse();
        assertThat(r.denies("cbs", "AttachDisks")).isFalse();
        assertThat(r.denies("cvm", "describeInstances")).isFalse();
    }
}
