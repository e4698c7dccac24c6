package dev.localcvm.api.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Binding the canonical tree into request records, api3-protocol.md §3.1, §3.3, §3.4. */
class ParamBinderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ParamBinder STRICT = new ParamBinder(false);

    record Filter(String name, List<String> values) {
    }

    record Req(List<String> instanceIds, List<Filter> filters, Long offset, Integer limit, Boolean dryRun,
               Double ratio) {
    }

    record Renamed(@Param("IPv6Address") String ipv6Address) {
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Req bindJson(String text) {
        return STRICT.bind(json(text), Req.class);
    }

    private static Req bindForm(String raw) {
        return STRICT.bind(FormCodec.unflatten(FormCodec.decode(raw)), Req.class);
    }

    private static void assertError(Runnable call, ErrorCode code, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOf(ApiException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(code));
    }

    private static void assertTypeError(String body, String path) {
        assertError(() -> bindJson(body), ErrorCode.INVALID_PARAMETER, "Parameter `" + path + "` type error.");
    }

    private static final Req EXPECTED = new Req(List.of("ins-1", "ins-2"),
            List.of(new Filter("zone", List.of("ap-guangzhou-3", "a b/c*~'"))), 5L, 2, true, 0.5);

    @Test
    void bindsFromJson() {
        Req r = bindJson("{\"InstanceIds\":[\"ins-1\",\"ins-2\"],\"Filters\":[{\"Name\":\"zone\",\"Values\":"
                + "[\"ap-guangzhou-3\",\"a b/c*~'\"]}],\"Offset\":5,\"Limit\":2,\"DryRun\":true,\"Ratio\":0.5}");
        assertThat(r).isEqualTo(EXPECTED);
    }

    @Test
    void bindsFromAnUnflattenedForm() {
        // Wire order is irrelevant, and every form value is a string (§3.3).
        Req r = bindForm("Ratio=0.5&DryRun=true&Filters.0.Values.1=a+b%2Fc*%7E%27&Limit=2"
                + "&Filters.0.Values.0=ap-guangzhou-3&Filters.0.Name=zone&Offset=5&InstanceIds.1=ins-2&InstanceIds.0=ins-1");
        assertThat(r).isEqualTo(EXPECTED);
    }

    @Test
    void numericStringsAreAcceptedForIntegers() {
        Req r = bindJson("{\"Offset\":\"-7\",\"Limit\":\"20\"}");
        assertThat(r.offset()).isEqualTo(-7L);
        assertThat(r.limit()).isEqualTo(20);
        assertThat(bindJson("{\"Offset\":9223372036854775807}").offset()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2.0\"", "\"1e3\"", "\" 2\"", "\"+2\"", "\"\"", "\"two\"", "2.5", "true", "[2]", "{}"})
    void nonIntegersAreTypeErrors(String value) {
        assertTypeError("{\"Limit\":" + value + "}", "Limit");
    }

    @Test
    void integerOverflow() {
        assertTypeError("{\"Limit\":3000000000}", "Limit");
        assertTypeError("{\"Limit\":\"3000000000\"}", "Limit");
        assertTypeError("{\"Offset\":9223372036854775808}", "Offset");
        assertError(() -> bindForm("Offset=-9223372036854775809"), ErrorCode.INVALID_PARAMETER,
                "Parameter `Offset` type error.");
    }

    @Test
    void booleansInAnyCase() {
        // Python sends True/False in form and query mode (§11.3).
        assertThat(bindForm("DryRun=True").dryRun()).isTrue();
        assertThat(bindForm("DryRun=false").dryRun()).isFalse();
        assertThat(bindForm("DryRun=TRUE").dryRun()).isTrue();
        assertThat(bindJson("{\"DryRun\":\"False\"}").dryRun()).isFalse();
        assertThat(bindJson("{\"DryRun\":false}").dryRun()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yes\"", "\"1\"", "1", "0", "\"\"", "[true]"})
    void nonBooleansAreTypeErrors(String value) {
        assertTypeError("{\"DryRun\":" + value + "}", "DryRun");
    }

    @Test
    void floats() {
        assertThat(bindJson("{\"Ratio\":2}").ratio()).isEqualTo(2.0);
        assertThat(bindForm("Ratio=-1.25").ratio()).isEqualTo(-1.25);
        assertTypeError("{\"Ratio\":\"abc\"}", "Ratio");
        assertTypeError("{\"Ratio\":true}", "Ratio");
    }

    @Test
    void jsonNumberWhereAStringBelongs() {
        assertTypeError("{\"InstanceIds\":[\"ins-1\",5]}", "InstanceIds.1");
        assertTypeError("{\"Filters\":[{\"Name\":\"zone\",\"Values\":[\"a\",5]}]}", "Filters.0.Values.1");
        assertTypeError("{\"Filters\":[{\"Name\":1}]}", "Filters.0.Name");
    }

    @Test
    void scalarWhereAnArrayBelongs() {
        assertTypeError("{\"InstanceIds\":\"ins-1\"}", "InstanceIds");
        assertError(() -> bindForm("InstanceIds=ins-1"), ErrorCode.INVALID_PARAMETER,
                "Parameter `InstanceIds` type error.");
        assertTypeError("{\"Filters\":[{\"Name\":\"zone\",\"Values\":\"a\"}]}", "Filters.0.Values");
    }

    @Test
    void objectWhereAScalarBelongs() {
        assertTypeError("{\"Limit\":{\"A\":1}}", "Limit");
        assertTypeError("{\"InstanceIds\":[{\"A\":1}]}", "InstanceIds.0");
        assertError(() -> bindForm("Limit.A=1"), ErrorCode.INVALID_PARAMETER, "Parameter `Limit` type error.");
    }

    @Test
    void scalarWhereAnObjectBelongs() {
        assertTypeError("{\"Filters\":[\"zone\"]}", "Filters.0");
        assertError(() -> bindForm("Filters.0=zone"), ErrorCode.INVALID_PARAMETER,
                "Parameter `Filters.0` type error.");
    }

    @Test
    void nullElementInsideAnArrayIsATypeError() {
        assertTypeError("{\"InstanceIds\":[\"ins-1\",null]}", "InstanceIds.1");
    }

    @Test
    void unknownTopLevelName() {
        assertError(() -> bindJson("{\"Limit\":1,\"Foo\":1}"), ErrorCode.UNKNOWN_PARAMETER,
                "The parameter `Foo` is not recognized.");
        // Names are case-sensitive (§3.1).
        assertError(() -> bindJson("{\"limit\":1}"), ErrorCode.UNKNOWN_PARAMETER,
                "The parameter `limit` is not recognized.");
        // In v3, common names inside the body are ordinary, hence unknown, parameters (§3.4).
        assertError(() -> bindJson("{\"Action\":\"DescribeInstances\"}"), ErrorCode.UNKNOWN_PARAMETER,
                "The parameter `Action` is not recognized.");
    }

    @Test
    void unknownNestedName() {
        assertError(() -> bindJson("{\"Filters\":[{\"Name\":\"zone\",\"Foo\":\"x\"}]}"), ErrorCode.UNKNOWN_PARAMETER,
                "The parameter `Filters.0.Foo` is not recognized.");
        assertError(() -> bindForm("Filters.0.Name=zone&Filters.1.Foo=x"), ErrorCode.UNKNOWN_PARAMETER,
                "The parameter `Filters.1.Foo` is not recognized.");
    }

    @Test
    void unknownNameEvenWhenNullOrEmpty() {
        // Absence rules apply to declared names only; an undeclared name is still reported.
        assertError(() -> bindJson("{\"Foo\":null}"), ErrorCode.UNKNOWN_PARAMETER,
                "The parameter `Foo` is not recognized.");
    }

    @Test
    void nullAndEmptyArrayCountAsAbsent() {
        Req r = bindJson("{\"InstanceIds\":[],\"Filters\":null,\"Limit\":null,\"DryRun\":null,\"Ratio\":null,"
                + "\"Offset\":null}");
        assertThat(r).isEqualTo(new Req(null, null, null, null, null, null));
        // Inside an element too.
        assertThat(bindJson("{\"Filters\":[{\"Name\":\"zone\",\"Values\":[]}]}").filters())
                .containsExactly(new Filter("zone", null));
        assertThat(bindJson("{}")).isEqualTo(new Req(null, null, null, null, null, null));
    }

    @Test
    void emptyArrayCountsAsAbsentEvenForAScalarSlot() {
        assertThat(bindJson("{\"Limit\":[]}").limit()).isNull();
    }

    @Test
    void lenientBinderIgnoresUnknownNames() {
        Req r = new ParamBinder(true).bind(json("{\"Limit\":1,\"Foo\":1,\"Filters\":[{\"Name\":\"zone\",\"Bar\":2}]}"),
                Req.class);
        assertThat(r).isEqualTo(new Req(null, List.of(new Filter("zone", null)), null, 1, null, null));
    }

    @Test
    void lenientBinderStillChecksTypes() {
        assertError(() -> new ParamBinder(true).bind(json("{\"Limit\":\"x\",\"Foo\":1}"), Req.class),
                ErrorCode.INVALID_PARAMETER, "Parameter `Limit` type error.");
    }

    @Test
    void paramAnnotationOverridesTheWireName() {
        assertThat(STRICT.bind(json("{\"IPv6Address\":\"::1\"}"), Renamed.class).ipv6Address()).isEqualTo("::1");
        assertError(() -> STRICT.bind(json("{\"Ipv6Address\":\"::1\"}"), Renamed.class), ErrorCode.UNKNOWN_PARAMETER,
                "The parameter `Ipv6Address` is not recognized.");
    }

    @Test
    void boundListsAreImmutable() {
        List<String> ids = bindJson("{\"InstanceIds\":[\"ins-1\"]}").instanceIds();
        assertThatThrownBy(() -> ids.add("ins-2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"Filters\":[{\"Name\":\"\\ud800\"}]}", "{\"InstanceIds\":[\"a\\udc00\"]}"})
    void aStringWithAnUnpairedSurrogateIsRefusedByPath(String body) {
        assertThatThrownBy(() -> bindJson(body)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
            assertThat(e.getMessage()).containsAnyOf("`Filters.0.Name`", "`InstanceIds.0`");
        });
    }

    @Test
    void aPairedSurrogateIsText() {
        assertThat(bindJson("{\"InstanceIds\":[\"\\ud83d\\ude00\"]}").instanceIds()).containsExactly("\ud83d\ude00");
    }

    @Test
    void aTextualIntegerOfThousandsOfDigitsIsATypeErrorNotAParse() {
        assertThatThrownBy(() -> bindJson("{\"Offset\":\"" + "9".repeat(100_000) + "\"}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("`Offset`"));
    }

    @Test
    void anInfiniteDecimalIsATypeError() {
        assertThatThrownBy(() -> bindJson("{\"Ratio\":\"1e400\"}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("`Ratio`"));
    }
}
