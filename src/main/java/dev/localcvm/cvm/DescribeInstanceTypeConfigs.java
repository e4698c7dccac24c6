package dev.localcvm.cvm;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cvm.domain.InstanceTypeCatalog;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DescribeInstanceTypeConfigs: every catalogue type in every zone of the region (sold-out zones included: this
 * is the configuration list, the sell status is DescribeZoneInstanceConfigInfos'). The documentation allows one
 * value per filter.
 */
public final class DescribeInstanceTypeConfigs extends BaseAction<DescribeInstanceTypeConfigs.Request> {
    private static final CatalogFilters.Rules RULES = new CatalogFilters.Rules(
            Set.of("zone", "instance-family", "instance-type"), ErrorCode.INVALID_ZONE_MISMATCH_REGION, 1);

    public DescribeInstanceTypeConfigs() {
        super("DescribeInstanceTypeConfigs", Request.class, 40);
    }

    public record Request(List<CatalogFilters.Filter> filters) {
    }

    public record InstanceTypeConfig(String zone, String instanceType, String instanceFamily,
                                     @JsonProperty("GPU") long gpu,
                                     @JsonProperty("CPU") long cpu, long memory,
                                     @JsonProperty("FPGA") long fpga,
                                     double gpuCount) {
    }

    public record Response(List<InstanceTypeConfig> instanceTypeConfigSet) {
    }

    @Override
    public boolean needsStore() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        CatalogFilters filters = CatalogFilters.of(r.filters(), ctx.region(), RULES);
        List<InstanceTypeConfig> set = new ArrayList<>();
        for (RegionCatalog.Zone zone : RegionCatalog.region(ctx.region()).orElseThrow().zones()) {
            if (!filters.allows("zone", zone.zone())) {
                continue;
            }
            for (InstanceTypeCatalog.Type t : InstanceTypeCatalog.types()) {
                if (filters.allows(t)) {
                    set.add(new InstanceTypeConfig(zone.zone(), t.instanceType(), t.family().family(), t.gpu(),
                            t.cpu(), t.memory(), 0, t.gpu()));
                }
            }
        }
        return new Response(set);
    }
}
