package dev.localcvm.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing of the Authorization header, api3-protocol.md §5.3 step 1. */
class Tc3AuthorizationTest {
    private static final String SIG = "026435f23bd5c8831a2e4b9f41f1e0ae0ddae9b230e0c2ace793bacd6cdc85e4";

    private static String header(String credential, String signedHeaders, String signature) {
        return "TC3-HMAC-SHA256 Credential=" + credential + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
    }

    private static void assertRefused(String header) {
        assertThatThrownBy(() -> Tc3Authorization.parse(header))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.AUTH_INVALID_AUTHORIZATION));
    }

    @Test
    void validHeader() {
        Tc3Authorization auth = Tc3Authorization.parse(
                header("AKIDTESTID/2026-11-26/cvm/tc3_request", "content-type;host", SIG));
        assertThat(auth.secretId()).isEqualTo("AKIDTESTID");
        assertThat(auth.date()).isEqualTo("2026-11-26");
        assertThat(auth.service()).isEqualTo("cvm");
        assertThat(auth.signedHeaders()).isEqualTo("content-type;host");
        assertThat(auth.signedHeaderNames()).containsExactly("content-type", "host");
        assertThat(auth.signature()).isEqualTo(SIG);
    }

    @Test
    void serviceWithAPortIsKeptAsSent() {
        // Java and Node put "localhost:18080" in the scope (endpoint.split(".")[0]); it must survive intact.
        Tc3Authorization auth = Tc3Authorization.parse(
                header("AKIDTESTID/2026-11-26/localhost:18080/tc3_request", "content-type;host", SIG));
        assertThat(auth.service()).isEqualTo("localhost:18080");
    }

    @Test
    void partsMayComeInAnyOrderAndWithoutSpaces() {
        Tc3Authorization auth = Tc3Authorization.parse("TC3-HMAC-SHA256 Signature=" + SIG
                + ",SignedHeaders=content-type;host;x-tc-action,Credential=AKIDTESTID/2026-11-26/cvm/tc3_request");
        assertThat(auth.signedHeaderNames()).containsExactly("content-type", "host", "x-tc-action");
        assertThat(auth.secretId()).isEqualTo("AKIDTESTID");
    }

    @Test
    void signedHeadersKeepTheirOrderAsGiven() {
        // §5.3 step 8 canonicalizes "in the order given", so the parser must not sort.
        Tc3Authorization auth = Tc3Authorization.parse(
                header("AKIDTESTID/2026-11-26/cvm/tc3_request", "host;content-type", SIG));
        assertThat(auth.signedHeaderNames()).containsExactly("host", "content-type");
    }

    @Test
    void upperCaseHexSignatureIsNormalized() {
        Tc3Authorization auth = Tc3Authorization.parse(
                header("AKIDTESTID/2026-11-26/cvm/tc3_request", "content-type;host", SIG.toUpperCase()));
        assertThat(auth.signature()).isEqualTo(SIG);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "TC3-HMAC-SHA256",
            "tc3-hmac-sha256 Credential=AKIDTESTID/2026-11-26/cvm/tc3_request, SignedHeaders=content-type;host, Signature="
                    + SIG,
            "HMAC-SHA256 Credential=AKIDTESTID/2026-11-26/cvm/tc3_request, SignedHeaders=content-type;host, Signature="
                    + SIG,
            "Credential=AKIDTESTID/2026-11-26/cvm/tc3_request, SignedHeaders=content-type;host, Signature=" + SIG,
            "SKIP"
    })
    void missingOrWrongPrefix(String header) {
        assertRefused(header);
    }

    @Test
    void nullHeader() {
        assertRefused(null);
    }

    @Test
    void missingParts() {
        assertRefused("TC3-HMAC-SHA256 SignedHeaders=content-type;host, Signature=" + SIG);
        assertRefused("TC3-HMAC-SHA256 Credential=AKIDTESTID/2026-11-26/cvm/tc3_request, Signature=" + SIG);
        assertRefused("TC3-HMAC-SHA256 Credential=AKIDTESTID/2026-11-26/cvm/tc3_request, SignedHeaders=content-type;host");
        assertRefused("TC3-HMAC-SHA256 ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "AKIDTESTID/2026-11-26/tc3_request",             // 3 parts
            "AKIDTESTID/2026-11-26/cvm/extra/tc3_request",   // 5 parts
            "AKIDTESTID/2026-11-26/cvm/tc3_request/",        // 5 parts, the last empty
            "AKIDTESTID/2026-11-26/cvm/tc4_request",         // wrong terminator
            "AKIDTESTID/2026-11-26//tc3_request"             // empty service
    })
    void credentialWithoutExactlyFourParts(String credential) {
        assertRefused(header(credential, "content-type;host", SIG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type;Host", "content-type;Host", "host", "content-type",
            "content-type;x-tc-action", "", "content-type;;host", "content-type;host;"})
    void badSignedHeaders(String signedHeaders) {
        assertRefused(header("AKIDTESTID/2026-11-26/cvm/tc3_request", signedHeaders, SIG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "026435f2", SIG + "0", "026435f23bd5c8831a2e4b9f41f1e0ae0ddae9b230e0c2ace793bacd6cdc85eg",
            "026435f23bd5c8831a2e4b9f41f1e0ae0ddae9b230e0c2ace793bacd6cdc85e"})
    void signatureNot64HexDigits(String signature) {
        assertRefused(header("AKIDTESTID/2026-11-26/cvm/tc3_request", "content-type;host", signature));
    }
}
