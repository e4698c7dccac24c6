package dev.localcvm.cam.policy;

import dev.localcvm.cam.policy.ConditionOperator.Type;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The condition keys localcvm knows, and the request's values for them. Keys are case-sensitive, as CAM documents.
 * A key not listed here is accepted in a document (products define keys of their own) but a condition on it never
 * holds, whatever its operator: localcvm has no value for it, and guessing would turn a deny off.
 */
final class ConditionKeys {
    enum Kind {
        /** qcs:resource_tag (and qcs:tag, which product docs also write): the resource's tags as key&value. */
        RESOURCE_TAG(EnumSet.of(Type.STRING)),
        /** qcs:request_tag: the tags the request sets, as key&value. */
        REQUEST_TAG(EnumSet.of(Type.STRING)),
        /** qcs:ip: the caller's address. */
        IP(EnumSet.of(Type.IP)),
        /** qcs:current_time: the server clock, ISO 8601 UTC. */
        CURRENT_TIME(EnumSet.of(Type.DATE)),
        /** service:region (cvm:region, vpc:region, ...): the request's region. */
        REGION(EnumSet.of(Type.STRING)),
        /** qcs:mfa: true or false. */
        MFA(EnumSet.of(Type.BOOL, Type.STRING)),
        /** mfa, as CAM's general policies write it: 1 or 0. */
        MFA_FLAG(EnumSet.of(Type.BOOL, Type.STRING, Type.NUMERIC)),
        /** qcs:read_only_action: 1 for an action whose name reads (Describe..., Get..., ...), else 0. */
        READ_ONLY_ACTION(EnumSet.of(Type.NUMERIC, Type.STRING)),
        /** qcs:except_cam_finance: 1 for an action outside cam and finance, else 0. */
        EXCEPT_CAM_FINANCE(EnumSet.of(Type.NUMERIC, Type.STRING)),
        UNKNOWN(EnumSet.allOf(Type.class));

        final Set<Type> operatorTypes;

        Kind(Set<Type> operatorTypes) {
            this.operatorTypes = operatorTypes;
        }
    }

    /** The name prefixes CAM's ReadOnlyAccess treats as reading actions (qcs:read_only_action). */
    private static final String[] READ_PREFIXES = {"Check", "List", "Describe", "Search", "Get", "BatchGet", "Query",
        "BatchQuery", "Download", "Export", "View", "Inquiry", "Inquire", "Compare", "Verify", "Validate"};

    private ConditionKeys() {
    }

    static Kind kind(String key) {
        switch (key) {
            case "qcs:resource_tag":
            case "qcs:tag":
                return Kind.RESOURCE_TAG;
            case "qcs:request_tag":
                return Kind.REQUEST_TAG;
            case "qcs:ip":
                return Kind.IP;
            case "qcs:current_time":
                return Kind.CURRENT_TIME;
            case "qcs:mfa":
                return Kind.MFA;
            case "mfa":
                return Kind.MFA_FLAG;
            case "qcs:read_only_action":
                return Kind.READ_ONLY_ACTION;
            case "qcs:except_cam_finance":
                return Kind.EXCEPT_CAM_FINANCE;
            default:
                int colon = key.indexOf(':');
                if (colon > 0 && key.substring(colon + 1).equals("region")
                        && key.substring(0, colon).chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                        || c == '_' || c == '-')) {
                    return Kind.REGION;
                }
                return Kind.UNKNOWN;
        }
    }

    /** The request's values for a known key; empty when the request has none (the key is absent). */
    static List<String> values(Kind kind, EvalContext c) {
        Access.Facts f = c.facts();
        switch (kind) {
            case RESOURCE_TAG:
                return c.resource() == null ? List.of() : pairs(c.resource().tags());
            case REQUEST_TAG:
                return f == null ? List.of() : pairs(f.requestTags());
            case IP:
                return f == null || f.sourceIp() == null ? List.of() : List.of(f.sourceIp());
            case CURRENT_TIME:
                return f == null || f.now() == null ? List.of() : List.of(f.now().toString());
            case REGION:
                return f == null || f.region() == null || f.region().isEmpty() ? List.of() : List.of(f.region());
            case MFA:
                return f == null ? List.of() : List.of(f.mfaPresent() ? "true" : "false");
            case MFA_FLAG:
                return f == null ? List.of() : List.of(f.mfaPresent() ? "1" : "0");
            case READ_ONLY_ACTION:
                return List.of(reads(c.actionName()) ? "1" : "0");
            case EXCEPT_CAM_FINANCE:
                return List.of(c.service().equals("cam") || c.service().equals("finance") ? "0" : "1");
            default:
                return List.of();
        }
    }

    private static boolean reads(String actionName) {
        for (String p : READ_PREFIXES) {
            if (actionName.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> pairs(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(tags.size());
        tags.forEach((k, v) -> out.add(k + "&" + (v == null ? "" : v)));
        return out;
    }
}
