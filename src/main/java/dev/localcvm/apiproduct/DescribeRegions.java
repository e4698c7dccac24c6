package dev.localcvm.apiproduct;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cvm.RegionCatalog;
import java.util.List;

/** api DescribeRegions {Product}: the regions of the product; like cvm's, it needs no Region. */
public final class DescribeRegions extends BaseAction<DescribeRegions.Request> {
    public DescribeRegions() {
        super("DescribeRegions", Request.class, 20, false);
    }

    public record Request(String product) {
    }

    /** The console-only fields (…MC) are null, as the documentation says they are for API callers. */
    public record RegionInfo(String region, String regionName, String regionState, Long regionTypeMC,
                             String locationMC, String regionNameMC, String regionIdMC) {
    }

    public record Response(long totalCount, List<RegionInfo> regionSet) {
    }

    @Override
    public boolean needsStore() {
        return false;
    }

    @Override
    public Response execute(Request request, CallContext context) {
        ApiProduct.checkProduct(request.product());
        List<RegionInfo> set = RegionCatalog.regions().stream()
                .map(r -> new RegionInfo(r.region(), r.name(context.language()), "AVAILABLE", null, null, null, null))
                .toList();
        return new Response(set.size(), set);
    }
}
