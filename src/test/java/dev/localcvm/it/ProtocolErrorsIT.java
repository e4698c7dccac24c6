package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.api.auth.Tc3Signer;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.testing.Envelope;
import dev.localcvm.testing.SignedRequest;
import dev.localcvm.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every protocol error the gateway answers (api3-protocol.md §2-§4, §9.2, §10), from raw signed requests. */
class ProtocolErrorsIT {
    static final long NOW = 1_795_663_388L;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config(), ServerClock.fixedAt(Instant.ofEpochSecond(NOW)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // --- §1 methods

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "OPTIONS"})
    void methodsOtherThanGetAndPostAreUnsupportedProtocol(String method) throws Exception {
        Envelope.error(server.raw(method, Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8)),
                "UnsupportedProtocol");
    }

    // --- §2 request mode and §5.3 step 1

    @ParameterizedTest
    @ValueSource(strings = {"SKIP", "Basic dXNlcjpwYXNz", "Bearer abc", "TC3-HMAC-SHA256",
        "tc3-hmac-sha256 Credential=x"})
    void anAuthorizationThatIsNotTc3IsInvalidAuthorization(String authorization) throws Exception {
        Envelope.error(server.tc3().authorization(authorization).send(), "AuthFailure.InvalidAuthorization");
        Envelope.error(server.tc3().get("").authorization(authorization).send(), "AuthFailure.InvalidAuthorization");
    }

    static Stream<String> malformedTc3() {
        String sig = "a".repeat(64);
        String id = server.secretId() + "/" + Tc3Signer.dateOf(NOW);
        String ok = "/cvm/tc3_request, SignedHeaders=content-type;host, Signature=";
        return Stream.of(
                "Credential=" + id + "/cvm, SignedHeaders=content-type;host, Signature=" + sig,
                "Credential=" + id + "/cvm/tc3_request/x, SignedHeaders=content-type;host, Signature=" + sig,
                "Credential=" + id + "/cvm/tc4_request, SignedHeaders=content-type;host, Signature=" + sig,
                "SignedHeaders=content-type;host, Signature=" + sig,
                "Credential=" + id + "/cvm/tc3_request, Signature=" + sig,
                "Credential=" + id + "/cvm/tc3_request, SignedHeaders=content-type;host",
                "Credential=" + id + "/cvm/tc3_request, SignedHeaders=host, Signature=" + sig,
                "Credential=" + id + "/cvm/tc3_request, SignedHeaders=content-type, Signature=" + sig,
                "Credential=" + id + "/cvm/tc3_request, SignedHeaders=Content-Type;Host, Signature=" + sig,
                "Credential=" + id + "/cvm/tc3_request, SignedHeaders=content-type;;host, Signature=" + sig,
                "Credential=" + id + ok + "g".repeat(64),
                "Credential=" + id + ok + sig.substring(1));
    }

    @ParameterizedTest
    @MethodSource("malformedTc3")
    void aMalformedTc3AuthorizationIsInvalidAuthorization(String rest) throws Exception {
        Envelope.error(server.tc3().authorization("TC3-HMAC-SHA256 " + rest).send(), "AuthFailure.InvalidAuthorization");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "")
    void aJsonPostWithoutAuthorizationIsInvalidAuthorization(String authorization) throws Exception {
        Envelope.error(server.tc3().authorization(authorization).send(), "AuthFailure.InvalidAuthorization");
    }

    @Test
    void aTc3MultipartPostIsInvalidRequest() throws Exception {
        Envelope.error(server.tc3().contentType("multipart/form-data; boundary=xyz").send(), "InvalidRequest");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml", "application/jsonx"})
    void aTc3PostThatIsNotJsonIsInvalidParameter(String contentType) throws Exception {
        Envelope.error(server.tc3().contentType(contentType).send(), "InvalidParameter");
    }

    @Test
    void anUnsignedPostThatIsNeitherJsonNorFormIsInvalidParameter() throws Exception {
        Envelope.error(server.tc3().authorization(null).contentType("text/plain").send(), "InvalidParameter");
    }

    // --- §3 parameters and §4 common parameters

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1795663388.5", "1e9", "0x6B07E35C", "1795663388s"})
    void aTimestampThatIsNotAnIntegerIsInvalidParameter(String timestamp) throws Exception {
        assertThat(Envelope.errorMessage(server.tc3().header("X-TC-Timestamp", timestamp).send(), "InvalidParameter"))
                .contains("`X-TC-Timestamp`");
        assertThat(Envelope.errorMessage(server.v1().param("Timestamp", timestamp).send(), "InvalidParameter"))
                .contains("`Timestamp`");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "{\"Foo\":}", "{} {}", "[]", "[{}]", "\"text\"", "1", "null"})
    void aBodyThatIsNotAJsonObjectIsInvalidParameter(String body) throws Exception {
        Envelope.error(server.tc3().body(body).send(), "InvalidParameter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-5", "1.5", "12a", "0x1F"})
    void aNonceThatIsNotDigitsIsInvalidParameter(String nonce) throws Exception {
        assertThat(Envelope.errorMessage(server.v1().param("Nonce", nonce).send(), "InvalidParameter")).contains("`Nonce`");
    }

    @Test
    void aRepeatedFormKeyIsInvalidParameter() throws Exception {
        Envelope.error(server.v1().appendRaw("&Action=DescribeRegions").send(), "InvalidParameter");
        Envelope.error(server.v1().post().appendRaw("&Action=DescribeRegions").send(), "InvalidParameter");
        Envelope.error(server.tc3().get("Foo=1&Foo=2").send(), "InvalidParameter");
    }

    @Test
    void aKeyUsedAsScalarAndAsPrefixIsInvalidParameter() throws Exception {
        Envelope.error(server.v1().param("Limit", "1").param("Limit.0", "2").send(), "InvalidParameter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-TC-Action", "X-TC-Version", "X-TC-Timestamp"})
    void aMissingCommonHeaderIsMissingParameter(String header) throws Exception {
        assertThat(Envelope.errorMessage(server.tc3().header(header, null).send(), "MissingParameter"))
                .contains("`" + header + "`");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Action", "Version", "Timestamp", "Nonce", "SecretId"})
    void aMissingV1CommonParameterIsMissingParameter(String name) throws Exception {
        assertThat(Envelope.errorMessage(server.v1().param(name, null).send(), "MissingParameter")).contains("`" + name + "`");
    }

    @Test
    void aMissingV1SignatureIsMissingParameter() throws Exception {
        assertThat(Envelope.errorMessage(server.v1().withoutSignature().send(), "MissingParameter")).contains("`Signature`");
    }

    @Test
    void describeZonesWithoutRegionIsMissingParameter() throws Exception {
        assertThat(Envelope.errorMessage(server.tc3().action("DescribeZones").send(), "MissingParameter"))
                .contains("`Region`");
        assertThat(Envelope.errorMessage(server.tc3().action("DescribeZones").region("").send(), "MissingParameter"))
                .contains("`Region`");
        assertThat(Envelope.errorMessage(server.v1().action("DescribeZones").send(), "MissingParameter")).contains("`Region`");
    }

    // --- §5 and §6 authentication

    @ParameterizedTest
    @ValueSource(strings = {"AKID!bad", "AKID.bad", "AKID+bad", ""})
    void aSecretIdWithForeignCharactersIsInvalidSecretId(String secretId) throws Exception {
        Envelope.error(server.tc3().key(secretId, server.secretKey()).send(), "AuthFailure.InvalidSecretId");
        if (!secretId.isEmpty()) {
            Envelope.error(server.v1().secretId(secretId).send(), "AuthFailure.InvalidSecretId");
        }
    }

    @Test
    void anUnknownSecretIdIsSecretIdNotFound() throws Exception {
        Envelope.error(server.tc3().key("AKIDUNKNOWN0000000000", "someKey").send(), "AuthFailure.SecretIdNotFound");
        Envelope.error(server.v1().secretId("AKIDUNKNOWN0000000000").key("someKey").send(), "AuthFailure.SecretIdNotFound");
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, -86_400, 86_400})
    void aTimestampMoreThan300SecondsOffIsSignatureExpire(long skew) throws Exception {
        Envelope.error(server.tc3().timestamp(NOW + skew).send(), "AuthFailure.SignatureExpire");
        Envelope.error(server.v1().timestamp(NOW + skew).send(), "AuthFailure.SignatureExpire");
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, -299, 299, 300})
    void aTimestampAtMost300SecondsOffIsAccepted(long skew) throws Exception {
        Envelope.success(server.tc3().timestamp(NOW + skew).send());
        Envelope.success(server.v1().timestamp(NOW + skew).send());
    }

    @Test
    void aWrongSecretKeyIsSignatureFailure() throws Exception {
        assertThat(Envelope.errorMessage(server.tc3().key(server.secretId(), "wrong").send(), "AuthFailure.SignatureFailure"))
                .isEqualTo(
                "The provided credentials could not be validated. Please check your signature is correct.");
        Envelope.error(server.v1().key("wrong").send(), "AuthFailure.SignatureFailure");
        Envelope.error(server.v1().key("wrong").signatureMethod("HmacSHA256").post().send(), "AuthFailure.SignatureFailure");
    }

    @Test
    void aTamperedRequestIsSignatureFailure() throws Exception {
        Envelope.error(server.tc3().body("{}").sentBody("{ }").send(), "AuthFailure.SignatureFailure");
        Envelope.error(server.tc3().get("").header("Host", "127.0.0.1:1").signedHost("127.0.0.1:" + server.port()).send(),
                "AuthFailure.SignatureFailure");
        Envelope.error(server.v1().appendRaw("&Region=ap-guangzhou").send(), "AuthFailure.SignatureFailure");
        Envelope.error(server.v1().post().appendRaw("&Region=ap-guangzhou").send(), "AuthFailure.SignatureFailure");
        Envelope.error(server.v1().signature("EliP9YW3pW28FpsEdkXt/+WcGeI=").send(), "AuthFailure.SignatureFailure");
    }

    @ParameterizedTest
    @ValueSource(longs = {-86_400, 86_400})
    void aScopeDateOtherThanTheTimestampsIsSignatureFailure(long shift) throws Exception {
        Envelope.error(server.tc3().scopeDate(Tc3Signer.dateOf(NOW + shift)).send(), "AuthFailure.SignatureFailure");
    }

    @Test
    void aSignedHeaderMissingFromTheRequestIsSignatureFailure() throws Exception {
        Envelope.error(server.tc3().signedHeaders("content-type;host;x-tc-region").send(), "AuthFailure.SignatureFailure");
    }

    // --- §9.3 routing, version, action, region, unknown parameters

    @ParameterizedTest
    @ValueSource(strings = {"tke", "clb", "monitor", "cdb"})
    void aRealButUnservedProductIsNoSuchProduct(String service) throws Exception {
        Envelope.error(server.tc3().service(service).send(), "NoSuchProduct");
        String host = service + ".localhost:" + server.port();
        Envelope.error(server.v1().host(host).send(), "NoSuchProduct");
    }

    @Test
    void anotherVersionIsNoSuchVersion() throws Exception {
        Envelope.error(server.tc3().version("2018-01-01").send(), "NoSuchVersion");
        Envelope.error(server.v1().version("2018-01-01").send(), "NoSuchVersion");
    }

    @Test
    void anUnknownActionIsInvalidAction() throws Exception {
        Envelope.error(server.tc3().action("DescribeNothing").send(), "InvalidAction");
        Envelope.error(server.v1().action("DescribeNothing").post().send(), "InvalidAction");
    }

    @Test
    void aRegionOutsideTheCatalogueIsUnsupportedRegion() throws Exception {
        Envelope.error(server.tc3().action("DescribeZones").region("ap-mumbai").send(), "UnsupportedRegion");
        Envelope.error(server.v1().action("DescribeZones").region("ap-mumbai").send(), "UnsupportedRegion");
    }

    @Test
    void anUndeclaredParameterIsUnknownParameterNamingIt() throws Exception {
        assertThat(Envelope.errorMessage(server.tc3().body("{\"Foo\":1}").send(), "UnknownParameter")).contains("`Foo`");
        SignedRequest.Tc3 zones = server.tc3().action("DescribeZones").region("ap-guangzhou").body("{\"Foo\":1}");
        assertThat(Envelope.errorMessage(zones.send(),
                "UnknownParameter")).contains("`Foo`");
        assertThat(Envelope.errorMessage(server.tc3().get("Foo=1").send(), "UnknownParameter")).contains("`Foo`");
        assertThat(Envelope.errorMessage(server.v1().param("Foo", "1").send(), "UnknownParameter")).contains("`Foo`");
        assertThat(Envelope.errorMessage(server.v1().param("Foo", "1").post().send(), "UnknownParameter")).contains("`Foo`");
    }

    @Test
    void commonParameterNamesInATc3BodyAreUnknownParameters() throws Exception {
        assertThat(Envelope.errorMessage(server.tc3().body("{\"Region\":\"ap-guangzhou\"}").send(), "UnknownParameter"))
                .contains("`Region`");
    }

}
