package dev.localcvm.cam;

import java.time.Instant;

/** A policy attached to a user, group or role, and when it was attached. */
public record CamAttachment(CamPolicy policy, Instant attachedAt) {
    /** What a policy is attached to; the store keeps the name. */
    public enum Target { USER, GROUP, ROLE }
}
