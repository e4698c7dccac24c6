package dev.localcvm.api.auth;

import static dev.localcvm.api.auth.Tc3VectorsTest.J1;
import static dev.localcvm.api.auth.Tc3VectorsTest.J2;
import static dev.localcvm.api.auth.Tc3VectorsTest.J3;
import static dev.localcvm.api.auth.Tc3VectorsTest.N1;
import static dev.localcvm.api.auth.Tc3VectorsTest.T1;
import static dev.localcvm.api.auth.Tc3VectorsTest.TEST_KEY;
import static dev.localcvm.api.auth.Tc3VectorsTest.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The negative checks of api3-protocol.md §7.6 at the verifier level: each mutation of a vector that
 * verifies (see {@link Tc3VectorsTest}) must be refused. The clock-skew case is gateway-level and lives in
 * {@code dev.localcvm.api.Tc3ClockSkewTest}.
 */
class Tc3NegativeChecksTest {

    private static boolean verify(Tc3VectorsTest.Captured v, String authorization, String query,
                                  Map<String, String> headers, byte[] body) {
        return Tc3Verifier.verify(Tc3Authorization.parse(authorization), TEST_KEY, v.method(), query, headers, body,
                v.timestamp());
    }

    @Test
    void j1WithOneBodyByteFlipped() {
        byte[] body = J1.bodyBytes();
        body[body.length - 2] ^= 0x01; // "Limit":2 becomes "Limit":3
        assertThat(new String(body, StandardCharsets.UTF_8)).endsWith("\"Limit\":3}");
        assertThat(verify(J1, J1.authorization(), null, J1.headersAsSent(), body)).isFalse();
    }

    @Test
    void j1WithServiceCvmInsteadOfTheScopes() {
        String substituted = J1.authorization().replace("/localhost:18080/", "/cvm/");
        assertThat(substituted).contains("Credential=AKIDTESTID/2026-11-26/cvm/tc3_request");
        assertThat(verify(J1, substituted, null, J1.headersAsSent(), J1.bodyBytes())).isFalse();
    }

    @Test
    void j2WithTheQuerySortedBeforeHashing() {
        String[] pairs = J2.query().split("&");
        Arrays.sort(pairs);
        String sorted = String.join("&", pairs);
        assertThat(sorted).isNotEqualTo(J2.query()).startsWith("Filters.0.Name=zone&");
        assertThat(verify(J2, J2.authorization(), sorted, J2.headersAsSent(), new byte[0])).isFalse();
    }

    @Test
    void t1WithTheBodyReSerializedCompactly() throws Exception {
        // What a server that parses and re-serializes the JSON before hashing would see.
        ObjectMapper mapper = new ObjectMapper();
        byte[] compact = mapper.writeValueAsBytes(mapper.readTree(T1.bodyBytes()));
        assertThat(new String(compact, StandardCharsets.UTF_8))
                .isEqualTo("{\"Filters\":[{\"Name\":\"zone\",\"Values\":[\"ap-guangzhou-3\"]}],\"Limit\":1}");
        assertThat(compact).hasSize(67);
        assertThat(verify(T1, T1.authorization(), null, T1.headersAsSent(), compact)).isFalse();
    }

    @Test
    void n1PortBearingHostCandidateAloneDoesNotMatch() {
        String canonical = Tc3Signer.canonicalRequest("POST", "",
                "content-type:application/json\nhost:localhost:18080\n", "content-type;host", N1.hashedPayload());
        String portBearing = sign(TEST_KEY, N1.timestamp(), "2026-11-26", "localhost:18080", canonical);
        assertThat(portBearing).isEqualTo("593ccbde04532e09803c9d9a2ae9ca2415b06b1884f4ccec51e88785f7bf3d6b")
                .isNotEqualTo(N1.signature());
    }

    @Test
    void n1FailsWhenTheHostHasNoStrippablePort() {
        // Without the port-less candidate (b) nothing can reproduce Node's signature: a Host header whose
        // port cannot be stripped leaves only the port-bearing candidates (a) and (c).
        Map<String, String> headers = new HashMap<>(N1.headersAsSent());
        headers.put("host", "http://localhost:18080");
        assertThat(verify(N1, N1.authorization(), null, headers, N1.bodyBytes())).isFalse();
    }

    @Test
    void credentialDateOtherThanTheTimestampsUtcDate() {
        // f83b5ea5... is the correct J1 signature for scope date 2026-11-25 (computed independently), so
        // only the date rule of §5.3 step 5 can refuse it.
        String otherDay = "TC3-HMAC-SHA256 Credential=AKIDTESTID/2026-11-25/localhost:18080/tc3_request, "
                + "SignedHeaders=content-type;host, "
                + "Signature=f83b5ea543b9cb05e9a11fa81e89a0d82a52962cfa30447af3895c005a5006f2";
        assertThat(verify(J1, otherDay, null, J1.headersAsSent(), J1.bodyBytes())).isFalse();
    }

    @Test
    void timestampOnAnotherUtcDayThanTheCredential() {
        Tc3Authorization auth = Tc3Authorization.parse(J1.authorization());
        assertThat(Tc3Verifier.verify(auth, TEST_KEY, "POST", null, J1.headersAsSent(), J1.bodyBytes(),
                J1.timestamp() + 86_400)).isFalse();
    }

    @Test
    void signedHeaderMissingFromTheRequest() {
        Map<String, String> noContentType = new HashMap<>(J1.headersAsSent());
        noContentType.remove("content-type");
        assertThat(verify(J1, J1.authorization(), null, noContentType, J1.bodyBytes())).isFalse();
    }

    @Test
    void signedHeaderMissingIsNotTheSameAsEmpty() {
        // e40faf44... is J1 signed over content-type;host;x-tc-action with an empty x-tc-action value
        // (computed independently). Present and empty, it verifies; absent, it must not, even though a
        // verifier that read a missing header as "" would build the very same canonical request.
        String auth = "TC3-HMAC-SHA256 Credential=AKIDTESTID/2026-11-26/localhost:18080/tc3_request, "
                + "SignedHeaders=content-type;host;x-tc-action, "
                + "Signature=e40faf44dedaeade909295b1bc258284de6e9c30ea4431330a7b3efe6144c04c";
        Map<String, String> emptyAction = new HashMap<>(J1.headersAsSent());
        emptyAction.put("x-tc-action", "");
        assertThat(verify(J1, auth, null, emptyAction, J1.bodyBytes())).isTrue();
        Map<String, String> noAction = new HashMap<>(J1.headersAsSent());
        noAction.remove("x-tc-action");
        assertThat(verify(J1, auth, null, noAction, J1.bodyBytes())).isFalse();
    }

    @Test
    void j3WithoutTheUnsignedPayloadHeader() {
        Map<String, String> headers = new HashMap<>(J3.headersAsSent());
        headers.remove("x-tc-content-sha256");
        assertThat(verify(J3, J3.authorization(), null, headers, J3.bodyBytes())).isFalse();
    }

    @Test
    void wrongSecretKey() {
        assertThat(Tc3Verifier.verify(Tc3Authorization.parse(J1.authorization()), "TESTSECRETKEZ", "POST", null,
                J1.headersAsSent(), J1.bodyBytes(), J1.timestamp())).isFalse();
    }

    @Test
    void j1WithADifferentContentTypeValue() {
        // The charset suffix Java signs must be matched exactly (§5.1).
        Map<String, String> headers = new HashMap<>(J1.headersAsSent());
        headers.put("content-type", "application/json");
        assertThat(verify(J1, J1.authorization(), null, headers, J1.bodyBytes())).isFalse();
    }
}
