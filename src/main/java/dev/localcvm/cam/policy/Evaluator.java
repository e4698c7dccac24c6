package dev.localcvm.cam.policy;

import java.util.List;

/** CAM's evaluation. STUB: the policy helper replaces the body; the signature is the contract. */
public final class Evaluator {
    private Evaluator() {
    }

    /**
     * For each resource in order: an explicit deny in any policy refuses it; else it needs an allow in
     * {@code grants} and, for each policy in {@code limits} (a session policy), an allow there too. The first
     * refused resource refuses the whole access.
     */
    public static Decision decide(List<PolicyDocument> grants, List<PolicyDocument> limits, Access access) {
        throw new UnsupportedOperationException("stub");
    }
}
