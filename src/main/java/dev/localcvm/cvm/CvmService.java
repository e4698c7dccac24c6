package dev.localcvm.cvm;

import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.store.AttributeRepository;
import dev.localcvm.store.FaultRepository;
import dev.localcvm.store.InstanceRepository;
import dev.localcvm.store.TagRepository;
import dev.localcvm.tag.ResourceName;
import dev.localcvm.tag.Tag;
import dev.localcvm.store.InstanceRepository.Changes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the CVM actions share: loading instances as they are now (due timers applied), committing a
 * batch atomically, fault injection at commit, and sweeping timers that fell due.
 */
public final class CvmService {
    /**
     * @param transitionDelay D, how long transitional states last
     * @param tombstoneWindow how long a destroyed id answers InstanceStateTerminated rather than NotFound
     */
    public record Settings(Duration transitionDelay, int defaultInstanceQuota, Duration tombstoneWindow,
                           boolean postpaidRecycleFirst) {
    }

    private final InstanceRepository instances;
    private final AttributeRepository attributes;
    private final FaultRepository faults;
    private final Settings settings;
    private final InstanceAddresses addresses;
    private final TagRepository tags;

    /** Without the other products: no elastic IPs and no tag store (tests of the instance store alone). */
    public CvmService(InstanceRepository instances, AttributeRepository attributes, FaultRepository faults,
                      Settings settings) {
        this(instances, attributes, faults, settings, InstanceAddresses.NONE, null);
    }

    public CvmService(InstanceRepository instances, AttributeRepository attributes, FaultRepository faults,
                      Settings settings, InstanceAddresses addresses, TagRepository tags) {
        this.addresses = addresses;
        this.tags = tags;
        this.instances = instances;
        this.attributes = attributes;
        this.faults = faults;
        this.settings = settings;
    }

    public InstanceRepository instances() {
        return instances;
    }

    public AttributeRepository attributes() {
        return attributes;
    }

    public FaultRepository faults() {
        return faults;
    }

    public Settings settings() {
        return settings;
    }

    public InstanceAddresses addresses() {
        return addresses;
    }

    /** Which of {@code ids} are instances of the account and region now (the tag product's check). */
    public Set<String> existing(String uin, String region, Collection<String> ids, Instant now) {
        return instances.findByIds(uin, region, ids).stream().filter(i -> i.settle(now).isPresent())
                .map(Instance::id).collect(Collectors.toSet());
    }

    /** The tags of each of these instances that has any, from the tag store. */
    public Map<String, List<Tag>> tagsOf(String uin, Collection<String> ids) {
        return tags == null ? Map.of() : tags.tagsOf(uin, ResourceName.Kind.INSTANCE, ids);
    }

    /** The batch's instances as they are at {@code now}, and which of the missing ids are tombstoned. */
    public record Loaded(Map<String, Instance> live, Set<String> tombstoned) {
    }

    public Loaded load(String uin, String region, Collection<String> ids, Instant now) {
        // Record what fell due first: otherwise the background sweeper may record it between this read and
        // the commit, and the request would lose a compare-and-set to a timer (a spurious TaskRunning).
        sweep(uin, region, now);
        Map<String, Instance> live = new HashMap<>();
        List<String> missing = new ArrayList<>();
        Map<String, Instance> stored = new HashMap<>();
        instances.findByIds(uin, region, ids).forEach(i -> stored.put(i.id(), i));
        for (String id : ids) {
            Optional<Instance> now0 = Optional.ofNullable(stored.get(id)).flatMap(i -> i.settle(now));
            if (now0.isPresent()) {
                live.put(id, now0.get());
            } else {
                missing.add(id);
            }
        }
        // An id destroyed by a timer that no sweep has recorded yet is still in the table: it is a tombstone too,
        // while its destruction is within the window (cvm-terminate.md §4.6).
        Instant since = now.minus(settings.tombstoneWindow());
        Set<String> tombstoned = new java.util.HashSet<>(instances.findTombstones(uin, region, missing, since));
        missing.stream().filter(stored::containsKey)
                .filter(id -> !stored.get(id).destroyedAt(now).isBefore(since)).forEach(tombstoned::add);
        return new Loaded(live, tombstoned);
    }

    /**
     * Phase 12: fault injection, then every change in one transaction. Changed instances are settled at
     * {@code now} first, so that with no transition delay they land at once.
     *
     * @param changed instances carrying the version they were loaded with
     */
    public void commit(String action, Collection<String> ids, List<Instance> changed, Instant now, String returnsUin,
                       int prepaidReturns) {
        injectFault(action, ids);
        List<Instance> updates = new ArrayList<>();
        List<Instance> destroyed = new ArrayList<>();
        for (Instance i : changed) {
            i.settle(now).ifPresentOrElse(updates::add, () -> destroyed.add(i));
        }
        try {
            instances.commit(new Changes(List.of(), updates, destroyed, now, returnsUin, prepaidReturns, null));
        } catch (InstanceRepository.ConflictException e) {
            throw new ApiException(ErrorCode.MUTEX_OPERATION_TASK_RUNNING,
                    "An identical job is running: " + e.getMessage() + ".");
        }
    }

    /**
     * Every live instance of the account and region with an address in the subnet, as it is at {@code now}: for
     * the vpc product's DescribeUsedIpAddress. The subnet is not a column, so the region's instances are read.
     */
    public List<Instance> inSubnet(String uin, String region, String subnetId, Instant now) {
        return all(uin, region, now).stream().filter(i -> subnetId.equals(i.spec().subnetId())).toList();
    }

    /** Every live instance of the account and region as it is at {@code now}: for other products' listings. */
    public List<Instance> all(String uin, String region, Instant now) {
        sweepBeforeRead(uin, region, now);
        return instances.page(uin, region, "", Map.of(), 0, -1, false, null).instances().stream()
                .flatMap(i -> i.settle(now).stream()).toList();
    }

    /** Fails the call with an injected code when a fault rule matches; nothing has changed yet. */
    public void injectFault(String action, Collection<String> ids) {
        Optional<String> code = faults.consume(action, ids);
        if (code.isPresent()) {
            throw ApiException.injected(code.get());
        }
    }

    /** Records what fell due in one account and region (before a write), or everywhere when uin is null. */
    public int sweep(String uin, String region, Instant now) {
        return sweep(uin, region, now, false);
    }

    /** {@link #sweep} before a read, which may then remember when the next timer is (InstanceRepository.findDue). */
    public int sweepBeforeRead(String uin, String region, Instant now) {
        return sweep(uin, region, now, true);
    }

    private int sweep(String uin, String region, Instant now, boolean read) {
        int total = 0;
        // Bounded: each round records up to 500 rows and removes them from what is due.
        for (int round = 0; round < 10_000; round++) {
            List<Instance> due = instances.findDue(uin, region, now, 500, read);
            if (due.isEmpty()) {
                return total;
            }
            List<Instance> updates = new ArrayList<>();
            List<Instance> destroyed = new ArrayList<>();
            for (Instance i : due) {
                i.settle(now).ifPresentOrElse(updates::add, () -> destroyed.add(i));
            }
            try {
                instances.commit(Changes.settled(updates, destroyed, now));
            } catch (InstanceRepository.ConflictException e) {
                // Another request or replica recorded (some of) these first; the next round sees what is left.
            }
            total += due.size();
            if (due.size() < 500) {
                return total;
            }
        }
        return total;
    }
}
