package dev.localcvm.vpc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One elastic IP as the domain sees it. Immutable: every change makes a copy, saved by compare-and-set on
 * {@code version}. A timed change is data ({@link Pending}); {@link #settle(Instant)} applies it once due, so
 * nothing needs a timer thread: CREATING → UNBIND, BINDING → BIND, UNBINDING → UNBIND, OFFLINING → gone.
 *
 * @param instanceId the bound instance, or null; kept while UNBINDING, cleared when UNBIND lands
 */
public record Address(String id, String uin, String region, String ip, String type, String name, Status status,
                      String chargeType, long bandwidth, String instanceId, String privateIp, Instant createdTime,
                      Pending pending, List<Tag> tags, long version) {

    public enum Status {
        CREATING, UNBIND, BINDING, BIND, UNBINDING, OFFLINING;

        public boolean transitional() {
            return this == CREATING || this == BINDING || this == UNBINDING || this == OFFLINING;
        }
    }

    /** What the address becomes at {@code dueAt}; a null target means it is released then. */
    public record Pending(Status target, Instant dueAt) {
    }

    public record Tag(String key, String value) {
    }

    public Address {
        tags = List.copyOf(tags);
    }

    /** A new address, CREATING for {@code delay} (already UNBIND when the delay is zero). */
    public static Address allocate(String id, String uin, String region, String ip, String type, String name,
                                   String chargeType, long bandwidth, List<Tag> tags, Instant now, Duration delay) {
        Address a = new Address(id, uin, region, ip, type, name, Status.CREATING, chargeType, bandwidth, null, null,
                now, new Pending(Status.UNBIND, now.plus(delay)), tags, 0);
        return a.settle(now).orElseThrow();
    }

    /** This address as it is at {@code now}: a due change applied, or empty once released. */
    public Optional<Address> settle(Instant now) {
        if (pending == null || now.isBefore(pending.dueAt())) {
            return Optional.of(this);
        }
        if (pending.target() == null) {
            return Optional.empty();
        }
        boolean unbound = pending.target() == Status.UNBIND;
        return Optional.of(new Address(id, uin, region, ip, type, name, pending.target(), chargeType, bandwidth,
                unbound ? null : instanceId, unbound ? null : privateIp, createdTime, null, tags, version));
    }

    /** Whether the address holds an instance: from the start of binding to the end of unbinding. */
    public boolean holds(String instance) {
        return instance.equals(instanceId)
                && (status == Status.BINDING || status == Status.BIND || status == Status.UNBINDING);
    }

    /** UNBIND → BINDING (→ BIND after {@code delay}); the caller has checked the status. */
    public Address bind(String instance, String instancePrivateIp, Instant now, Duration delay) {
        return start(Status.BINDING, Status.BIND, instance, instancePrivateIp, now, delay);
    }

    /** BIND → UNBINDING (→ UNBIND after {@code delay}). */
    public Address unbind(Instant now, Duration delay) {
        return start(Status.UNBINDING, Status.UNBIND, instanceId, privateIp, now, delay);
    }

    /** UNBIND → OFFLINING (→ released after {@code delay}). */
    public Address release(Instant now, Duration delay) {
        return start(Status.OFFLINING, null, null, null, now, delay);
    }

    public Address renamed(String newName) {
        return new Address(id, uin, region, ip, type, newName, status, chargeType, bandwidth, instanceId, privateIp,
                createdTime, pending, tags, version);
    }

    private Address start(Status during, Status target, String instance, String instancePrivateIp, Instant now,
                          Duration delay) {
        return new Address(id, uin, region, ip, type, name, during, chargeType, bandwidth, instance, instancePrivateIp,
                createdTime, new Pending(target, now.plus(delay)), tags, version);
    }
}
