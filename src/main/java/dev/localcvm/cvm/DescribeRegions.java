package dev.localcvm.cvm;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.Language;
import java.util.List;

/** DescribeRegions: the region catalogue; needs no Region (cvm-terminate.md §11). */
public final class DescribeRegions extends BaseAction<DescribeRegions.Request> {
    public DescribeRegions() {
        super("DescribeRegions", Request.class, 20, false);
    }

    public record Request() {
    }

    public record RegionInfo(String region, String regionName, String regionState) {
    }

    public record Response(long totalCount, List<RegionInfo> regionSet) {
    }

    @Override
    public boolean needsStore() {
        return false;
    }

    @Override
    public Response execute(Request request, CallContext context) {
        boolean zh = context.language() == Language.ZH_CN;
        List<RegionInfo> set = RegionCatalog.regions().stream()
                .map(r -> new RegionInfo(r.region(), zh ? r.nameZh() : r.nameEn(), "AVAILABLE"))
                .toList();
        return new Response(set.size(), set);
    }
}
