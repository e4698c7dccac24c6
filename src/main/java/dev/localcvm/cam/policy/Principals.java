package dev.localcvm.cam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code principal} element: who a role's trust policy lets assume the role. {@code qcs} lists CAM identities
 * ({@code qcs::cam::uin/<owner>:root}, {@code qcs::cam::uin/<owner>:uin/<sub-user>}, or {@code *});
 * {@code service} lists cloud services (cvm.qcloud.com, ...).
 *
 * <p>An account's root entry admits the root and every sub-user of that account: CAM's AssumeRole documentation
 * makes a role assumable by a user who is named in its trust policy and holds a policy allowing sts:AssumeRole,
 * and the trust policy of a role created for "Tencent Cloud account" names the account's root only. The
 * sts:AssumeRole permission of the sub-user is checked apart, by the caller of {@link PolicyDocument#trusts}.
 */
final class Principals {
    private static final String CAM_PREFIX = "qcs::cam::uin/";

    private final List<String> qcs;
    private final List<String> services;

    private Principals(List<String> qcs, List<String> services) {
        this.qcs = qcs;
        this.services = services;
    }

    static Principals parse(JsonNode node, String where) {
        if (!node.isObject() || node.isEmpty()) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_PRINCIPAL_ERROR, where,
                    "must be an object such as {\"qcs\": [\"qcs::cam::uin/100000000001:root\"]}");
        }
        List<String> qcs = new ArrayList<>();
        List<String> services = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String at = where + "." + e.getKey();
            if (e.getKey().equals("qcs")) {
                for (String q : strings(e.getValue(), at)) {
                    if (!q.equals("*") && !validQcs(q)) {
                        throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_PRINCIPAL_QCS_ERROR, at, PolicyErrors.quote(q)
                                + " is not a CAM identity such as qcs::cam::uin/100000000001:root or "
                                + "qcs::cam::uin/100000000001:uin/100000000011");
                    }
                    qcs.add(q);
                }
            } else if (e.getKey().equals("service")) {
                for (String s : strings(e.getValue(), at)) {
                    if (!s.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.'
                            || c == '-')) {
                        throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_PRINCIPAL_ERROR, at, PolicyErrors.quote(s)
                                + " is not a service such as cvm.qcloud.com");
                    }
                    services.add(s);
                }
            } else {
                throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_PRINCIPAL_ERROR, at,
                        "a principal lists `qcs` (CAM identities) or `service` (cloud services) only");
            }
        }
        return new Principals(List.copyOf(qcs), List.copyOf(services));
    }

    private static boolean validQcs(String q) {
        if (!q.startsWith(CAM_PREFIX)) {
            return false;
        }
        int colon = q.indexOf(':', CAM_PREFIX.length());
        if (colon < 0 || !digits(q.substring(CAM_PREFIX.length(), colon))) {
            return false;
        }
        String who = q.substring(colon + 1);
        return who.equals("root") || who.startsWith("uin/") && digits(who.substring(4))
                || (who.startsWith("roleName/") || who.startsWith("role/") || who.startsWith("saml-provider/")
                || who.startsWith("oidc-provider/")) && who.indexOf('/') < who.length() - 1
                && who.chars().noneMatch(c -> c <= ' ');
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.length() <= 20 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static List<String> strings(JsonNode node, String where) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray() && !node.isEmpty()) {
            int i = 0;
            for (JsonNode n : node) {
                if (!n.isTextual() || n.asText().isEmpty()) {
                    throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_PRINCIPAL_ERROR, where + "[" + i + "]",
                            "must be a non-empty string");
                }
                out.add(n.asText());
                i++;
            }
        } else {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_PRINCIPAL_ERROR, where,
                    "must be a string or a non-empty array of strings");
        }
        if (out.contains("")) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_PRINCIPAL_ERROR, where, "must not be empty");
        }
        return out;
    }

    /** Whether a caller ({@code qcs::cam::uin/<owner>:root} or {@code qcs::cam::uin/<owner>:uin/<sub>}) is named. */
    boolean admits(String caller) {
        String normalized = asRootWhenSelf(caller);
        for (String q : qcs) {
            if (q.equals("*") || q.equals(normalized)) {
                return true;
            }
            if (q.endsWith(":root") && normalized.startsWith(q.substring(0, q.length() - "root".length()) + "uin/")) {
                return true;
            }
        }
        return false;
    }

    /** {@code qcs::cam::uin/X:uin/X} (COS writes the root so) is the root itself. */
    private static String asRootWhenSelf(String caller) {
        if (caller.startsWith(CAM_PREFIX)) {
            int colon = caller.indexOf(':', CAM_PREFIX.length());
            if (colon > 0) {
                String owner = caller.substring(CAM_PREFIX.length(), colon);
                if (caller.substring(colon + 1).equals("uin/" + owner)) {
                    return caller.substring(0, colon + 1) + "root";
                }
            }
        }
        return caller;
    }

    boolean admitsService(String service) {
        return services.contains(service);
    }
}
