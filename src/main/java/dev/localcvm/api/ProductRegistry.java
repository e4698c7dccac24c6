package dev.localcvm.api;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Product routing (api3-protocol.md §9.3): a served product by name; a real Tencent product that
 * localcvm does not serve is {@code NoSuchProduct}; anything else (the SDKs' {@code 127} and
 * {@code localhost:4580} scope quirk) falls back to the default product, CVM.
 */
public final class ProductRegistry {
    /** Real Tencent Cloud product names that localcvm does not implement. */
    static final Set<String> UNSERVED = Set.of("as", "cam", "cbs", "clb", "cos", "lighthouse", "monitor",
            "region", "sts", "tag", "tke", "vpc", "cdb", "redis", "scf", "ssl", "dnspod", "billing", "ckafka");

    private final Map<String, Product> products = new HashMap<>();
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

    public Product route(String service) {
        Product p = products.get(service);
        if (p != null) {
            return p;
        }
        if (UNSERVED.contains(service)) {
            throw new ApiException(ErrorCode.NO_SUCH_PRODUCT, "The product `" + service + "` does not exist.");
        }
        return fallback;
    }

    /** v1 has no service: the first label of the Host decides ({@code vpc.example} → vpc). */
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
