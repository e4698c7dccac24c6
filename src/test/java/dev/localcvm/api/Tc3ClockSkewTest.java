package dev.localcvm.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.account.Account;
import dev.localcvm.account.AccountService;
import dev.localcvm.testing.InMemoryAccounts;
import dev.localcvm.api.params.ParamBinder;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.cvm.CvmProduct;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * J1 of api3-protocol.md §7.4 through the whole gateway, to pin the 300 s skew window (§5.3 step 4,
 * §7.6) and the order of the skew and signature checks. DescribeInstances is not served yet, so a
 * request that passes authentication answers InvalidAction.
 */
class Tc3ClockSkewTest {
    private static final long J1_TS = 1795663388L;
    private static final String J1_BODY = "{\"InstanceIds\":[\"ins-1\",\"ins-2\"],\"Filters\":[{\"Name\":\"zone\","
            + "\"Values\":[\"ap-guangzhou-3\",\"a b/c*~'\"]}],\"Limit\":2}";
    private static final String J1_AUTHORIZATION = "TC3-HMAC-SHA256 Credential=AKIDTESTID/2026-11-26/localhost:18080/"
            + "tc3_request, SignedHeaders=content-type;host, "
            + "Signature=026435f23bd5c8831a2e4b9f41f1e0ae0ddae9b230e0c2ace793bacd6cdc85e4";

    /** An account store holding exactly the §7.4 key pair. */
    private static InMemoryAccounts oneKeyStore() {
        InMemoryAccounts store = new InMemoryAccounts();
        store.insertAccount(new Account("100000000001", 1250000000L, "test"), "AKIDTESTID", "TESTSECRETKEY", Instant.EPOCH);
        return store;
    }

    private static String errorCodeAt(long nowEpochSecond, byte[] body) {
        ServerClock clock = ServerClock.fixedAt(Instant.ofEpochSecond(nowEpochSecond));
        Gateway gateway = new Gateway(new ProductRegistry(CvmProduct.create(), List.of()),
                new AccountService(oneKeyStore(), clock), clock, Json.newMapper(), new ParamBinder(false), true,
                new RateLimiter(false, clock));
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("host", "localhost:18080");
        headers.put("authorization", J1_AUTHORIZATION);
        headers.put("x-tc-action", "DescribeInstances");
        headers.put("x-tc-version", "2017-03-12");
        headers.put("x-tc-timestamp", Long.toString(J1_TS));
        headers.put("x-tc-region", "ap-guangzhou");
        headers.put("x-tc-requestclient", "SDK_JAVA_3.1.1342");
        return gateway.handle(new RawRequest("POST", null, headers, body, "127.0.0.1")).errorCode();
    }

    private static byte[] j1Body() {
        byte[] body = J1_BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(110);
        return body;
    }

    @Test
    void j1AtItsOwnTimestampPassesAuthentication() {
        assertThat(errorCodeAt(J1_TS, j1Body())).isEqualTo("InvalidAction");
    }

    @Test
    void j1At301SecondsLateIsExpired() {
        assertThat(errorCodeAt(J1_TS + 301, j1Body())).isEqualTo("AuthFailure.SignatureExpire");
    }

    @Test
    void j1AtExactly300SecondsLatePassesAuthentication() {
        String code = errorCodeAt(J1_TS + Gateway.MAX_SKEW_SECONDS, j1Body());
        assertThat(code).doesNotStartWith("AuthFailure.").isEqualTo("InvalidAction");
    }

    @Test
    void skewAppliesInBothDirections() {
        assertThat(errorCodeAt(J1_TS - 301, j1Body())).isEqualTo("AuthFailure.SignatureExpire");
        assertThat(errorCodeAt(J1_TS - 300, j1Body())).isEqualTo("InvalidAction");
    }

    @Test
    void j1WithOneBodyByteFlippedIsASignatureFailure() {
        byte[] body = j1Body();
        body[body.length - 2] ^= 0x01;
        assertThat(errorCodeAt(J1_TS, body)).isEqualTo("AuthFailure.SignatureFailure");
    }

    @Test
    void skewIsCheckedBeforeTheSignature() {
        // §9.1: step 8 (skew) precedes step 9 (signature), so a bad signature past the window is "expired".
        byte[] body = j1Body();
        body[body.length - 2] ^= 0x01;
        assertThat(errorCodeAt(J1_TS + 301, body)).isEqualTo("AuthFailure.SignatureExpire");
    }
}
