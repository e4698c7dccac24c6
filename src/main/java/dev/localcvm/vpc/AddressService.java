package dev.localcvm.vpc;

import dev.localcvm.api.params.Checks;
import dev.localcvm.api.params.IdFormat;
import dev.localcvm.cvm.CvmService;
import dev.localcvm.cvm.ResourceIds;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.store.AddressRepository;
import dev.localcvm.store.InstanceRepository;
import dev.localcvm.tag.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the address actions share: reading an account's addresses as they are now, the id checks, and committing
 * a change set (addresses, their task and an instance's side) atomically.
 */
public final class AddressService {
    static final Pattern ADDRESS_ID = IdFormat.ADDRESS.pattern();
    static final Pattern INSTANCE_ID = IdFormat.INSTANCE.pattern();

    /**
     * @param transitionDelay D, how long CREATING, BINDING, UNBINDING and OFFLINING last
     * @param quota EIPs per account and region
     */
    public record Settings(Duration transitionDelay, int quota) {
    }

    private final AddressRepository addresses;
    private final InstanceSeam instances;
    private final Settings settings;
    private final CvmService cvm;
    private final ResourceIds ids = new ResourceIds();

    public AddressService(AddressRepository addresses, CvmService cvm, Settings settings) {
        this.addresses = addresses;
        this.cvm = cvm;
        this.instances = new InstanceSeam(cvm);
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    /** Which of {@code ids} are addresses of the account and region now (the tag product's check). */
    public Set<String> existing(String uin, String region, Collection<String> ids, Instant now) {
        return all(uin, region, now).stream().map(Address::id).filter(ids::contains).collect(Collectors.toSet());
    }

    /** The tags of each of these addresses that has any. */
    Map<String, List<Tag>> tagsOf(String uin, Collection<String> ids) {
        return addresses.tagsOf(uin, ids);
    }

    /** The account attributes (an account's own EIP quota) are kept with the other admin attributes, in cvm. */
    public CvmService cvm() {
        return cvm;
    }

    InstanceSeam instances() {
        return instances;
    }

    ResourceIds ids() {
        return ids;
    }

    /** The account's addresses in the region as they are at {@code now}, oldest first; released ones left out. */
    List<Address> all(String uin, String region, Instant now) {
        List<Address> live = new ArrayList<>();
        for (Address a : addresses.list(uin, region)) {
            a.settle(now).ifPresent(live::add);
        }
        return live;
    }

    /**
     * The named addresses, in the order given (duplicates once), after checking every id's format and then every
     * id's existence: a malformed id anywhere is reported before a missing one.
     */
    List<Address> existing(String uin, String region, String name, List<String> addressIds, Instant now) {
        if (addressIds == null || addressIds.isEmpty()) {
            throw ApiException.missingParameter(name);
        }
        Checks.count(name, addressIds, 100);
        checkIds(addressIds);
        Map<String, Address> byId = all(uin, region, now).stream()
                .collect(Collectors.toMap(Address::id, Function.identity()));
        List<Address> found = new ArrayList<>();
        for (String id : new LinkedHashSet<>(addressIds)) {
            Address a = byId.get(id);
            if (a == null) {
                throw ApiException.of(ErrorCode.INVALID_ADDRESS_ID_NOT_FOUND, id);
            }
            found.add(a);
        }
        return found;
    }

    Address existing(String uin, String region, String addressId, Instant now) {
        if (addressId == null) {
            throw ApiException.missingParameter("AddressId");
        }
        return existing(uin, region, "AddressId", List.of(addressId), now).get(0);
    }

    static void checkIds(List<String> addressIds) {
        for (String id : addressIds) {
            if (id == null) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_ADDRESS_ID_MALFORMED,
                        ErrorCode.INVALID_PARAMETER_VALUE_ADDRESS_ID_MALFORMED.message(null));
            }
            Checks.id(id, ADDRESS_ID, ErrorCode.INVALID_PARAMETER_VALUE_ADDRESS_ID_MALFORMED);
        }
    }

    /**
     * Saves new and changed addresses with a new task naming {@code taskAddresses}, and the instance's side when
     * given, in one transaction. Changed addresses are settled first, so with D = 0 they land (or go) at once.
     *
     * @return the task's number
     */
    long commit(String uin, String region, List<Address> inserts, List<Address> changed, List<String> taskAddresses,
                InstanceRepository.Changes instanceChanges, Instant now) {
        return commit(uin, region, inserts, changed, taskAddresses, instanceChanges, now, Integer.MAX_VALUE);
    }

    /** @param quota with inserts: the most addresses the account may hold in the region, checked as they commit */
    long commit(String uin, String region, List<Address> inserts, List<Address> changed, List<String> taskAddresses,
                InstanceRepository.Changes instanceChanges, Instant now, int quota) {
        List<Address> updates = new ArrayList<>();
        List<Address> deletes = new ArrayList<>();
        for (Address a : changed) {
            a.settle(now).ifPresentOrElse(updates::add, () -> deletes.add(a));
        }
        long taskId = taskAddresses == null ? 0 : ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
        AddressRepository.Task task = taskAddresses == null ? null
                : new AddressRepository.Task(taskId, uin, region, taskAddresses);
        try {
            addresses.commit(new AddressRepository.Changes(inserts, updates, deletes, task, instanceChanges, now, quota));
        } catch (AddressRepository.QuotaExceededException e) {
            throw ApiException.of(ErrorCode.ADDRESS_QUOTA_LIMIT_EXCEEDED, quota);
        } catch (AddressRepository.ConflictException e) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MUTEX_OPERATION_TASK_RUNNING,
                    "Another operation changed the resource meanwhile (" + e.getMessage() + "); try again.");
        }
        return taskId;
    }

    /** The task's addresses as they are now, or empty when the task is unknown in this account and region. */
    Optional<List<String>> task(String uin, String region, long taskId) {
        return addresses.task(uin, region, taskId).map(AddressRepository.Task::addressIds);
    }
}
