package dev.localcvm.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output given as bytes is enveloped exactly as the record it stands for. */
class EnvelopeTest {
    private final ObjectMapper mapper = Json.newMapper();

    record Out(long totalCount, List<String> names) {
    }

    record Empty() {
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void partsAreSplicedLikeTheSerializedRecord() throws Exception {
        byte[] expected = Envelope.success(mapper, new Out(2, List.of("a", "é")), "req-1").bytes();
        byte[] whole = mapper.writeValueAsBytes(new Out(2, List.of("a", "é")));
        assertThat(Envelope.success(mapper, JsonOutput.of(whole), "req-1").bytes()).isEqualTo(expected);
        JsonOutput split = new JsonOutput(List.of(utf8("{\"TotalCount\":2,\"Names\":["), utf8("\"a\""), utf8(","),
                utf8("\"é\""), utf8("]}")));
        assertThat(Envelope.success(mapper, split, "req-1").bytes()).isEqualTo(expected);
        // Prepared once, sent many times: each answer has its own RequestId after the same shared bytes.
        JsonOutput prepared = JsonOutput.prepared(split.parts());
        assertThat(Envelope.success(mapper, prepared, "req-1").bytes()).isEqualTo(expected);
        ResponseBody again = Envelope.success(mapper, prepared, "req-9");
        assertThat(again.shared()).isNotNull();
        assertThat(again.length()).isEqualTo(expected.length);
        assertThat(new String(again.bytes(), StandardCharsets.UTF_8)).endsWith(",\"RequestId\":\"req-9\"}}");
        assertThat(Envelope.success(mapper, prepared, "req-1").bytes()).isEqualTo(expected);
        assertThat(new String(expected, StandardCharsets.UTF_8))
                .isEqualTo("{\"Response\":{\"TotalCount\":2,\"Names\":[\"a\",\"é\"],\"RequestId\":\"req-1\"}}");
    }

    @Test
    void anEmptyObjectGetsNoComma() {
        byte[] expected = Envelope.success(mapper, new Empty(), "req-2").bytes();
        assertThat(Envelope.success(mapper, JsonOutput.of(utf8("{}")), "req-2").bytes()).isEqualTo(expected);
        assertThat(Envelope.success(mapper, JsonOutput.prepared(List.of(utf8("{}"))), "req-2").bytes()).isEqualTo(expected);
        assertThat(Envelope.success(mapper, new JsonOutput(List.of(utf8("{"), utf8("}"))), "req-2").bytes()).isEqualTo(expected);
        assertThat(new String(expected, StandardCharsets.UTF_8)).isEqualTo("{\"Response\":{\"RequestId\":\"req-2\"}}");
    }
}
