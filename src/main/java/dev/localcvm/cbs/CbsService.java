package dev.localcvm.cbs;

import dev.localcvm.api.params.IdFormat;
import dev.localcvm.cvm.CvmService;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.ResourcePlan;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.store.DiskRepository;
import dev.localcvm.store.InstanceRepository;
import dev.localcvm.tag.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the cbs actions share: disk ids checked and loaded as they are now, the instances they attach to (read
 * through cvm, the one place cbs reaches into another product), and commits that map a lost compare-and-set
 * to {@code ResourceBusy}.
 */
public final class CbsService {
    static final Pattern DISK_ID = IdFormat.DISK.pattern();
    private final DiskRepository disks;
    private final CvmService cvm;
    private final Duration transitionDelay;

    public CbsService(DiskRepository disks, CvmService cvm, Duration transitionDelay) {
        this.disks = disks;
        this.cvm = cvm;
        this.transitionDelay = transitionDelay;
    }

    /**
     * Which of {@code ids} are disks of the account and region now, system disks included (the tag product's check,
     * made while it holds the rows locked: it only reads). A system disk is there while its instance is (a system
     * disk of an instance launched before system disk ids followed instance ids is not found).
     */
    public Set<String> existing(String uin, String region, Collection<String> ids, Instant now) {
        Set<String> out = disks.find(uin, region, ids, null).stream().map(Disk::diskId).collect(Collectors.toSet());
        List<String> owners = ids.stream().filter(id -> !out.contains(id)).map(ResourcePlan::instanceOfSystemDisk).toList();
        cvm.existing(uin, region, owners, now).forEach(i -> out.add(ResourcePlan.systemDiskId(i)));
        return out;
    }

    /** The tags of each of these disks that has any. */
    Map<String, List<Tag>> tagsOf(String uin, Collection<String> ids) {
        return disks.tagsOf(uin, ids);
    }

    /** The shape of a DiskIds list: present, at most {@code max}, each well-formed and given once. */
    static void checkIds(List<String> ids, int max) {
        if (ids == null) {
            throw ApiException.missingParameter("DiskIds");
        }
        if (ids.size() > max) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_LIMIT_EXCEEDED,
                    "At most " + max + " `DiskIds` may be given.");
        }
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!DISK_ID.matcher(id).matches()) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE, "`DiskIds` `"
                        + dev.localcvm.api.params.Checks.quote(id) + "` is malformed; a disk id is disk-xxxxxxxx.");
            }
            if (!seen.add(id)) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "The disk `" + id + "` is given more than once in `DiskIds`.");
            }
        }
    }

    /** Every given disk as it is at {@code now}, in request order; an unknown one is InvalidDiskId.NotFound. */
    List<Disk> load(String uin, String region, List<String> ids, Instant now) {
        Map<String, Disk> found = byId(find(uin, region, ids, null, now));
        List<Disk> batch = new ArrayList<>(ids.size());
        for (String id : ids) {
            Disk d = found.get(id);
            if (d == null) {
                throw ApiException.of(ErrorCode.INVALID_DISK_ID_NOT_FOUND, id);
            }
            batch.add(d);
        }
        return batch;
    }

    /**
     * Disks of an account and region at {@code now}, narrowed by ids and instances when given: data disks from
     * their rows, system disks from their instances.
     */
    List<Disk> find(String uin, String region, Collection<String> ids, Collection<String> instanceIds, Instant now) {
        // An instance whose end fell due takes or frees its disks when that end is recorded: record it first.
        cvm.sweep(uin, region, now);
        List<Disk> out = new ArrayList<>(disks.find(uin, region, ids, instanceIds).stream().map(d -> d.settle(now))
                .toList());
        if (ids != null) {
            Set<String> rows = byId(out).keySet();
            out.addAll(systemDisks(uin, region, ids.stream().filter(id -> !rows.contains(id)).toList(), now));
        } else {
            List<Instance> owners = instanceIds != null ? List.copyOf(cvm.load(uin, region, instanceIds, now).live()
                    .values()) : cvm.all(uin, region, now);
            owners.forEach(i -> out.add(Disk.systemDiskOf(i)));
        }
        return out;
    }

    /**
     * The system disks among {@code ids}: found through the instance their id names, or, for an instance launched
     * before system disk ids followed instance ids, among all the account's instances.
     */
    private List<Disk> systemDisks(String uin, String region, List<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> owners = ids.stream().map(ResourcePlan::instanceOfSystemDisk).toList();
        List<Disk> found = new ArrayList<>(cvm.load(uin, region, owners, now).live().values().stream()
                .map(Disk::systemDiskOf).filter(d -> ids.contains(d.diskId())).toList());
        if (found.size() < ids.size()) {
            Set<String> seen = found.stream().map(Disk::diskId).collect(Collectors.toSet());
            cvm.all(uin, region, now).stream().map(Disk::systemDiskOf)
                    .filter(d -> ids.contains(d.diskId()) && !seen.contains(d.diskId())).forEach(found::add);
        }
        return found;
    }

    private static Map<String, Disk> byId(List<Disk> list) {
        return list.stream().collect(Collectors.toMap(Disk::diskId, Function.identity(), (a, b) -> a));
    }

    /** The instance as it is now, or InvalidInstanceId.NotFound. */
    Instance instance(String uin, String region, String id, Instant now) {
        dev.localcvm.cvm.domain.InstanceIds.checkFormat(id);
        Instance i = cvm.load(uin, region, List.of(id), now).live().get(id);
        if (i == null) {
            throw ApiException.of(ErrorCode.INVALID_INSTANCE_ID_NOT_FOUND, id);
        }
        return i;
    }

    /** A disk change together with the instances it changes; a lost race answers ResourceBusy. */
    void commit(List<Instance> instances, List<Disk> updated, List<Disk> removed, Instant now) {
        try {
            cvm.instances().commit(InstanceRepository.Changes.of(instances, List.of(), now),
                    disks.save(updated, removed));
        } catch (InstanceRepository.ConflictException e) {
            throw new ApiException(ErrorCode.RESOURCE_BUSY, "A concurrent change won: " + e.getMessage() + ".");
        }
    }

    /** The transitional state now and the final one after D (at once when D is zero). */
    Disk begin(Disk d, Disk.State transitional, Disk.State target, String instanceId, Instant now) {
        if (transitionDelay.isZero()) {
            return d.with(target, target == Disk.State.UNATTACHED ? null : instanceId, null, null);
        }
        return d.with(transitional, instanceId, target, now.plus(transitionDelay));
    }
}
