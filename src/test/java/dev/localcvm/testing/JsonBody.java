package dev.localcvm.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.CommonClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies for the SDK's generic client, written as key-value pairs in the order the request has them. */
public final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {
    }

    /** {@code keyValues} (name, value, name, value, …) as an ordered map; values may be lists and maps. */
    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < keyValues.length; k += 2) {
            m.put((String) keyValues[k], keyValues[k + 1]);
        }
        return m;
    }

    /** {@link #map} as JSON text. */
    public static String of(Object... keyValues) {
        try {
            return JSON.writeValueAsString(map(keyValues));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls {@code action} with {@link #of} the pairs through the SDK's generic client; answers its Response object. */
    public static JsonNode response(CommonClient client, String action, Object... keyValues) throws Exception {
        return JSON.readTree(client.call(action, of(keyValues))).path("Response");
    }
}
