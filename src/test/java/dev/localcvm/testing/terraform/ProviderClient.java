package dev.localcvm.testing.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import dev.localcvm.testing.JsonBody;
import dev.localcvm.testing.TestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The provider's API connection: one SDK {@link CommonClient} per product, each reaching localcvm as an HTTP proxy
 * with plain HTTP and the default root domain ({@link TestServer#commonThroughProxy}), which is how the provider
 * reaches it with {@code TENCENTCLOUD_PROTOCOL=HTTP} and {@code HTTP_PROXY}. Every call is logged, so that a
 * failure shows what was sent before it.
 */
public final class ProviderClient {
    public static final String REGION = "ap-guangzhou";
    /** The products and versions of the footprint §1. */
    public static final Map<String, String> VERSIONS = Map.of("cvm", "2017-03-12", "vpc", "2017-03-12",
            "cbs", "2017-03-12", "tag", "2018-08-13", "api", "2020-11-06");
    /**
     * Codes the provider's {@code tccommon.RetryError} retries at every call site (footprint §7); a call answering
     * one of them is tried again at the waiters' cadence, within ReadRetryTimeout.
     */
    static final Set<String> RETRYABLE = Set.of("RequestLimitExceeded", "ResourceInUse", "ResourceUnavailable",
            "ResourceBusy");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A call that answered an error: its code and message. */
    public static final class ApiError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        ApiError(String call, String code, String message) {
            super(call + " -> " + code + ": " + message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Map<String, CommonClient> clients = new LinkedHashMap<>();
    private final Waiter waiter;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    public ProviderClient(TestServer server, Waiter waiter) {
        VERSIONS.forEach((product, version) -> clients.put(product, server.commonThroughProxy(product, version, REGION)));
        this.waiter = waiter;
    }

    public Waiter waiter() {
        return waiter;
    }

    /** The calls made so far, in order, with their outcome. */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /**
     * Calls {@code product}'s {@code action} with {@code body}; answers {@code Response}. An error of a retryable
     * code is retried as the provider does; any other error is thrown as {@link ApiError}.
     */
    public JsonNode call(String product, String action, Map<String, Object> body) throws Exception {
        String what = product + " " + action;
        return waiter.retry(what + " (retryable errors)", Waiter.READ, () -> {
            try {
                return once(product, action, body);
            } catch (ApiError e) {
                if (RETRYABLE.contains(e.code())) {
                    throw new Waiter.Retry(e.getMessage());
                }
                throw e;
            }
        });
    }

    /** One call, no retry: answers {@code Response} or throws {@link ApiError}. */
    public JsonNode once(String product, String action, Map<String, Object> body) throws Exception {
        String json = JSON.writeValueAsString(body);
        String call = product + " " + VERSIONS.get(product) + " " + action + " " + json;
        String answer;
        try {
            answer = clients.get(product).call(action, json);
        } catch (TencentCloudSDKException e) {
            log.add(call + " -> " + e.getErrorCode() + ": " + e.getMessage());
            throw new ApiError(call, e.getErrorCode(), e.getMessage());
        }
        log.add(call + " -> OK");
        JsonNode response = JSON.readTree(answer).get("Response");
        if (response == null || !response.isObject()) {
            throw new AssertionError(call + ": no Response object in " + answer);
        }
        Fields.require(action, response, "RequestId");
        return response;
    }

    // ---- request bodies ----

    /** An ordered JSON object from key/value pairs. */
    public static Map<String, Object> body(Object... keyValues) {
        return JsonBody.map(keyValues);
    }

    /** A {@code Filter} of the cvm and vpc models: {@code {Name, Values}}. */
    public static Map<String, Object> filter(String name, String... values) {
        return body("Name", name, "Values", List.of(values));
    }

    /** Tags as the cvm and vpc models take them: {@code [{Key, Value}]}. */
    public static List<Map<String, Object>> tags(Map<String, String> tags) {
        List<Map<String, Object>> list = new ArrayList<>();
        tags.forEach((k, v) -> list.add(body("Key", k, "Value", v)));
        return list;
    }
}
