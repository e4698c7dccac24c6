package dev.localcvm.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The TC3-HMAC-SHA256 vectors of api3-protocol.md §7.1, §7.2, §7.4 and §7.5. Every expected value is a
 * literal copied from the spec; the code under test only produces the actual side.
 */
class Tc3VectorsTest {
    // Doc example key pair (V3-A, V3-B, X1).
    static final String DOC_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    static final String DOC_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    static final String DOC_HOST = "cvm.tencentcloudapi.com";
    static final String JSON_UTF8 = "application/json; charset=utf-8";
    static final String FORM = "application/x-www-form-urlencoded";
    // Literal backslash escapes: the doc body carries "\u672a..." as six ASCII characters each.
    static final String V3A_BODY =
            "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";
    static final long V3A_TS = 1551113065L;

    // Captured SDK requests (§7.4).
    static final String TEST_ID = "AKIDTESTID";
    static final String TEST_KEY = "TESTSECRETKEY";
    static final String J1_BODY = "{\"InstanceIds\":[\"ins-1\",\"ins-2\"],\"Filters\":[{\"Name\":\"zone\",\"Values\":"
            + "[\"ap-guangzhou-3\",\"a b/c*~'\"]}],\"Limit\":2}";
    static final String J2_QUERY = "Filters.0.Values.1=a+b%2Fc*%7E%27&Filters.0.Values.0=ap-guangzhou-3"
            + "&Filters.0.Name=zone&Limit=2&InstanceIds.1=ins-2&InstanceIds.0=ins-1";
    static final String N1_BODY = "{\"Limit\":2,\"InstanceIds\":[\"ins-1\",\"ins-2\"],\"Filters\":[{\"Name\":\"zone\","
            + "\"Values\":[\"ap-guangzhou-3\",\"a b/c*~'\"]}],\"DryRun\":false}";
    static final String T1_BODY =
            "{\"Filters\": [{\"Name\": \"zone\", \"Values\": [\"ap-guangzhou-3\"]}], \"Limit\": 1}";
    static final String SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String SHA256_UNSIGNED = "438d4109ef0d676b8c2c7ed13cdfcb418e494d53b843d4634ce3b1085f07bb96";

    /**
     * One row of the §7.4 table. {@code signedHost} is what the client put into CanonicalHeaders, which
     * differs from the Host header for Node (N1).
     */
    record Captured(String name, String method, String query, String contentType, String hostHeader,
                    String signedHost, long timestamp, String service, String body, boolean unsignedPayload,
                    String hashedPayload, String canonicalHash, String signature) {
        @Override
        public String toString() {
            return name;
        }

        byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }

        String authorization() {
            return "TC3-HMAC-SHA256 Credential=" + TEST_ID + "/2026-11-26/" + service
                    + "/tc3_request, SignedHeaders=content-type;host, Signature=" + signature;
        }

