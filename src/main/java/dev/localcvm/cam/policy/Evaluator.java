package dev.localcvm.cam.policy;

import java.util.List;

/**
 * CAM's evaluation logic: every request is refused by default; a matching deny refuses it; else a matching allow
 * permits it. A statement matches when one of its actions covers the request's action, one of its resources the
 * resource (see {@link ResourcePattern} for a resource given as {@code *}), and all its conditions hold.
 */
public final class Evaluator {
    private static final List<Access.Resource> EVERYTHING = List.of(new Access.Resource("*", java.util.Map.of()));

    private Evaluator() {
    }

    /**
     * For each resource in order: an explicit deny in any policy refuses it; else it needs an allow in
     * {@code grants} and, for each policy in {@code limits} (a session policy), an allow there too. The first
     * refused resource refuses the whole access. An access naming no resource is judged as one on {@code *}.
     */
    public static Decision decide(List<PolicyDocument> grants, List<PolicyDocument> limits, Access access) {
        EvalContext base = EvalContext.of(access.action(), null, access.facts());
        List<Access.Resource> resources = access.resources() == null || access.resources().isEmpty()
                ? EVERYTHING : access.resources();
        for (Access.Resource r : resources) {
            EvalContext c = base.on(r);
            if (anyApplies(grants, false, c) || anyApplies(limits, false, c)) {
                return new Decision(false, r.name(), true);
            }
            if (!anyApplies(grants, true, c)) {
                return new Decision(false, r.name(), false);
            }
            for (PolicyDocument limit : limits) {
                if (!limit.applies(true, c)) {
                    return new Decision(false, r.name(), false);
                }
            }
        }
        return Decision.ALLOWED;
    }

    private static boolean anyApplies(List<PolicyDocument> docs, boolean allow, EvalContext c) {
        for (PolicyDocument d : docs) {
            if (d.applies(allow, c)) {
                return true;
            }
        }
        return false;
    }
}
