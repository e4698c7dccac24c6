package dev.localcvm.cam.policy;

import java.util.Locale;

/**
 * What one statement is judged against: the request's action, split once per access, one of its resources (its
 * name split once into the six segments) and the request's facts.
 *
 * @param service the action's service in lower case
 * @param resource the resource, or null (trust policies judge a caller, not a resource)
 * @param segments the resource name's six segments, or null when it is {@code *} or not in the six-segment form
 * @param facts may be null: then every fact is absent
 */
record EvalContext(String service, String actionName, Access.Resource resource, String[] segments,
                   Access.Facts facts) {
    static EvalContext of(String requested, Access.Resource resource, Access.Facts facts) {
        String action = requested == null ? "" : requested;
        int colon = action.indexOf(':');
        String service = colon < 0 ? "" : action.substring(0, colon).toLowerCase(Locale.ROOT);
        return new EvalContext(service, colon < 0 ? action : action.substring(colon + 1), resource,
                segments(resource), facts);
    }

    EvalContext on(Access.Resource other) {
        return new EvalContext(service, actionName, other, segments(other), facts);
    }

    private static String[] segments(Access.Resource r) {
        if (r == null || r.name() == null) {
            return null;
        }
        String[] s = r.name().split(":", 6);
        return s.length == 6 && s[0].equals("qcs") ? s : null;
    }
}
