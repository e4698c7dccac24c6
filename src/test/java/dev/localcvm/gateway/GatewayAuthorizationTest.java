package dev.localcvm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.account.AccountService;
import dev.localcvm.account.ApiKey;
import dev.localcvm.account.KeyRestrictions;
import dev.localcvm.account.Principal;
import dev.localcvm.api.Action;
import dev.localcvm.api.Authorizer;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.Gateway;
import dev.localcvm.api.Json;
import dev.localcvm.api.Product;
import dev.localcvm.api.ProductRegistry;
import dev.localcvm.api.RateLimiter;
import dev.localcvm.api.RawRequest;
import dev.localcvm.api.params.ParamBinder;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.testing.InMemoryAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where the gateway asks the authorizer, and what it never asks: the root's calls, and the event loop's. */
class GatewayAuthorizationTest {
    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

    record Ids(List<String> instanceIds) {
    }

    private final List<String> executed = new ArrayList<>();
    private final List<Object> asked = new ArrayList<>();

    /** Store-free, as the region catalogue: may be answered on the event loop. */
    private final Action<Ids> regions = new Action<>() {
        public String name() {
            return "DescribeRegions";
        }

        public Class<Ids> requestType() {
            return Ids.class;
        }

        public boolean needsStore() {
            return false;
        }

        public Record execute(Ids r, CallContext ctx) {
            executed.add("DescribeRegions");
            return r;
        }
    };

    private final Action<Ids> terminate = new Action<>() {
        public String name() {
            return "TerminateInstances";
        }

        public Class<Ids> requestType() {
            return Ids.class;
        }

        public Record execute(Ids r, CallContext ctx) {
            executed.add("TerminateInstances");
            return r;
        }
    };

    private final InMemoryAccounts store = new InMemoryAccounts();
    private final AccountService accounts = new AccountService(store, ServerClock.fixedAt(NOW));
    private final Gateway gateway;

    GatewayAuthorizationTest() {
        ApiKey root = accounts.ensureDefault("AKIDROOT", "secret");
        store.insertKey(Principal.subUser(root.account().uin(), "200000000002", "dev"), "AKIDSUB", "secret", NOW);
        Product cvm = Product.of("cvm", "2017-03-12", Set.of("ap-guangzhou"), List.of(regions, terminate));
        Authorizer refuseTerminate = new Authorizer() {
            @Override
            public <Q extends Record> void authorize(Product product, Action<Q> action, Q request, CallContext context,
                                                     ApiKey key) {
                asked.add(request);
                if (action.name().equals("TerminateInstances")) {
                    throw new ApiException(ErrorCode.AUTH_UNAUTHORIZED_OPERATION, "no");
                }
            }
        };
        gateway = new Gateway(new ProductRegistry(cvm, List.of()), accounts, ServerClock.fixedAt(NOW), Json.newMapper(),
                new ParamBinder(false), false, new RateLimiter(false, ServerClock.fixedAt(NOW)), () -> { },
                refuseTerminate);
    }

    private static RawRequest v3Post(String secretId, String action, String body) {
        Map<String, String> headers = Map.of(
                "authorization", "TC3-HMAC-SHA256 Credential=" + secretId + "/2026-11-26/cvm/tc3_request, "
                        + "SignedHeaders=content-type;host, Signature=" + "0".repeat(64),
                "content-type", "application/json", "host", "127.0.0.1", "x-tc-action", action,
                "x-tc-version", "2017-03-12", "x-tc-timestamp", Long.toString(NOW.getEpochSecond()),
                "x-tc-region", "ap-guangzhou");
        return new RawRequest("POST", null, headers, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    @Test
    void theRootWithoutSwitchesIsNeverAskedAbout() {
        assertThat(gateway.handle(v3Post("AKIDROOT", "TerminateInstances", "{\"InstanceIds\":[\"ins-1\"]}"))
                .errorCode()).isNull();
        assertThat(asked).isEmpty();
        assertThat(executed).containsExactly("TerminateInstances");
        assertThat(gateway.answerableWithoutStore(v3Post("AKIDROOT", "DescribeRegions", "{}"))).isTrue();
    }

    @Test
    void anotherSignerIsAskedWithTheBoundRequestAndARefusalRunsNothing() {
        assertThat(gateway.handle(v3Post("AKIDSUB", "TerminateInstances", "{\"InstanceIds\":[\"ins-1\"]}"))
                .errorCode()).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(asked).containsExactly(new Ids(List.of("ins-1")));
        assertThat(executed).isEmpty();
        // Binding comes first: a malformed request is refused as such, without asking.
        assertThat(gateway.handle(v3Post("AKIDSUB", "TerminateInstances", "{\"Nope\":1}")).errorCode())
                .isEqualTo("UnknownParameter");
        assertThat(asked).hasSize(1);

        assertThat(gateway.handle(v3Post("AKIDSUB", "DescribeRegions", "{}")).errorCode()).isNull();
        assertThat(accounts.cached("AKIDSUB")).isNotNull();
        assertThat(gateway.answerableWithoutStore(v3Post("AKIDSUB", "DescribeRegions", "{}"))).isFalse();
    }

    @Test
    void theRootWithASwitchIsAsked() {
        accounts.setRestrictions("AKIDROOT", new KeyRestrictions(List.of("Nothing"), false));
        gateway.handle(v3Post("AKIDROOT", "DescribeRegions", "{}"));
        assertThat(asked).hasSize(1);
    }
}
