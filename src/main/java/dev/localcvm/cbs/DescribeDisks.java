package dev.localcvm.cbs;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.tag.Tag;
import dev.localcvm.tag.TagFilters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * DescribeDisks: the account's disks in the request region, by DiskIds (unknown ids are left out) or Filters
 * (ANDed, the values of one ORed), newest first unless asked otherwise, paged by Offset and Limit.
 */
public final class DescribeDisks extends BaseAction<DescribeDisks.Request> {
    private static final Map<String, Function<Disk, String>> FILTERS = Map.of(
            "disk-id", Disk::diskId, "instance-id", d -> d.instanceId() == null ? "" : d.instanceId(),
            "disk-usage", d -> d.usage().name(), "disk-charge-type", Disk::chargeType,
            "disk-state", d -> d.state().name(), "zone", Disk::zone, "disk-type", Disk::diskType,
            "portable", d -> d.portable() ? "TRUE" : "FALSE", "disk-name", Disk::diskName, "project-id", d -> "0");
    private static final Set<String> ORDERS = Set.of("ASC", "DESC");
    private static final Set<String> ORDER_FIELDS = Set.of("CREATE_TIME", "DEADLINE");
    private final CbsService service;

    public DescribeDisks(CbsService service) {
        super("DescribeDisks", Request.class, 100);
        this.service = service;
    }

    public record Filter(String name, List<String> values) {
    }

    public record Request(List<String> diskIds, List<Filter> filters, Long offset, Long limit, String order,
                          String orderField, Boolean returnBindAutoSnapshotPolicy) {
    }

    public record Response(long totalCount, List<DiskView> diskSet) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        return CamResource.names("cvm", ctx, "volume", r.diskIds());
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        Checks.page(r.offset(), r.limit());
        Checks.oneOf("Order", r.order(), ORDERS);
        Checks.oneOf("OrderField", r.orderField(), ORDER_FIELDS);
        if (r.diskIds() != null && r.filters() != null) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "`DiskIds` and `Filters` cannot be given together.");
        }
        if (r.diskIds() != null) {
            CbsService.checkIds(r.diskIds(), 100);
        }
        List<String> byInstance = null;
        if (r.filters() != null) {
            Checks.count("Filters", r.filters(), 10);
            for (Filter f : r.filters()) {
                check(f);
                if (f.name().equals("instance-id")) {
                    byInstance = f.values();
                }
            }
        }
        List<Disk> found = service.find(ctx.account().uin(), ctx.region(), r.diskIds(), byInstance, ctx.now());
        Map<String, List<Tag>> tags = service.tagsOf(ctx.account().uin(), found.stream().map(Disk::diskId).toList());
        Stream<Disk> matched = found.stream().filter(d -> r.filters() == null
                || r.filters().stream().allMatch(f -> matches(f, d, tags.getOrDefault(d.diskId(), List.of()))));
        Comparator<Disk> order = "DEADLINE".equals(r.orderField())
                ? Comparator.comparing(d -> d.deadline() == null ? d.createdTime() : d.deadline())
                : Comparator.comparing(Disk::createdTime);
        order = order.thenComparing(Disk::diskId);
        List<Disk> all = matched.sorted("ASC".equals(r.order()) ? order : order.reversed()).toList();
        long offset = r.offset() == null ? 0 : r.offset();
        int limit = r.limit() == null ? 20 : r.limit().intValue();
        return new Response(all.size(), all.stream().skip(offset).limit(limit)
                .map(d -> DiskView.of(d, tags.getOrDefault(d.diskId(), List.of()), ctx.now())).toList());
    }

    private static void check(Filter f) {
        if (f.name() == null) {
            throw ApiException.missingParameter("Filters.Name");
        }
        if (!FILTERS.containsKey(f.name()) && !TagFilters.isTagFilter(f.name())) {
            throw ApiException.of(ErrorCode.INVALID_FILTER, Checks.quote(f.name()));
        }
        Checks.count("Filters.Values", f.values(), 5);
    }

    private static boolean matches(Filter f, Disk d, List<Tag> tags) {
        if (f.values() == null) {
            return false;
        }
        if (TagFilters.isTagFilter(f.name())) {
            return TagFilters.matches(f.name(), f.values(), tags);
        }
        return f.values().contains(FILTERS.get(f.name()).apply(d));
    }
}
