package dev.localcvm.vpc;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.api.params.IdFormat;
import dev.localcvm.error.ErrorCode;
import java.util.List;
import java.util.regex.Pattern;

/** DescribeBandwidthPackages: localcvm has no bandwidth packages, so the set is empty; the request is checked. */
public final class DescribeBandwidthPackages extends BaseAction<DescribeBandwidthPackages.Request> {
    private static final Pattern PACKAGE_ID = IdFormat.BANDWIDTH_PACKAGE.pattern();

    public DescribeBandwidthPackages() {
        super("DescribeBandwidthPackages", Request.class, 20);
    }

    public record Request(List<String> bandwidthPackageIds, List<NetworkQuery.Filter> filters, Long offset,
                          Long limit) {
    }

    public record Response(long totalCount, List<Object> bandwidthPackageSet) {
    }

    @Override
    public boolean needsStore() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        Checks.page(r.offset(), r.limit());
        Checks.ids(r.bandwidthPackageIds(), PACKAGE_ID,
                ErrorCode.INVALID_PARAMETER_VALUE_BANDWIDTH_PACKAGE_ID_MALFORMED);
        Checks.count("Filters", r.filters(), 10);
        return new Response(0, List.of());
    }
}
