package dev.localcvm.api;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The served products and which of them a request is for. */
public final class ProductRegistry {
    /** Real Tencent Cloud product names that localcvm does not implement. */
    static final Set<String> UNSERVED = Set.of("as", "clb", "cos", "lighthouse", "monitor",
            "region", "tke", "cdb", "redis", "scf", "ssl", "dnspod", "billing", "ckafka");

    private final Map<String, Product> products = new LinkedHashMap<>();
    private final Product fallback;

    public ProductRegistry(Product fallback, List<Product> others) {
        this.fallback = fallback;
        products.put(fallback.service(), fallback);
        others.forEach(p -> products.put(p.service(), p));
    }

    /** Every served product, the fallback included. */
    public Collection<Product> served() {
        return List.copyOf(products.values());
    }

    /** Whether every served action of this name works without the store. */
    public boolean storeFree(String action) {
        boolean found = false;
        for (Product p : products.values()) {
            Action<?> a = p.actions().get(action);
            if (a != null) {
                if (a.needsStore()) {
                    return false;
                }
                found = true;
            }
        }
        return found;
    }

    /**
     * The product of a request (issue 13, extending api3-protocol.md §9.3): the TC3 credential scope's service
     * when it names a product, then the first label of the Host ({@code vpc.localcvm.test} → vpc), then the
     * action: served by one product, that one; by several, the one of the requested version, else the default.
     * A real Tencent product that localcvm does not serve is {@code NoSuchProduct}. The SDKs' scope and Host
     * quirks ({@code 127}, {@code localhost:4580}) name no product and fall through to the action.
     *
     * @param scopeService the TC3 credential scope's service; null for signature v1
     */
    public Product route(String scopeService, String host, String action, String version) {
        Product named = named(scopeService);
        if (named == null) {
            named = named(serviceOfHost(host));
        }
        return named != null ? named : byAction(action, version);
    }

    private Product named(String service) {
        if (service == null) {
            return null;
        }
        Product p = products.get(service);
        if (p == null && UNSERVED.contains(service)) {
            throw new ApiException(ErrorCode.NO_SUCH_PRODUCT, "The product `" + service + "` does not exist.");
        }
        return p;
    }

    private Product byAction(String action, String version) {
        List<Product> serving = products.values().stream().filter(p -> p.actions().containsKey(action)).toList();
        if (serving.size() == 1) {
            return serving.get(0);
        }
        return serving.stream().filter(p -> p.version().equals(version)).findFirst().orElse(fallback);
    }

    /** The first label of a Host ({@code vpc.example:4580} → vpc). */
    public static String serviceOfHost(String host) {
        String h = host == null ? "" : host.trim();
        int scheme = h.indexOf("://");
        if (scheme >= 0) {
            h = h.substring(scheme + 3);
        }
        int dot = h.indexOf('.');
        return dot < 0 ? h : h.substring(0, dot);
    }
}
