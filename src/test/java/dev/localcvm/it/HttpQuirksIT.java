package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localcvm.testing.Envelope;
import dev.localcvm.testing.RawHttp;
import dev.localcvm.testing.SignedRequest;
import dev.localcvm.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What real clients send that a strict reading of the doc would refuse (api3-protocol.md §1, §2, §4,
 * §5.2, §6, §9.3), each of which must succeed; plus the response headers of §8 and the 404 off "/".
 */
class HttpQuirksIT {
    static TestServer server;
    static String port;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        port = Integer.toString(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A DescribeRegions success with the whole catalogue. */
    static JsonNode regions(RawHttp.Response r) {
        JsonNode response = Envelope.success(r);
        assertThat(response.path("TotalCount").asInt()).as(r.body()).isEqualTo(18);
        return response;
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:%s", "127.0.0.1", "localhost:%s", "cvm.localhost:%s", "http://127.0.0.1:%s"})
    void anyHostHeaderSignedAsSentIsAccepted(String host) throws Exception {
        regions(server.tc3().host(host.formatted(port)).send());
        regions(server.v1().host(host.formatted(port)).send());
    }

    @Test
    void nodeSignsTheHostWithoutItsPortAndTheScopeServiceUpToTheFirstDot() throws Exception {
        regions(server.tc3().signedHost("127.0.0.1").service("127").send());
        regions(server.tc3().host("localhost:" + port).signedHost("localhost").service("localhost:" + port).send());
        regions(server.v1().signedHost("127.0.0.1").send());
        regions(server.v1().signatureMethod("HmacSHA256").post().signedHost("127.0.0.1").send());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cvm", "127", "localhost:%s", "127.0.0.1:%s", "example"})
    void scopeServicesThatAreNoKnownProductReachCvm(String service) throws Exception {
        regions(server.tc3().service(service.formatted(port)).send());
    }

    @Test
    void unsignedPayloadIsAcceptedAndTheBodyStillParsed() throws Exception {
        regions(server.tc3().unsignedPayload().send());
        regions(server.tc3().unsignedPayload().body("").send());
        String message = Envelope.errorMessage(server.tc3().unsignedPayload().body("{\"Foo\":1}").send(), "UnknownParameter");
        assertThat(message).contains("`Foo`");
    }

    @Test
    void extraSignedHeadersAndAnyOrderOfSignedHeadersAreAccepted() throws Exception {
        regions(server.tc3().signedHeaders("content-type;host;x-tc-action").send());
        regions(server.tc3().signedHeaders("x-tc-timestamp;host;x-tc-version;content-type").send());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-8", "APPLICATION/JSON", "Application/Json;charset=UTF-8",
        "application/json ; charset=utf-8"})
    void jsonMediaTypesWithParametersOrInAnyCaseAreJson(String contentType) throws Exception {
        regions(server.tc3().contentType(contentType).send());
    }

    @Test
    void headerValuesSignedWithoutLowerCasingAreAccepted() throws Exception {
        regions(server.tc3().contentType("Application/JSON; Charset=UTF-8").keepCase().send());
        regions(server.tc3().host("LocalHost:" + port).signedHost("LocalHost").keepCase().send());
    }

    @Test
    void commonHeaderNamesAreCaseInsensitive() throws Exception {
        regions(server.tc3().action(null).version(null).header("x-tc-action", "DescribeRegions")
                .header("X-TC-VERSION", "2017-03-12").send());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "ap-guangzhou"})
    void describeRegionsNeedsNoRegion(String region) throws Exception {
        regions(server.tc3().region(region).send());
        regions(server.v1().region(region).send());
    }

    @Test
    void languageZhCnSelectsChineseNamesAndAnythingElseEnglish() throws Exception {
        assertThat(guangzhou(server.tc3().language("zh-CN"))).isEqualTo("华南地区(广州)");
        assertThat(guangzhou(server.v1().param("Language", "zh-CN").send())).isEqualTo("华南地区(广州)");
        JsonNode zones = Envelope.success(server.tc3().action("DescribeZones").region("ap-guangzhou").language("zh-CN")
                .send());
        assertThat(zones.path("ZoneSet").get(2).path("ZoneName").asText()).isEqualTo("广州三区");
        assertThat(guangzhou(server.tc3().language("en-US"))).isEqualTo("South China (Guangzhou)");
        assertThat(guangzhou(server.tc3().language("fr-FR"))).isEqualTo("South China (Guangzhou)");
        assertThat(guangzhou(server.tc3())).isEqualTo("South China (Guangzhou)");
    }

    static String guangzhou(SignedRequest.Tc3 request) throws Exception {
        return guangzhou(request.send());
    }

    static String guangzhou(RawHttp.Response response) {
        return StreamSupport.stream(regions(response).path("RegionSet").spliterator(), false)
                .filter(n -> n.path("Region").asText().equals("ap-guangzhou"))
                .map(n -> n.path("RegionName").asText()).findFirst().orElseThrow();
    }

    @Test
    void theTraceIdIsEchoedOnSuccessesAndErrors() throws Exception {
        String trace = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
        assertThat(server.tc3().header("X-TC-TraceId", trace).send().header("X-TC-TraceId")).isEqualTo(trace);
        RawHttp.Response error = server.tc3().header("X-TC-TraceId", trace).action("DescribeNothing").send();
        Envelope.error(error, "InvalidAction");
        assertThat(error.header("X-TC-TraceId")).isEqualTo(trace);
        RawHttp.Response rejected = RawHttp.send(server.port(), "DELETE", "/", Map.of("X-TC-TraceId", trace), null);
        Envelope.error(rejected, "UnsupportedProtocol");
        assertThat(rejected.header("X-TC-TraceId")).isEqualTo(trace);
        assertThat(server.tc3().send().header("X-TC-TraceId")).isNull();
    }

    @Test
    void everyResponseHasItsOwnRequestId() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Envelope.success(server.tc3().send()).path("RequestId").asText());
            ids.add(Envelope.valid(server.tc3().action("DescribeNothing").send()).path("RequestId").asText());
            ids.add(Envelope.valid(server.v1().action("DescribeNothing").send()).path("RequestId").asText());
        }
        assertThat(ids).hasSize(15);
    }

    @Test
    void aTc3GetReadsItsParametersFromTheQuery() throws Exception {
        regions(server.tc3().get("").send());
        Envelope.success(server.tc3().get("").action("DescribeZones").region("ap-beijing").send());
        String message = Envelope.errorMessage(server.tc3().get("Foo=a%20b").send(), "UnknownParameter");
        assertThat(message).contains("`Foo`");
    }

    @Test
    void aQueryOnAPostIsSignedButCarriesNoParameters() throws Exception {
        regions(server.tc3().query("Foo=1").send());
        regions(server.v1().post().postQuery("Foo=1").send());
    }

    @Test
    void anEmptyTc3BodyMeansNoParameters() throws Exception {
        regions(server.tc3().body("").send());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HmacSHA256", "HmacSHA1", "HmacMD5", "hmacsha256", ""})
    void v1SignsWithSha256OnlyForHmacSha256AndSha1Otherwise(String method) throws Exception {
        String algorithm = method.equals("HmacSHA256") ? "HmacSHA256" : "HmacSHA1";
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(server.secretKey().getBytes(StandardCharsets.UTF_8), algorithm));
        for (SignedRequest.V1 request : List.of(server.v1().signatureMethod(method), server.v1().signatureMethod(method).post())) {
            byte[] signature = mac.doFinal(request.plainText().getBytes(StandardCharsets.UTF_8));
            regions(request.signature(Base64.getEncoder().encodeToString(signature)).send());
        }
    }

    @Test
    void v1AcceptsWhatEachSdkAddsOrSends() throws Exception {
        regions(server.v1().param("Nonce", "7363175755144590959").param("RequestClient", "SDK_PYTHON_3.1.162").send());
        regions(server.v1().header("Content-Type", "application/x-www-form-urlencoded").send());
        regions(server.v1().header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").post().send());
        regions(server.v1().param("Token", "ignored-for-permanent-keys").send());
        regions(server.tc3().token("ignored-for-permanent-keys").send());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/foo", "/foo?Action=DescribeRegions", "/index.html", "//"})
    void pathsOtherThanTheRootAreNotFound(String target) throws Exception {
        assertThat(RawHttp.send(server.port(), "GET", target, Map.of(), null).status()).isEqualTo(404);
        assertThat(RawHttp.send(server.port(), "POST", target, Map.of("Content-Type", "application/json"),
                "{}".getBytes()).status()).isEqualTo(404);
    }
}
