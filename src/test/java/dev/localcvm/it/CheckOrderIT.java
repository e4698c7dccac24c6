package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.api.auth.Tc3Signer;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.testing.Envelope;
import dev.localcvm.testing.RawHttp;
import dev.localcvm.testing.SignedRequest;
import dev.localcvm.testing.TestServer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway check order of api3-protocol.md §9.1: each request is wrong in two ways, and the error of
 * the earlier step must answer. Step numbers refer to §9.1.
 */
class CheckOrderIT {
    static final long NOW = 1_795_663_388L;
    static final String UNKNOWN_ID = "AKIDUNKNOWN0000000000";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config(), ServerClock.fixedAt(Instant.ofEpochSecond(NOW)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void methodBeforeSize() throws Exception {
        RawHttp.Response r = RawHttp.send(server.port(), "PUT", "/?Foo=" + "a".repeat(40_000), Map.of(), null);
        Envelope.error(r, "UnsupportedProtocol");
    }

    @Test
    void sizeBeforeMode() throws Exception {
        Envelope.error(server.tc3().get("").authorization("SKIP").header("X-Pad", "p".repeat(40_000)).send(),
                "RequestSizeLimitExceeded");
    }

    @Test
    void modeBeforeAuthorizationSyntax() throws Exception {
        Envelope.error(server.tc3().contentType("text/plain").authorization("TC3-HMAC-SHA256 Credential=x").send(),
                "InvalidParameter");
    }

    @Test
    void authorizationSyntaxBeforeCommonParameters() throws Exception {
        Envelope.error(server.tc3().action(null).authorization("TC3-HMAC-SHA256 Credential=x").send(),
                "AuthFailure.InvalidAuthorization");
    }

    @Test
    void commonParametersBeforeSecretId() throws Exception {
        Envelope.error(server.tc3().version(null).key(UNKNOWN_ID, "k").send(), "MissingParameter");
        Envelope.error(server.tc3().header("X-TC-Timestamp", "soon").key(UNKNOWN_ID, "k").send(), "InvalidParameter");
        Envelope.error(server.v1().param("Nonce", "n1").secretId(UNKNOWN_ID).send(), "InvalidParameter");
        Envelope.error(server.v1().action(null).secretId("AKID!bad").send(), "MissingParameter");
    }

    @Test
    void secretIdBeforeClockSkew() throws Exception {
        Envelope.error(server.tc3().key(UNKNOWN_ID, "k").timestamp(NOW - 3600).send(), "AuthFailure.SecretIdNotFound");
        Envelope.error(server.tc3().key("AKID!bad", "k").timestamp(NOW - 3600).send(), "AuthFailure.InvalidSecretId");
        Envelope.error(server.v1().secretId(UNKNOWN_ID).timestamp(NOW + 3600).send(), "AuthFailure.SecretIdNotFound");
    }

    @Test
    void secretIdBeforeVersion() throws Exception {
        Envelope.error(server.tc3().key(UNKNOWN_ID, "k").version("2018-01-01").send(), "AuthFailure.SecretIdNotFound");
        Envelope.error(server.v1().secretId(UNKNOWN_ID).version("2018-01-01").send(), "AuthFailure.SecretIdNotFound");
    }

    @Test
    void clockSkewBeforeSignature() throws Exception {
        Envelope.error(server.tc3().timestamp(NOW - 301).key(server.secretId(), "wrong").send(),
                "AuthFailure.SignatureExpire");
        Envelope.error(server.tc3().timestamp(NOW + 301).scopeDate(Tc3Signer.dateOf(NOW - 86_400)).send(),
                "AuthFailure.SignatureExpire");
        Envelope.error(server.v1().timestamp(NOW - 301).key("wrong").send(), "AuthFailure.SignatureExpire");
    }

    @Test
    void signatureBeforeProductVersionActionRegionAndParameters() throws Exception {
        SignedRequest.Tc3 everythingElseWrong = server.tc3().key(server.secretId(), "wrong").service("clb")
                .version("2018-01-01").action("DescribeNothing").region("ap-mumbai").body("{\"Foo\":1}");
        Envelope.error(everythingElseWrong.send(), "AuthFailure.SignatureFailure");
        Envelope.error(server.tc3().key(server.secretId(), "wrong").action("DescribeNothing").send(),
                "AuthFailure.SignatureFailure");
        Envelope.error(server.v1().key("wrong").action("DescribeNothing").send(), "AuthFailure.SignatureFailure");
    }

    @Test
    void productBeforeVersion() throws Exception {
        Envelope.error(server.tc3().service("clb").version("2018-01-01").send(), "NoSuchProduct");
        Envelope.error(server.v1().host("clb.localhost:" + server.port()).version("2018-01-01").send(), "NoSuchProduct");
    }

    @Test
    void versionBeforeAction() throws Exception {
        Envelope.error(server.tc3().version("2018-01-01").action("DescribeNothing").send(), "NoSuchVersion");
        Envelope.error(server.v1().version("2018-01-01").action("DescribeNothing").send(), "NoSuchVersion");
    }

    @Test
    void actionBeforeRegion() throws Exception {
        Envelope.error(server.tc3().action("DescribeNothing").region("ap-mumbai").send(), "InvalidAction");
    }

    @Test
    void regionBeforeParameters() throws Exception {
        String missing = Envelope.errorMessage(server.tc3().action("DescribeZones").body("{\"Foo\":1}").send(),
                "MissingParameter");
        assertThat(missing).contains("`Region`");
        Envelope.error(server.tc3().action("DescribeZones").region("ap-mumbai").body("{\"Foo\":1}").send(),
                "UnsupportedRegion");
        Envelope.error(server.v1().action("DescribeZones").region("ap-mumbai").param("Foo", "1").send(), "UnsupportedRegion");
    }

    @Test
    void bodySyntaxIsCheckedOnlyAfterAuthentication() throws Exception {
        Envelope.error(server.tc3().key(UNKNOWN_ID, "k").body("not json").send(), "AuthFailure.SecretIdNotFound");
        Envelope.error(server.tc3().key(server.secretId(), "wrong").body("[]").send(), "AuthFailure.SignatureFailure");
    }
}
