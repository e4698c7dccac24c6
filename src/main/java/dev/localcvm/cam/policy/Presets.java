package dev.localcvm.cam.policy;

import java.util.List;
import java.util.Optional;

/** CAM's preset policies for the served products. STUB: the policy helper fills the list; the signatures are the contract. */
public final class Presets {
    /**
     * A preset policy (CAM's "QCS" policies, type 2).
     *
     * @param policyId fixed, and below {@link #FIRST_CUSTOM_ID}
     */
    public record Preset(long policyId, String name, String description, String document) {
    }

    /** Custom policies get ids from here up, so that they never meet a preset's. */
    public static final long FIRST_CUSTOM_ID = 100_000_000L;

    private Presets() {
    }

    public static List<Preset> all() {
        return List.of();
    }

    public static Optional<Preset> byId(long policyId) {
        return all().stream().filter(p -> p.policyId() == policyId).findFirst();
    }

    public static Optional<Preset> byName(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
