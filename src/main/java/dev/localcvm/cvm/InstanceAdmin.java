package dev.localcvm.cvm;

import dev.localcvm.api.params.Checks;
import dev.localcvm.cvm.domain.ChargeType;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin side of instances (cvm-terminate.md §2 "admin attributes"): hidden flags, states only the
 * platform causes, and recovery from the recycle bin. Platform events leave LatestOperation* alone.
 */
public final class InstanceAdmin {
    private final CvmService service;

    public InstanceAdmin(CvmService service) {
        this.service = service;
    }

    /** Refusal of an admin change: the message says which attribute and why. */
    public static final class BadAttribute extends RuntimeException {
        public BadAttribute(String message) {
            super(message, null, false, false);
        }
    }

    public Optional<Instance> find(String id, Instant now) {
        return service.instances().findById(id).flatMap(i -> i.settle(now));
    }

    /**
     * Applies the given attributes: booleans frozen, banned, foreignOwner, notSupported, specialType,
     * taskRunning, returnable, disableApiTermination; strings applicationRole (null clears it), state,
     * chargeType and osName.
     */
    public Optional<Instance> setAttributes(String id, Map<String, Object> attrs, Instant now) {
        Optional<Instance> found = find(id, now);
        if (found.isEmpty()) {
            return found;
        }
        Instance i = found.get();
        Instance.Flags f = i.flags();
        boolean frozen = bool(attrs, "frozen", f.frozen());
        boolean banned = bool(attrs, "banned", f.banned());
        boolean foreignOwner = bool(attrs, "foreignOwner", f.foreignOwner());
        boolean notSupported = bool(attrs, "notSupported", f.notSupported());
        boolean specialType = bool(attrs, "specialType", f.specialType());
        boolean taskRunning = bool(attrs, "taskRunning", f.taskRunning());
        boolean returnable = bool(attrs, "returnable", f.returnable());
        String role = attrs.containsKey("applicationRole") ? string(attrs, "applicationRole") : f.applicationRole();
        Instance.Builder b = i.toBuilder().flags(new Instance.Flags(frozen, banned, foreignOwner, role, notSupported,
                specialType, taskRunning, returnable));
        b.disableApiTermination(bool(attrs, "disableApiTermination", i.disableApiTermination()));
        if (attrs.containsKey("state")) {
            InstanceState state = parse(InstanceState.class, string(attrs, "state"), "state");
            // A state set by the platform ends whatever was in flight.
            b.state(state).pending(null);
        }
        if (attrs.containsKey("chargeType")) {
            b.chargeType(parse(ChargeType.class, string(attrs, "chargeType"), "chargeType"));
        }
        if (attrs.containsKey("osName")) {
            if (attrs.get("osName") == null) {
                throw new BadAttribute("`osName` must be a string");
            }
            Instance.Spec s = i.spec();
            b.spec(new Instance.Spec(s.zone(), s.projectId(), s.instanceType(), s.cpu(), s.memory(), s.imageId(),
                    string(attrs, "osName"), s.systemDisk(), s.dataDisks(), s.privateIps(), s.internetMaxBandwidthOut(),
                    s.internetChargeType(), s.vpcId(), s.subnetId(), s.keyIds(), s.tags(), s.uuid(), s.renewFlag(),
                    s.expiredTime(), s.launch()));
        }
        for (String key : attrs.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new BadAttribute("unknown attribute `" + key + "`; known: " + KNOWN);
            }
        }
        Instance changed = b.build();
        service.instances().commit(dev.localcvm.store.InstanceRepository.Changes.of(List.of(changed), List.of(), now));
        return find(id, now);
    }

    /** Takes an instance out of the recycle bin: STOPPED, NOTISOLATED, no release pending. */
    public Optional<Instance> recover(String id, Instant now) {
        Optional<Instance> found = find(id, now);
        if (found.isEmpty()) {
            return found;
        }
        Instance i = found.get();
        if (i.state() != InstanceState.SHUTDOWN || i.isolating()) {
            throw new BadAttribute("only an instance in the recycle bin (SHUTDOWN, isolation finished) can be recovered");
        }
        Instance recovered = i.toBuilder().state(InstanceState.STOPPED).isolatedSource("NOTISOLATED")
                .releaseAt(null).pending(null).stopChargingMode("KEEP_CHARGING").build();
        service.instances().commit(dev.localcvm.store.InstanceRepository.Changes.of(List.of(recovered), List.of(), now));
        return find(id, now);
    }

    /** osName and applicationRole: far longer than any real one, short enough for every view of an instance. */
    private static final int MAX_TEXT_CHARS = 128;

    private static final java.util.Set<String> KNOWN = java.util.Set.of("frozen", "banned", "foreignOwner",
            "notSupported", "specialType", "taskRunning", "returnable", "applicationRole", "disableApiTermination",
            "state", "chargeType", "osName");

    private static boolean bool(Map<String, Object> attrs, String key, boolean current) {
        if (!attrs.containsKey(key)) {
            return current;
        }
        if (!(attrs.get(key) instanceof Boolean b)) {
            throw new BadAttribute("`" + key + "` must be true or false");
        }
        return b;
    }

    private static String string(Map<String, Object> attrs, String key) {
        Object v = attrs.get(key);
        if (v != null && !(v instanceof String)) {
            throw new BadAttribute("`" + key + "` must be a string");
        }
        String problem = v == null ? null : Checks.problem((String) v, MAX_TEXT_CHARS);
        if (problem != null) {
            throw new BadAttribute("`" + key + "` " + problem);
        }
        return (String) v;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String key) {
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new BadAttribute("`" + key + "` must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
