package dev.localcvm.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.localcvm.api.params.Checks;
import java.io.IOException;

/** The one JSON configuration: response records serialize with the API's PascalCase names. */
public final class Json {
    /**
     * Writes a string with any unpaired surrogate replaced by U+FFFD. Requests cannot store one any more, but
     * rows written by an earlier version may hold one, and UTF-8 output cannot carry it: a response must never
     * fail because of what the store holds.
     */
    private static final class WellFormedText extends StdSerializer<String> {
        WellFormedText() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Checks.wellFormedCopy(value));
        }
    }

    private Json() {
    }

    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new SimpleModule("well-formed-text").addSerializer(String.class, new WellFormedText()))
                .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }
}
