package dev.localcvm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localcvm.account.AccountService;
import dev.localcvm.api.Action;
import dev.localcvm.api.ApiResponse;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Dispatch and the envelope, with a product of test actions and signature checks off, so each case
 * isolates one step after authentication.
 */
class GatewayDispatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

    record EchoRequest(Integer limit, List<String> instanceIds) {
    }

    record EchoResponse(Integer limit, List<String> instanceIds, String region, String account) {
    }

    private static final Action<EchoRequest> ECHO = new Action<>() {
        public String name() {
            return "Echo";
        }

        public Class<EchoRequest> requestType() {
            return EchoRequest.class;
        }

        public Record execute(EchoRequest r, CallContext ctx) {
            return new EchoResponse(r.limit(), r.instanceIds(), ctx.region(), ctx.account().uin());
        }
    };

    private static Action<EchoRequest> failing(RuntimeException e) {
        return new Action<>() {
            public String name() {
                return "Boom";
            }

            public Class<EchoRequest> requestType() {
                return EchoRequest.class;
            }

            public Record execute(EchoRequest r, CallContext ctx) {
                throw e;
            }
        };
    }

    private Gateway gateway(Action<?>... actions) {
        return gateway(() -> { }, actions);
    }

    private Gateway gateway(Runnable awaitDurable, Action<?>... actions) {
        Product test = Product.of("cvm", "2017-03-12", Set.of("ap-guangzhou"), List.of(actions));
        AccountService accounts = new AccountService(new InMemoryAccounts(), ServerClock.fixedAt(NOW));
        accounts.ensureDefault("AKIDTEST", "secret");
        return new Gateway(new ProductRegistry(test, List.of()), accounts, ServerClock.fixedAt(NOW), Json.newMapper(),
                new ParamBinder(false), false, new RateLimiter(false, ServerClock.fixedAt(NOW)), awaitDurable);
    }

    /** ECHO, declared as a read: it changes nothing in the store. */
    private static final Action<EchoRequest> READ = new Action<>() {
        public String name() {
            return "Read";
        }

        public Class<EchoRequest> requestType() {
            return EchoRequest.class;
        }

        public boolean writes() {
            return false;
        }

        public Record execute(EchoRequest r, CallContext ctx) {
            return ECHO.execute(r, ctx);
        }
    };

    @Test
    void aWriteAnswersOnlyAfterItsChangeIsDurableAndAReadDoesNotWait() throws Exception {
        List<String> events = new java.util.ArrayList<>();
        Action<EchoRequest> write = new Action<>() {
            public String name() {
                return "Write";
            }

            public Class<EchoRequest> requestType() {
                return EchoRequest.class;
            }

            public Record execute(EchoRequest r, CallContext ctx) {
                events.add("executed");
                return ECHO.execute(r, ctx);
            }
        };
        Gateway gateway = gateway(() -> events.add("durable"), write, READ);

        assertThat(gateway.handle(v3Post("Write", "{}")).errorCode()).isNull();
        assertThat(events).containsExactly("executed", "durable");
        assertThat(gateway.handle(v3Post("Read", "{}")).errorCode()).isNull();
        assertThat(events).containsExactly("executed", "durable");
        // A refused write waits too: on its way it may have consumed a fault rule.
        gateway.handle(v3Post("Write", "{\"Limit\": \"x\"}"));
        assertThat(events).containsExactly("executed", "durable");
        assertThat(gateway(() -> events.add("durable"), failing(new ApiException(ErrorCode.UNSUPPORTED_OPERATION, "no")))
                .handle(v3Post("Boom", "{}")).errorCode()).isEqualTo("UnsupportedOperation");
        assertThat(events).containsExactly("executed", "durable", "durable");
    }

    @Test
    void aWriteWhoseChangeCannotBeMadeDurableIsNotAnsweredAsASuccess() throws Exception {
        Gateway gateway = gateway(() -> {
            throw new IllegalStateException("cannot write the store", new java.sql.SQLTransientConnectionException("disk"));
        }, ECHO);

        ApiResponse r = gateway.handle(v3Post("Echo", "{\"Limit\": 1}"));

        assertThat(response(r).get("Error").get("Code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(response(r).has("Limit")).isFalse();
    }

    private static RawRequest v3Post(String action, String body) {
        Map<String, String> headers = Map.of(
                "authorization", "TC3-HMAC-SHA256 Credential=AKIDTEST/2026-11-26/cvm/tc3_request, "
                        + "SignedHeaders=content-type;host, Signature=" + "0".repeat(64),
                "content-type", "application/json", "host", "127.0.0.1", "x-tc-action", action,
                "x-tc-version", "2017-03-12", "x-tc-timestamp", Long.toString(NOW.getEpochSecond()),
                "x-tc-region", "ap-guangzhou");
        return new RawRequest("POST", null, headers, body.getBytes(StandardCharsets.UTF_8), "test");
    }

    private static JsonNode response(ApiResponse r) throws Exception {
        return JSON.readTree(r.body().bytes()).get("Response");
    }

    @Test
    void outputFieldsArePascalCaseWithRequestIdLast() throws Exception {
        ApiResponse r = gateway(ECHO).handle(v3Post("Echo", "{\"Limit\": \"7\", \"InstanceIds\": [\"ins-1\"]}"));

        JsonNode body = response(r);
        assertThat(r.errorCode()).isNull();
        assertThat(body.get("Limit").asInt()).isEqualTo(7);
        assertThat(body.get("InstanceIds").get(0).asText()).isEqualTo("ins-1");
        assertThat(body.get("Region").asText()).isEqualTo("ap-guangzhou");
        assertThat(body.get("Account").asText()).isEqualTo(AccountService.DEFAULT_UIN);
        assertThat(body.get("RequestId").asText()).isEqualTo(r.requestId());
        assertThat(r.action()).isEqualTo("Echo");
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithoutDetails() throws Exception {
        ApiResponse r = gateway(failing(new IllegalStateException("secret detail"))).handle(v3Post("Boom", "{}"));

        JsonNode error = response(r).get("Error");
        assertThat(error.get("Code").asText()).isEqualTo("InternalError");
        assertThat(error.get("Message").asText()).doesNotContain("secret detail").doesNotContain("Exception");
        assertThat(response(r).get("RequestId").asText()).isEqualTo(r.requestId());
    }

    @Test
    void aLostStoreConnectionIsServiceUnavailableNotAnInternalError() throws Exception {
        RuntimeException lost = new IllegalStateException("pool", new java.sql.SQLTransientConnectionException("gone"));

        ApiResponse r = gateway(failing(lost)).handle(v3Post("Boom", "{}"));

        assertThat(response(r).get("Error").get("Code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(response(r).get("Error").get("Message").asText()).doesNotContain("gone");
    }

    @Test
    void anApiExceptionFromAnActionIsRenderedWithItsCodeAndMessage() throws Exception {
        ApiResponse r = gateway(failing(new ApiException(ErrorCode.UNSUPPORTED_OPERATION, "nope")))
                .handle(v3Post("Boom", "{}"));

        assertThat(response(r).get("Error").get("Code").asText()).isEqualTo("UnsupportedOperation");
        assertThat(response(r).get("Error").get("Message").asText()).isEqualTo("nope");
        assertThat(response(r).has("Limit")).isFalse();
    }

    @Test
    void bindingErrorsNameTheParameter() throws Exception {
        ApiResponse typeError = gateway(ECHO).handle(v3Post("Echo", "{\"Limit\": \"many\"}"));
        ApiResponse unknown = gateway(ECHO).handle(v3Post("Echo", "{\"Foo\": 1}"));
        ApiResponse notObject = gateway(ECHO).handle(v3Post("Echo", "[1]"));

        assertThat(response(typeError).get("Error").get("Message").asText()).isEqualTo("Parameter `Limit` type error.");
        assertThat(response(unknown).get("Error").get("Code").asText()).isEqualTo("UnknownParameter");
        assertThat(response(unknown).get("Error").get("Message").asText()).contains("`Foo`");
        assertThat(response(notObject).get("Error").get("Code").asText()).isEqualTo("InvalidParameter");
    }

    @Test
    void signatureOffStillNeedsAKnownSecretId() throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(v3Post("Echo", "{}").headers());
        headers.put("authorization", headers.get("authorization").replace("AKIDTEST", "AKIDOTHER"));
        ApiResponse r = gateway(ECHO).handle(new RawRequest("POST", null, headers, new byte[0], "test"));

        assertThat(r.errorCode()).isEqualTo("AuthFailure.SecretIdNotFound");
    }
}
