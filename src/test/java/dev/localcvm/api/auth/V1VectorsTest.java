package dev.localcvm.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.api.params.FormCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signature v1 (api3-protocol.md §6) against the vectors of §7.3 and §7.5 (D1, D2). */
class V1VectorsTest {
    private static final String DOC_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    private static final String DOC_PLAIN = "GETcvm.tencentcloudapi.com/?Action=DescribeInstances"
            + "&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0&Region=ap-guangzhou"
            + "&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&Timestamp=1465185768&Version=2017-03-12";
    private static final String TEST_KEY = "TESTSECRETKEY";

    private static final String D1_BODY = "Action=DescribeInstances&Version=2017-03-12&Region=ap-guangzhou"
            + "&Timestamp=1795663388&Nonce=7363175755144590959&SecretId=AKIDTESTID&SignatureMethod=HmacSHA256"
            + "&RequestClient=SDK_PYTHON_3.1.162&Filters.0.Name=zone&Filters.0.Values.0=a+b%2Fc&Limit=2"
            + "&Signature=iUHKZKsY6FfWIlQmoXwwWebwQSEB9fqwe0J%2BoPeWlWY%3D";
    private static final String D1_PLAIN = "POSTlocalhost:18080/?Action=DescribeInstances&Filters.0.Name=zone"
            + "&Filters.0.Values.0=a b/c&Limit=2&Nonce=7363175755144590959&Region=ap-guangzhou"
            + "&RequestClient=SDK_PYTHON_3.1.162&SecretId=AKIDTESTID&SignatureMethod=HmacSHA256"
            + "&Timestamp=1795663388&Version=2017-03-12";
    private static final String D2_QUERY = "Action=DescribeInstances&Version=2017-03-12&Region=ap-guangzhou"
            + "&Timestamp=1795663388&Nonce=7363175755144590959&SecretId=AKIDTESTID"
            + "&RequestClient=SDK_PYTHON_3.1.162&Filters.0.Name=zone&Filters.0.Values.0=a%20b%2Fc&Limit=2"
            + "&Signature=lceAkHFDoBCaKPswit3qiu2%2FMJw%3D";