        Map<String, String> headersAsSent() {
            Map<String, String> h = new HashMap<>();
            h.put("content-type", contentType);
            h.put("host", hostHeader);
            h.put("authorization", authorization());
            h.put("x-tc-action", "DescribeInstances");
            h.put("x-tc-version", "2017-03-12");
            h.put("x-tc-timestamp", Long.toString(timestamp));
            h.put("x-tc-region", "ap-guangzhou");
            if (unsignedPayload) {
                h.put("x-tc-content-sha256", "UNSIGNED-PAYLOAD");
            }
            return h;
        }
    }

    static final Captured J1 = new Captured("J1", "POST", null, JSON_UTF8, "localhost:18080", "localhost:18080",
            1795663388L, "localhost:18080", J1_BODY, false,
            "8be1b001c031beeef25cb440054eb964b2961d4da6968df145e385b79767f8a2",
            "76aabd1c4f0d4b52ff26c291bf9a34efa713728d4fd8284fefc2dbfdc57fa8d8",
            "026435f23bd5c8831a2e4b9f41f1e0ae0ddae9b230e0c2ace793bacd6cdc85e4");
    static final Captured J2 = new Captured("J2", "GET", J2_QUERY, FORM, "localhost:18080", "localhost:18080",
            1795663388L, "localhost:18080", "", false, SHA256_EMPTY,
            "83be56ffd553073c17ba9c6b5ab0e4205ef639586a90f7093c2a499d1ce947ea",
            "af0ea9c7cc667a8e585cd03da702fdfdd9d9653cb9acec694cf0c4689a6f32c1");
    static final Captured J3 = new Captured("J3", "POST", null, JSON_UTF8, "localhost:18080", "localhost:18080",
            1795663388L, "localhost:18080", J1_BODY, true, SHA256_UNSIGNED,
            "c2cf62b56927e20aea865f3c658142f69fbd70bce332bebc2f52e117a1e9a046",
            "f5e58df40067cc53a539bc9acb2ee38dfc05120b00cc044388c8cbe70db8d66f");
    static final Captured N1 = new Captured("N1", "POST", null, "application/json", "localhost:18080", "localhost",
            1795663351L, "localhost:18080", N1_BODY, false,
            "46f1af5afbe98f6d73b565ff29bce5801021342417fdbbcc5dfc02b694c3021c",
            "fee28e71ffe77e94540a8640c26a3ae36630384c16e85a1ba9307712ddaedb5a",
            "55ea02697896f0ce5265755ffce707711e74aa71146b600fe57b8130aa972459");
    static final Captured T1 = new Captured("T1", "POST", null, "application/json", "http://localhost:18080",
            "http://localhost:18080", 1795663417L, "cvm", T1_BODY, false,
            "66db466d9a2874dacf08f8b26e44ae7a1f3c0fe04ed43aa3231066caaf01640e",
            "26e0bb1fb9827bcf3e404a39208a3e498fe443ae43609103b67974de0c62760a",
            "60c41edc7324b02cd713a25ab6e6982ece8564310d376f7b1f616f0439d5cf13");

    static Stream<Captured> captured() {
        return Stream.of(J1, J2, J3, N1, T1);
    }

    /** An independent SHA-256, so hash assertions do not lean on the class under test. */
    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String sign(String secretKey, long timestamp, String date, String service, String canonicalRequest) {
        return Tc3Signer.signature(Tc3Signer.signingKey(secretKey, date, service),
                Tc3Signer.stringToSign(Long.toString(timestamp), date, service, canonicalRequest));
    }

    // ---- V3-A (§7.1) ----

    @Test
    void v3aEveryIntermediateValue() {
        byte[] body = V3A_BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(86);
        assertThat(Tc3Signer.dateOf(V3A_TS)).isEqualTo("2019-02-25");

        String payload = Tc3Signer.hashedPayload(body);
        assertThat(payload).isEqualTo("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");

        String canonical = Tc3Signer.canonicalRequest("POST", "",
                "content-type:" + JSON_UTF8 + "\nhost:" + DOC_HOST + "\n", "content-type;host", payload);
        assertThat(canonical).isEqualTo("POST\n/\n\ncontent-type:application/json; charset=utf-8\n"
                + "host:cvm.tencentcloudapi.com\n\ncontent-type;host\n"
                + "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        assertThat(sha256(canonical)).isEqualTo("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");

        String stringToSign = Tc3Signer.stringToSign("1551113065", "2019-02-25", "cvm", canonical);
        assertThat(stringToSign).isEqualTo("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
                + "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");

        byte[] kSigning = Tc3Signer.signingKey(DOC_KEY, "2019-02-25", "cvm");
        assertThat(HexFormat.of().formatHex(kSigning))
                .isEqualTo("ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1");
        assertThat(Tc3Signer.signature(kSigning, stringToSign))
                .isEqualTo("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    }

    @Test
    void v3aAuthorizationHeaderParsesAndVerifies() {
        String header = "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
                + "SignedHeaders=content-type;host, "
                + "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168";
        Tc3Authorization auth = Tc3Authorization.parse(header);
        assertThat(auth.secretId()).isEqualTo(DOC_ID);
        assertThat(auth.date()).isEqualTo("2019-02-25");
        assertThat(auth.service()).isEqualTo("cvm");
        assertThat(auth.signedHeaders()).isEqualTo("content-type;host");
        assertThat(auth.signedHeaderNames()).containsExactly("content-type", "host");
        assertThat(auth.signature()).isEqualTo("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");

        Map<String, String> headers = Map.of("content-type", JSON_UTF8, "host", DOC_HOST, "authorization", header,
                "x-tc-action", "DescribeInstances", "x-tc-timestamp", "1551113065", "x-tc-version", "2017-03-12");
        assertThat(Tc3Verifier.verify(auth, DOC_KEY, "POST", null, headers,
                V3A_BODY.getBytes(StandardCharsets.UTF_8), V3A_TS)).isTrue();
    }

    @Test
    void v3aMaskedKeyVariant() {
        String masked = "Gu5t9xGARNpq86cd98joQYCN3*******";
        String canonical = Tc3Signer.canonicalRequest("POST", "",
                "content-type:" + JSON_UTF8 + "\nhost:" + DOC_HOST + "\n", "content-type;host",
                Tc3Signer.hashedPayload(V3A_BODY.getBytes(StandardCharsets.UTF_8)));
        assertThat(sign(masked, V3A_TS, "2019-02-25", "cvm", canonical))
                .isEqualTo("2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c");

        Tc3Authorization auth = Tc3Authorization.parse("TC3-HMAC-SHA256 Credential=" + DOC_ID
                + "/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, "
                + "Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c");
        Map<String, String> headers = Map.of("content-type", JSON_UTF8, "host", DOC_HOST);
        byte[] body = V3A_BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(Tc3Verifier.verify(auth, masked, "POST", "", headers, body, V3A_TS)).isTrue();
        // The masked signature belongs to the masked key only.
        assertThat(Tc3Verifier.verify(auth, DOC_KEY, "POST", "", headers, body, V3A_TS)).isFalse();
    }

    // ---- V3-B (§7.2) ----

    @Test
    void v3bGetWithEmptyBody() {
        assertThat(Tc3Signer.dateOf(1539084154L)).isEqualTo("2018-10-09");
        assertThat(Tc3Signer.hashedPayload(new byte[0])).isEqualTo(SHA256_EMPTY);
        String canonical = Tc3Signer.canonicalRequest("GET", "Limit=10&Offset=0",
                "content-type:" + FORM + "\nhost:" + DOC_HOST + "\n", "content-type;host", SHA256_EMPTY);
        assertThat(sha256(canonical)).isEqualTo("91c9c192c14460df6c1ffc69e34e6c5e90708de2a6d282cccf957dbf1aa7f3a7");
        assertThat(sign(DOC_KEY, 1539084154L, "2018-10-09", "cvm", canonical))
                .isEqualTo("5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474");

        Tc3Authorization auth = Tc3Authorization.parse("TC3-HMAC-SHA256 Credential=" + DOC_ID
                + "/2018-10-09/cvm/tc3_request, SignedHeaders=content-type;host, "
                + "Signature=5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474");
        assertThat(Tc3Verifier.verify(auth, DOC_KEY, "GET", "Limit=10&Offset=0",
                Map.of("content-type", FORM, "host", DOC_HOST), new byte[0], 1539084154L)).isTrue();
    }

    // ---- Captured SDK requests (§7.4) ----

    @Test
    void capturedBodiesHaveTheSpecLengths() {
        assertThat(J1.bodyBytes()).hasSize(110);
        assertThat(J3.bodyBytes()).hasSize(110);
        assertThat(N1.bodyBytes()).hasSize(125);
        assertThat(T1.bodyBytes()).hasSize(73);
        assertThat(J2.bodyBytes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captured")
    void capturedHashedPayload(Captured v) {
        // J3 hashes the constant, not its (non-empty) body.
        byte[] hashed = v.unsignedPayload() ? "UNSIGNED-PAYLOAD".getBytes(StandardCharsets.US_ASCII) : v.bodyBytes();
        assertThat(Tc3Signer.hashedPayload(hashed)).isEqualTo(v.hashedPayload());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captured")
    void capturedCanonicalRequestHashAndSignature(Captured v) {
        assertThat(Tc3Signer.dateOf(v.timestamp())).isEqualTo("2026-11-26");
        String canonical = Tc3Signer.canonicalRequest(v.method(), v.query() == null ? "" : v.query(),
                "content-type:" + v.contentType() + "\nhost:" + v.signedHost() + "\n", "content-type;host",
                v.hashedPayload());
        assertThat(sha256(canonical)).isEqualTo(v.canonicalHash());
        assertThat(sign(TEST_KEY, v.timestamp(), "2026-11-26", v.service(), canonical)).isEqualTo(v.signature());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captured")
    void capturedRequestVerifiesWithHeadersAsSent(Captured v) {
        Tc3Authorization auth = Tc3Authorization.parse(v.authorization());
        assertThat(auth.service()).isEqualTo(v.service());
        assertThat(Tc3Verifier.verify(auth, TEST_KEY, v.method(), v.query(), v.headersAsSent(), v.bodyBytes(),
                v.timestamp())).isTrue();
    }

    @Test
    void j1AuthorizationHeaderAsSent() {
        Tc3Authorization auth = Tc3Authorization.parse("TC3-HMAC-SHA256 Credential=AKIDTESTID/2026-11-26/"
                + "localhost:18080/tc3_request, SignedHeaders=content-type;host, "
                + "Signature=026435f23bd5c8831a2e4b9f41f1e0ae0ddae9b230e0c2ace793bacd6cdc85e4");
        assertThat(auth.secretId()).isEqualTo("AKIDTESTID");
        assertThat(auth.date()).isEqualTo("2026-11-26");
        assertThat(auth.service()).isEqualTo("localhost:18080");
        assertThat(auth.signedHeaderNames()).isEqualTo(List.of("content-type", "host"));
    }

    @Test
    void j2QueryIsHashedInWireOrderNotSorted() {
        // The canonical query is the raw string in Java's HashMap order; keys are visibly unsorted.
        assertThat(J2_QUERY).startsWith("Filters.0.Values.1=").endsWith("InstanceIds.0=ins-1");
        String canonical = Tc3Signer.canonicalRequest("GET", J2_QUERY,
                "content-type:" + FORM + "\nhost:localhost:18080\n", "content-type;host", SHA256_EMPTY);
        assertThat(canonical).startsWith("GET\n/\n" + J2_QUERY + "\n");
        assertThat(sha256(canonical)).isEqualTo("83be56ffd553073c17ba9c6b5ab0e4205ef639586a90f7093c2a499d1ce947ea");
    }

    @Test
    void j3UnsignedPayloadVerifiesWhateverTheBody() {
        // The body is not covered: a different body still verifies, as long as the header is there.
        Tc3Authorization auth = Tc3Authorization.parse(J3.authorization());
        byte[] other = "{\"Limit\":3}".getBytes(StandardCharsets.UTF_8);
        assertThat(Tc3Verifier.verify(auth, TEST_KEY, "POST", null, J3.headersAsSent(), other, J3.timestamp()))
                .isTrue();
    }

    // ---- X1 (§7.5): an extra signed header, tested from kSigning down ----

    @Test
    void x1SignsXTcAction() {
        String canonical = Tc3Signer.canonicalRequest("POST", "",
                "content-type:" + JSON_UTF8 + "\nhost:" + DOC_HOST + "\nx-tc-action:describeinstances\n",
                "content-type;host;x-tc-action",
                Tc3Signer.hashedPayload(V3A_BODY.getBytes(StandardCharsets.UTF_8)));
        assertThat(sha256(canonical)).isEqualTo("7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84");

        byte[] kSigning = HexFormat.of().parseHex("b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af");
        String stringToSign = Tc3Signer.stringToSign("1551113065", "2019-02-25", "cvm", canonical);
        assertThat(stringToSign).endsWith("\n7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84");
        assertThat(Tc3Signer.signature(kSigning, stringToSign))
                .isEqualTo("10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f");
    }

    @Test
    void x1StyleExtraHeaderIsCanonicalizedLowerCaseByTheVerifier() {
        // The X1 key is masked, so the verifier's x-tc-action handling is checked on the V3-A key pair:
        // the expected signature is built from the canonical string X1 prescribes (lower-cased value).
        String canonical = Tc3Signer.canonicalRequest("POST", "",
                "content-type:" + JSON_UTF8 + "\nhost:" + DOC_HOST + "\nx-tc-action:describeinstances\n",
                "content-type;host;x-tc-action",
                "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        assertThat(sha256(canonical)).isEqualTo("7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84");
        String signature = sign(DOC_KEY, V3A_TS, "2019-02-25", "cvm", canonical);
        Tc3Authorization auth = Tc3Authorization.parse("TC3-HMAC-SHA256 Credential=" + DOC_ID
                + "/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=" + signature);
        Map<String, String> headers = Map.of("content-type", JSON_UTF8, "host", DOC_HOST,
                "x-tc-action", "DescribeInstances");
        assertThat(Tc3Verifier.verify(auth, DOC_KEY, "POST", "", headers,
                V3A_BODY.getBytes(StandardCharsets.UTF_8), V3A_TS)).isTrue();
    }

    // ---- §5.3 step 8 candidates (c) and (d): hand-written clients that do not lower-case values ----

    @Test
    void valuesSignedAsSentWithoutLowerCasing() {
        // Both signatures are J1's request signed over "Application/JSON; charset=UTF-8" and a mixed-case
        // host, with and without the port; computed independently of this code base.
        Map<String, String> headers = new HashMap<>(J1.headersAsSent());
        headers.put("content-type", "Application/JSON; charset=UTF-8");
        headers.put("host", "LocalHost:18080");
        String withPort = J1.authorization().replace(J1.signature(),
                "7cc8d1d7e4125349bc8d8e04b6ee1972aaf027515cda48829b0d69d4a386910d");
        String withoutPort = J1.authorization().replace(J1.signature(),
                "3e112143da31e72090c52ae6221c75599285f0c8fc5161e883c3c4c37a75ed88");
        for (String authorization : List.of(withPort, withoutPort)) {
            assertThat(Tc3Verifier.verify(Tc3Authorization.parse(authorization), TEST_KEY, "POST", null, headers,
                    J1.bodyBytes(), J1.timestamp())).as(authorization).isTrue();
        }
        // The same signatures over lower-cased headers do not match: the case really was signed.
        Map<String, String> lower = new HashMap<>(J1.headersAsSent());
        assertThat(Tc3Verifier.verify(Tc3Authorization.parse(withPort), TEST_KEY, "POST", null, lower,
                J1.bodyBytes(), J1.timestamp())).isFalse();
    }
}
