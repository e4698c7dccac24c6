package dev.localcvm.api.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The flattened form of api3-protocol.md §3.2: decoding and un-flattening. */
class FormCodecTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static void assertInvalidParameter(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }

    private static ObjectNode unflatten(String raw) {
        return FormCodec.unflatten(FormCodec.decode(raw));
    }

    private static String json(ObjectNode node) throws Exception {
        return MAPPER.writeValueAsString(node);
    }

    // ---- decode ----

    @Test
    void plusIsASpaceInQueriesAndBodiesAlike() {
        assertThat(FormCodec.decode("A=a+b&B=a%20b&C=a%2Bb")).containsExactly(
                Map.entry("A", "a b"), Map.entry("B", "a b"), Map.entry("C", "a+b"));
    }

    @Test
    void encodingsOfTheThreeSdksDecodeAlike() {
        // Java keeps "*" and escapes "~"; Python escapes "*"; Node sends "~" raw (§3.2).
        assertThat(FormCodec.decode("J=a+b%2Fc*%7E%27&P=a+b%2Fc%2A~%27&N=a%20b%2Fc*~'")).containsExactly(
                Map.entry("J", "a b/c*~'"), Map.entry("P", "a b/c*~'"), Map.entry("N", "a b/c*~'"));
    }

    @Test
    void utf8Chinese() {
        assertThat(FormCodec.decode("InstanceName=%E6%9C%AA%E5%91%BD%E5%90%8D"))
                .containsExactly(Map.entry("InstanceName", "未命名"));
    }

    @Test
    void namesAreDecodedToo() {
        assertThat(FormCodec.decode("Filters.0.Na%6De=zone")).containsOnlyKeys("Filters.0.Name");
    }

    @Test
    void keepsWireOrder() {
        assertThat(FormCodec.decode("Limit=2&InstanceIds.1=ins-2&InstanceIds.0=ins-1").keySet())
                .containsExactly("Limit", "InstanceIds.1", "InstanceIds.0");
    }

    @Test
    void emptyPairsAreSkippedAndKeyWithoutEqualsIsEmpty() {
        assertThat(FormCodec.decode("&&A=1&&B&C=&")).containsExactly(
                Map.entry("A", "1"), Map.entry("B", ""), Map.entry("C", ""));
        assertThat(FormCodec.decode("")).isEmpty();
        assertThat(FormCodec.decode(null)).isEmpty();
    }

    @Test
    void onlyTheFirstEqualsSplits() {
        assertThat(FormCodec.decode("Signature=abc%3D&X=a=b==")).containsExactly(
                Map.entry("Signature", "abc="), Map.entry("X", "a=b=="));
    }

    @Test
    void repeatedKeyIsRefused() {
        assertInvalidParameter(() -> FormCodec.decode("Limit=1&Limit=2"));
        // Same name after decoding.
        assertInvalidParameter(() -> FormCodec.decode("Limit=1&Lim%69t=1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A=%", "A=%2", "A=%ZZ", "A=a%G1b", "%=1", "A%4=1"})
    void malformedPercentIsRefused(String raw) {
        assertInvalidParameter(() -> FormCodec.decode(raw));
    }

    // ---- unflatten ----

    @Test
    void arrayOfScalars() throws Exception {
        assertThat(json(unflatten("InstanceIds.0=ins-1&InstanceIds.1=ins-2")))
                .isEqualTo("{\"InstanceIds\":[\"ins-1\",\"ins-2\"]}");
    }

    @Test
    void arrayOfObjectsWithNestedArray() throws Exception {
        assertThat(json(unflatten("Filters.0.Name=zone&Filters.0.Values.0=ap-guangzhou-3")))
                .isEqualTo("{\"Filters\":[{\"Name\":\"zone\",\"Values\":[\"ap-guangzhou-3\"]}]}");
    }

    @Test
    void j2QueryInHashMapOrderBuildsTheJ1Tree() throws Exception {
        String j2 = "Filters.0.Values.1=a+b%2Fc*%7E%27&Filters.0.Values.0=ap-guangzhou-3&Filters.0.Name=zone"
                + "&Limit=2&InstanceIds.1=ins-2&InstanceIds.0=ins-1";
        assertThat(unflatten(j2)).isEqualTo(MAPPER.readTree("{\"InstanceIds\":[\"ins-1\",\"ins-2\"],"
                + "\"Filters\":[{\"Name\":\"zone\",\"Values\":[\"ap-guangzhou-3\",\"a b/c*~'\"]}],\"Limit\":\"2\"}"));
    }

    @Test
    void oneBasedIndicesAreSortedAndClosed() throws Exception {
        assertThat(json(unflatten("InstanceIds.2=ins-2&InstanceIds.1=ins-1")))
                .isEqualTo("{\"InstanceIds\":[\"ins-1\",\"ins-2\"]}");
    }

    @Test
    void gappyIndicesSortNumericallyNotLexically() throws Exception {
        assertThat(json(unflatten("A.10=c&A.2=b&A.0=a&A.007=x")))
                .isEqualTo("{\"A\":[\"a\",\"b\",\"x\",\"c\"]}");
    }

    @Test
    void gappyIndicesInsideObjects() throws Exception {
        assertThat(json(unflatten("Filters.5.Values.3=v&Filters.5.Name=n&Filters.1.Name=m")))
                .isEqualTo("{\"Filters\":[{\"Name\":\"m\"},{\"Values\":[\"v\"],\"Name\":\"n\"}]}");
    }

    @Test
    void plainScalarsStayStrings() throws Exception {
        assertThat(json(unflatten("Limit=2&DryRun=True&Empty="))).isEqualTo("{\"Limit\":\"2\",\"DryRun\":\"True\",\"Empty\":\"\"}");
    }

    @Test
    void scalarAndPrefixConflict() {
        assertInvalidParameter(() -> unflatten("Limit=1&Limit.0=2"));
        assertInvalidParameter(() -> unflatten("Limit.0=2&Limit=1"));
    }

    @Test
    void indexAndFieldConflict() {
        assertInvalidParameter(() -> unflatten("A.0=x&A.B=y"));
        assertInvalidParameter(() -> unflatten("A.B=y&A.0=x"));
    }

    @Test
    void twoSpellingsOfOneIndexConflict() {
        assertInvalidParameter(() -> unflatten("A.7=x&A.07=y"));
    }

    @Test
    void emptySegmentIsRefused() {
        assertInvalidParameter(() -> unflatten("A..0=x"));
        assertInvalidParameter(() -> unflatten("A.=x"));
        assertInvalidParameter(() -> unflatten(".A=x"));
    }

    @Test
    void hugeIndexIsRefused() {
        assertInvalidParameter(() -> unflatten("A.99999999999999999999=x"));
    }

    @Test
    void unflattenOfNoPairsIsAnEmptyObject() throws Exception {
        assertThat(json(FormCodec.unflatten(new LinkedHashMap<>()))).isEqualTo("{}");
    }

    @Test
    void aKeyNestedDeeperThanTheLimitIsInvalidParameterNotAStackOverflow() {
        String deep = "Foo" + ".0".repeat(10_000);
        assertThatThrownBy(() -> FormCodec.unflatten(Map.of(deep, "1")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.getMessage()).hasSizeLessThan(200);
                });
        String deepest = "Foo" + ".0".repeat(FormCodec.MAX_DEPTH - 1);
        assertThat(FormCodec.unflatten(Map.of(deepest, "1")).toString()).contains("\"1\"");
    }
}
