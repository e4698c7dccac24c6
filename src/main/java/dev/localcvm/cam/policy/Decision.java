package dev.localcvm.cam.policy;

/**
 * CAM's verdict on an {@link Access}.
 *
 * @param refusedResource the first resource refused (the name as given in the Access), null when allowed
 * @param explicitDeny whether a deny statement refused it (else: no statement allowed it)
 */
public record Decision(boolean allowed, String refusedResource, boolean explicitDeny) {
    public static final Decision ALLOWED = new Decision(true, null, false);
}
