package dev.localcvm.cvm;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import java.util.List;

/** DescribeZones: the request region's zones, sold-out ones included as UNAVAILABLE. */
public final class DescribeZones extends BaseAction<DescribeZones.Request> {
    public DescribeZones() {
        super("DescribeZones", Request.class, 20);
    }

    public record Request() {
    }

    public record ZoneInfo(String zone, String zoneName, String zoneId, String zoneState) {
    }

    public record Response(long totalCount, List<ZoneInfo> zoneSet) {
    }

    @Override
    public boolean needsStore() {
        return false;
    }

    @Override
    public Response execute(Request request, CallContext context) {
        List<ZoneInfo> set = RegionCatalog.region(context.region()).orElseThrow().zones().stream()
                .map(z -> new ZoneInfo(z.zone(), z.name(context.language()), z.zoneId(), z.state()))
                .toList();
        return new Response(set.size(), set);
    }
}
