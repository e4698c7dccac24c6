package dev.localcvm.cvm;

import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceIds;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.store.InstanceRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The paging and ordering DescribeInstances and DescribeInstancesStatus share (cvm-terminate.md §8). */
final class InstanceLister {
    private final CvmService service;

    InstanceLister(CvmService service) {
        this.service = service;
    }

    record Page(long totalCount, List<Instance> instances) {
    }

    static long offset(Long offset) {
        if (offset != null && offset < 0) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE, "`Offset` must not be negative.");
        }
        return offset == null ? 0 : offset;
    }

    static int limit(Long limit) {
        if (limit != null && (limit < 1 || limit > 100)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE, "`Limit` must be between 1 and 100.");
        }
        return limit == null ? 20 : limit.intValue();
    }

    /** The given ids in request order, each once, absent when unknown or destroyed. */
    Page byIds(String uin, String region, List<String> ids, long offset, int limit, Instant now) {
        InstanceIds.check(ids, true);
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<String, Instance> found = service.instances().findByIds(uin, region, unique).stream()
                .collect(Collectors.toMap(Instance::id, Function.identity()));
        List<Instance> live = new ArrayList<>();
        for (String id : unique) {
            Instance stored = found.get(id);
            if (stored != null) {
                stored.settle(now).ifPresent(live::add);
            }
        }
        return slice(live, offset, limit);
    }

    /** Every instance of the account and region that the query matches, newest first. */
    Page byQuery(String uin, String region, InstanceQuery query, long offset, int limit, Instant now) {
        service.sweepBeforeRead(uin, region, now);
        String where = query.where.toString();
        if (query.predicates.isEmpty()) {
            Long total = query.countsByZoneOnly() ? service.instances().countInZones(uin, region, query.zones) : null;
            InstanceRepository.Page page = service.instances().page(uin, region, where, query.params, offset, limit,
                    query.singleZone != null, total);
            return new Page(page.totalCount(), page.instances());
        }
        List<Instance> all = service.instances().page(uin, region, where, query.params, 0, -1, false, null).instances();
        return slice(all.stream().filter(query::matches).toList(), offset, limit);
    }

    private static Page slice(List<Instance> all, long offset, int limit) {
        int from = (int) Math.min(offset, all.size());
        return new Page(all.size(), all.subList(from, Math.min(all.size(), from + limit)));
    }
}
