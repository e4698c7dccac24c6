package dev.localcvm.cam.policy;

import java.util.List;

/**
 * One parsed statement. A statement without {@code resource} (a trust policy's, which names a principal instead)
 * covers no resource when an access is judged.
 */
final class Statement {
    final boolean allow;
    private final ActionPattern[] actions;
    private final ResourcePattern[] resources;
    final List<Condition> conditions;
    final Principals principals;

    Statement(boolean allow, List<ActionPattern> actions, List<ResourcePattern> resources, List<Condition> conditions,
              Principals principals) {
        this.allow = allow;
        this.actions = actions.toArray(new ActionPattern[0]);
        this.resources = resources == null ? null : resources.toArray(new ResourcePattern[0]);
        this.conditions = List.copyOf(conditions);
        this.principals = principals;
    }

    boolean coversAction(EvalContext c) {
        for (ActionPattern a : actions) {
            if (a.matches(c.service(), c.actionName())) {
                return true;
            }
        }
        return false;
    }

    boolean coversResource(EvalContext c) {
        if (resources == null || c.resource() == null) {
            return false;
        }
        for (ResourcePattern r : resources) {
            if (r.matches(c.segments())) {
                return true;
            }
        }
        return false;
    }

    boolean conditionsHold(EvalContext c) {
        for (Condition k : conditions) {
            if (!k.holds(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the statement applies to the access's action on the context's resource. */
    boolean applies(EvalContext c) {
        return coversAction(c) && coversResource(c) && conditionsHold(c);
    }
}
