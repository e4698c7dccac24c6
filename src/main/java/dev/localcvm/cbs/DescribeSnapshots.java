package dev.localcvm.cbs;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.api.params.IdFormat;
import dev.localcvm.error.ErrorCode;
import java.util.List;
import java.util.regex.Pattern;

/** DescribeSnapshots: localcvm takes no snapshots, so the set is empty; the request is still checked. */
public final class DescribeSnapshots extends BaseAction<DescribeSnapshots.Request> {
    private static final Pattern SNAPSHOT_ID = IdFormat.SNAPSHOT.pattern();

    public DescribeSnapshots() {
        super("DescribeSnapshots", Request.class, 20);
    }

    public record Request(List<String> snapshotIds, List<DescribeDisks.Filter> filters, Long offset, Long limit,
                          String order, String orderField) {
    }

    public record Response(long totalCount, List<Object> snapshotSet) {
    }

    @Override
    public boolean needsStore() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        Checks.page(r.offset(), r.limit());
        Checks.ids(r.snapshotIds(), SNAPSHOT_ID, ErrorCode.INVALID_PARAMETER_VALUE_SNAPSHOT_ID_MALFORMED);
        Checks.count("Filters", r.filters(), 10);
        return new Response(0, List.of());
    }
}