    /** The §7.3 parameters, deliberately not in sorted order. */
    private static Map<String, String> docParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Version", "2017-03-12");
        p.put("Timestamp", "1465185768");
        p.put("SecretId", "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE");
        p.put("Region", "ap-guangzhou");
        p.put("Offset", "0");
        p.put("Nonce", "11886");
        p.put("Limit", "20");
        p.put("InstanceIds.0", "ins-09dx96dg");
        p.put("Action", "DescribeInstances");
        return p;
    }

    @Test
    void docPlainTextIsSortedAndExcludesSignature() {
        Map<String, String> p = docParams();
        p.put("Signature", "EliP9YW3pW28FpsEdkXt/+WcGeI=");
        assertThat(V1Verifier.plainText("GET", "cvm.tencentcloudapi.com", p, false)).isEqualTo(DOC_PLAIN);
    }

    @Test
    void v1Sha1DocVector() {
        assertThat(V1Verifier.sign(DOC_PLAIN, DOC_KEY, null)).isEqualTo("EliP9YW3pW28FpsEdkXt/+WcGeI=");
        assertThat(V1Verifier.sign(DOC_PLAIN, DOC_KEY, "HmacSHA1")).isEqualTo("EliP9YW3pW28FpsEdkXt/+WcGeI=");
        Map<String, String> p = docParams();
        p.put("Signature", "EliP9YW3pW28FpsEdkXt/+WcGeI=");
        assertThat(V1Verifier.verify(p, DOC_KEY, "GET", "cvm.tencentcloudapi.com")).isTrue();
        // The English doc copy's value does not reproduce (§7.3).
        p.put("Signature", "v9MVG3fopp/gCsLSZ4gMFeYGgDU=");
        assertThat(V1Verifier.verify(p, DOC_KEY, "GET", "cvm.tencentcloudapi.com")).isFalse();
    }

    @Test
    void v1Sha256DocVector() {
        assertThat(V1Verifier.sign(DOC_PLAIN, DOC_KEY, "HmacSHA256"))
                .isEqualTo("bR/zQ3QqOmcEYeRv71IzG/NxfisUDgy9cqRMQC+UB5g=");
    }

    @Test
    void unknownSignatureMethodMeansSha1() {
        assertThat(V1Verifier.sign(DOC_PLAIN, DOC_KEY, "HmacSHA512")).isEqualTo("EliP9YW3pW28FpsEdkXt/+WcGeI=");
        assertThat(V1Verifier.sign(DOC_PLAIN, DOC_KEY, "hmacsha256")).isEqualTo("EliP9YW3pW28FpsEdkXt/+WcGeI=");
    }

    @Test
    void d1PostFormHmacSha256() {
        Map<String, String> p = FormCodec.decode(D1_BODY);
        assertThat(p.get("Signature")).isEqualTo("iUHKZKsY6FfWIlQmoXwwWebwQSEB9fqwe0J+oPeWlWY=");
        assertThat(p.get("Filters.0.Values.0")).isEqualTo("a b/c");
        assertThat(V1Verifier.plainText("POST", "localhost:18080", p, false)).isEqualTo(D1_PLAIN);
        assertThat(V1Verifier.sign(D1_PLAIN, TEST_KEY, "HmacSHA256"))
                .isEqualTo("iUHKZKsY6FfWIlQmoXwwWebwQSEB9fqwe0J+oPeWlWY=");
        assertThat(V1Verifier.verify(p, TEST_KEY, "POST", "localhost:18080")).isTrue();
    }

    @Test
    void d2GetHmacSha1() {
        Map<String, String> p = FormCodec.decode(D2_QUERY);
        assertThat(p).doesNotContainKey("SignatureMethod");
        assertThat(p.get("Signature")).isEqualTo("lceAkHFDoBCaKPswit3qiu2/MJw=");
        String plain = V1Verifier.plainText("GET", "localhost:18080", p, false);
        assertThat(plain).isEqualTo(D1_PLAIN.replace("POST", "GET").replace("&SignatureMethod=HmacSHA256", ""));
        assertThat(V1Verifier.sign(plain, TEST_KEY, null)).isEqualTo("lceAkHFDoBCaKPswit3qiu2/MJw=");
        assertThat(V1Verifier.verify(p, TEST_KEY, "GET", "localhost:18080")).isTrue();
    }

    @Test
    void methodIsPartOfThePlainText() {
        // D2 replayed as a POST must not verify.
        assertThat(V1Verifier.verify(FormCodec.decode(D2_QUERY), TEST_KEY, "POST", "localhost:18080")).isFalse();
    }

    @Test
    void wrongKey() {
        assertThat(V1Verifier.verify(FormCodec.decode(D1_BODY), "TESTSECRETKEZ", "POST", "localhost:18080")).isFalse();
        assertThat(V1Verifier.verify(FormCodec.decode(D2_QUERY), "TESTSECRETKEZ", "GET", "localhost:18080")).isFalse();
    }

    @Test
    void tamperedValue() {
        Map<String, String> p = new LinkedHashMap<>(FormCodec.decode(D1_BODY));
        p.put("Limit", "3");
        assertThat(V1Verifier.verify(p, TEST_KEY, "POST", "localhost:18080")).isFalse();
        Map<String, String> q = new LinkedHashMap<>(FormCodec.decode(D2_QUERY));
        q.put("Filters.0.Values.0", "a+b/c"); // the re-encoded form is not what was signed
        assertThat(V1Verifier.verify(q, TEST_KEY, "GET", "localhost:18080")).isFalse();
    }

    @Test
    void missingSignature() {
        Map<String, String> p = new LinkedHashMap<>(FormCodec.decode(D1_BODY));
        p.remove("Signature");
        assertThat(V1Verifier.verify(p, TEST_KEY, "POST", "localhost:18080")).isFalse();
    }

    private static Map<String, String> underscoreParams(String signature) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", "DescribeInstances");
        p.put("Some_Name", "x");
        p.put("Nonce", "1");
        p.put("SecretId", "AKIDTESTID");
        p.put("Timestamp", "1795663388");
        p.put("Version", "2017-03-12");
        p.put("Signature", signature);
        return p;
    }

    @Test
    void underscoreNameRule() {
        String base = "GETlocalhost:18080/?Action=DescribeInstances&Nonce=1&SecretId=AKIDTESTID&Some%sName=x"
                + "&Timestamp=1795663388&Version=2017-03-12";
        assertThat(V1Verifier.plainText("GET", "localhost:18080", underscoreParams("-"), false))
                .isEqualTo(base.formatted("_"));
        assertThat(V1Verifier.plainText("GET", "localhost:18080", underscoreParams("-"), true))
                .isEqualTo(base.formatted("."));
        // HMAC-SHA1 of the two plain texts with TESTSECRETKEY, computed outside this code base.
        String overDot = "2Mxp7T/Uy12bDCFVRC4HzQl0/4Y="; // Java/Python: "_" replaced by "."
        String overUnderscore = "u795nrvXaGGLiVAOvcadfFmJ8io="; // a client that signs the name as-is
        assertThat(V1Verifier.verify(underscoreParams(overDot), TEST_KEY, "GET", "localhost:18080")).isTrue();
        assertThat(V1Verifier.verify(underscoreParams(overUnderscore), TEST_KEY, "GET", "localhost:18080")).isTrue();
        assertThat(V1Verifier.verify(underscoreParams("AAAAAAAAAAAAAAAAAAAAAAAAAAA="), TEST_KEY, "GET",
                "localhost:18080")).isFalse();
    }

    @Test
    void hostWithoutPortFallback() {
        // Node signs the host without its port but sends it with the port. The signature below is the
        // HmacSHA256 of "GETlocalhost/?Action=...", computed outside this code base.
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", "DescribeInstances");
        p.put("Nonce", "1");
        p.put("SecretId", "AKIDTESTID");
        p.put("SignatureMethod", "HmacSHA256");
        p.put("Timestamp", "1795663388");
        p.put("Version", "2017-03-12");
        p.put("Signature", "tELKME5fmzZ3JK/6YgmO+BoN6ylMCQCXKYbNsnMLF/Y=");
        assertThat(V1Verifier.verify(p, TEST_KEY, "GET", "localhost:18080")).isTrue();
        assertThat(V1Verifier.verify(p, TEST_KEY, "GET", "localhost")).isTrue();
        // Another host, or one whose "port" cannot be stripped, gives nothing to fall back to.
        assertThat(V1Verifier.verify(p, TEST_KEY, "GET", "otherhost:18080")).isFalse();
        assertThat(V1Verifier.verify(p, TEST_KEY, "GET", "http://localhost:18080")).isFalse();
    }

    @Test
    void d1HostHeaderWithSurroundingSpacesIsTrimmed() {
        assertThat(V1Verifier.verify(FormCodec.decode(D1_BODY), TEST_KEY, "POST", " localhost:18080 ")).isTrue();
    }

    @Test
    void withoutPort() {
        assertThat(Crypto.withoutPort("localhost:18080")).isEqualTo("localhost");
        assertThat(Crypto.withoutPort("127.0.0.1:4580")).isEqualTo("127.0.0.1");
        assertThat(Crypto.withoutPort("[::1]:80")).isEqualTo("[::1]");
        assertThat(Crypto.withoutPort("http://localhost:18080")).isNull();
        assertThat(Crypto.withoutPort("example.com")).isNull();
        assertThat(Crypto.withoutPort("localhost:")).isNull();
        assertThat(Crypto.withoutPort("localhost:80a")).isNull();
        assertThat(Crypto.withoutPort("::1")).isNull(); // a bare IPv6 literal has no port
        assertThat(Crypto.withoutPort(":80")).isNull();
    }
}
