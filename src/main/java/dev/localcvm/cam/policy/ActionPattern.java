package dev.localcvm.cam.policy;

import dev.localcvm.error.ErrorCode;

/**
 * One entry of a statement's {@code action}: {@code *}, or {@code service:Name} with an optional {@code name/}
 * prefix, wildcards allowed in both parts ({@code cvm:Describe*}, {@code name/vpc:*Edge*}, {@code cvm:*}). The
 * service is compared in lower case (CAM's service abbreviations are lower case); the action name keeps its case,
 * as CAM's element reference requires of actions.
 */
final class ActionPattern {
    private static final ActionPattern ANY = new ActionPattern(null, null);

    private final Glob service;
    private final Glob name;

    private ActionPattern(Glob service, Glob name) {
        this.service = service;
        this.name = name;
    }

    static ActionPattern parse(String raw, String where) {
        if (raw.equals("*")) {
            return ANY;
        }
        String text = raw.startsWith("name/") ? raw.substring("name/".length()) : raw;
        if (raw.startsWith("permid/")) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_ACTION_ERROR, where, PolicyErrors.quote(raw)
                    + " names a feature set (permid/); localcvm serves API actions only, written service:Action");
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_ACTION_ERROR, where, PolicyErrors.quote(raw)
                    + " is not an action: write `*` or service:Action, e.g. `cvm:TerminateInstances` or `cvm:Describe*`");
        }
        String svc = text.substring(0, colon);
        String act = text.substring(colon + 1);
        if (!svc.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '*')) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_ACTION_ERROR, where, PolicyErrors.quote(raw)
                    + " is not an action: the service `" + svc + "` may hold letters, digits, `-`, `_` and `*` only");
        }
        if (!act.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '_' || c == '*')) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_ACTION_ERROR, where, PolicyErrors.quote(raw)
                    + " is not an action: an action name holds letters, digits, `_` and `*` only");
        }
        return new ActionPattern(Glob.star(svc.toLowerCase(java.util.Locale.ROOT)), Glob.star(act));
    }

    /** @param service the request's service in lower case */
    boolean matches(String service, String actionName) {
        return this == ANY || this.service.matches(service) && name.matches(actionName);
    }

    @Override
    public String toString() {
        return this == ANY ? "*" : service + ":" + name;
    }
}
