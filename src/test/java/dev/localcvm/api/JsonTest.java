package dev.localcvm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the store may hold from an earlier version must still render (issue 12). */
class JsonTest {
    record Tag(String key, String value) {
    }

    record View(String name, List<String> ids, List<Tag> tags) {
    }

    @Test
    void unpairedSurrogatesRenderAsReplacementCharactersInEveryPosition() throws Exception {
        View v = new View("n\ud800", List.of("a\udc00", "ok"), List.of(new Tag("\ud800", "v\ud800")));
        byte[] bytes = Json.newMapper().writeValueAsBytes(v);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("{\"Name\":\"n\uFFFD\",\"Ids\":[\"a\uFFFD\",\"ok\"],"
                + "\"Tags\":[{\"Key\":\"\uFFFD\",\"Value\":\"v\uFFFD\"}]}");
    }
}
