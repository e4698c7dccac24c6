package dev.localcvm.server;

import dev.localcvm.api.Product;
import dev.localcvm.server.AdminJson.BadRequest;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The account attribute {@code rateLimits}: {@code {"DescribeInstances": 100000, "cvm:RunInstances": 5000}}, the
 * requests per second each named action allows this account (per region, as the documented limits), in
 * place of the documented limit; {@code {}} or {@code null} returns to the documented limits. It exists so
 * that a load test can keep the limiter's bookkeeping on without being throttled by it.
 */
final class RateLimitsAttribute {
    static final String NAME = "rateLimits";
    private final Set<String> keys;

    /** @param served the products whose actions can be named, bare or as {@code service:Action} */
    RateLimitsAttribute(List<Product> served) {
        Set<String> k = new TreeSet<>();
        for (Product p : served) {
            for (String action : p.actions().keySet()) {
                k.add(action);
                k.add(p.service() + ':' + action);
            }
        }
        this.keys = Set.copyOf(k);
    }

    /**
     * The overrides the body sets, checked whole before anything changes: null when the body does not
     * name the attribute, else the new map (empty to remove them).
     */
    Map<String, Integer> parse(JsonObject body) {
        if (!body.containsKey(NAME)) {
            return null;
        }
        Object v = body.getValue(NAME);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof JsonObject limits)) {
            throw new BadRequest(NAME + " must be an object of action name -> requests per second (or null)");
        }
        Map<String, Integer> parsed = new HashMap<>();
        for (String action : limits.fieldNames()) {
            if (!keys.contains(action)) {
                throw new BadRequest(NAME + ": unknown action `" + dev.localcvm.api.params.Checks.quote(action)
                        + "`; name a served action, e.g. DescribeInstances or cvm:DescribeInstances");
            }
            // At least 1: a bucket of 0 cannot be built, and "refuse every call" is no rate limit.
            parsed.put(action, (int) AdminJson.wholeNumber(limits.getValue(action), 1, AdminJson.MAX_COUNT,
                    NAME + "." + action + " must be a whole number from 1 to " + AdminJson.MAX_COUNT));
        }
        return parsed;
    }

    /** The overrides as the admin answer shows them, in name order. */
    static JsonObject view(Map<String, Integer> overrides) {
        return new JsonObject(new TreeMap<String, Object>(overrides));
    }
}
