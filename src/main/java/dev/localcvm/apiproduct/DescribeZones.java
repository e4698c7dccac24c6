package dev.localcvm.apiproduct;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cvm.RegionCatalog;
import java.util.List;

/**
 * api DescribeZones {Product}: the request region's zones of the product, as cvm's DescribeZones lists them, with
 * the fields of the api model's ZoneInfo. Terraform's {@code tencentcloud_availability_zones_by_product} reads Zone,
 * ZoneId and ZoneState (footprint §3).
 */
public final class DescribeZones extends BaseAction<DescribeZones.Request> {
    public DescribeZones() {
        super("DescribeZones", Request.class, 20);
    }

    public record Request(String product) {
    }

    /** The console-only fields (…MC) are null and the parent-zone ones empty: our zones are plain availability zones. */
    public record ZoneInfo(String zone, String zoneName, String zoneId, String zoneState, String parentZone,
                           String parentZoneId, String parentZoneName, String zoneType, String machineRoomTypeMC,
                           String zoneIdMC) {
    }

    public record Response(long totalCount, List<ZoneInfo> zoneSet) {
    }

    @Override
    public boolean needsStore() {
        return false;
    }

    @Override
    public Response execute(Request request, CallContext context) {
        ApiProduct.checkProduct(request.product());
        List<ZoneInfo> set = RegionCatalog.region(context.region()).orElseThrow().zones().stream()
                .map(z -> new ZoneInfo(z.zone(), z.name(context.language()), z.zoneId(), z.state(), "", "", "", "availability-zone", null, null))
                .toList();
        return new Response(set.size(), set);
    }
}
