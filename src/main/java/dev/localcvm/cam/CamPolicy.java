package dev.localcvm.cam;

import dev.localcvm.cam.policy.Presets;
import java.time.Instant;

/**
 * A policy as CAM shows it: an account's custom policy (type 1) or a preset one (type 2).
 *
 * @param createdAt null for a preset
 */
public record CamPolicy(long policyId, String name, String description, String document, boolean preset,
                        Instant createdAt, Instant updatedAt) {
    public static CamPolicy of(Presets.Preset p) {
        return new CamPolicy(p.policyId(), p.name(), p.description(), p.document(), true, null, null);
    }

    /** CAM's policy type: 1 custom, 2 preset. */
    public long type() {
        return preset ? 2 : 1;
    }
}
