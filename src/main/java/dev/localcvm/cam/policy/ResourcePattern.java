package dev.localcvm.cam.policy;

import dev.localcvm.error.ErrorCode;
import java.util.Map;

/**
 * One entry of a statement's {@code resource}: {@code *}, or the six-segment description
 * {@code qcs:project_id:service_type:region:account:resource}. An empty service, region or account segment means
 * any (CAM's resource description method); {@code *} may stand anywhere in a segment. The region segment may use
 * the short region names CAM's resource documentation lists (gz, sh, bj, ...).
 *
 * <p>A resource name given as {@code *} (an action that is not authorized at resource level) is matched only by
 * the pattern {@code *}: a statement naming particular resources never covers such an action, as CAM judges an
 * action outside the statement's resources when the statement limits it to specific ones.
 */
final class ResourcePattern {
    private static final ResourcePattern ANY = new ResourcePattern(null, null, null, null);

    /** The short region names of CAM's resource description method, and the regions they stand for. */
    private static final Map<String, String> SHORT_REGIONS = Map.of(
            "gz", "ap-guangzhou", "sh", "ap-shanghai", "bj", "ap-beijing", "ca", "na-toronto",
            "sg", "ap-singapore", "hk", "ap-hongkong", "cd", "ap-chengdu", "de", "eu-frankfurt");

    private final Glob service;
    private final Glob region;
    private final Glob account;
    private final Glob resource;

    private ResourcePattern(Glob service, Glob region, Glob account, Glob resource) {
        this.service = service;
        this.region = region;
        this.account = account;
        this.resource = resource;
    }

    static ResourcePattern parse(String raw, String where) {
        if (raw.equals("*")) {
            return ANY;
        }
        String[] s = raw.split(":", 6);
        if (s.length < 6) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_RESOURCE_ERROR, where, PolicyErrors.quote(raw)
                    + " is neither `*` nor the six segments qcs:project_id:service_type:region:account:resource");
        }
        if (!s[0].equals("qcs")) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_RESOURCE_QCS_ERROR, where, PolicyErrors.quote(raw)
                    + " must start with `qcs:`");
        }
        if (!s[1].isEmpty()) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_RESOURCE_PROJECT_ERROR, where, PolicyErrors.quote(raw)
                    + ": the project_id segment must be left empty (qcs::service:region:account:resource)");
        }
        if (!s[2].chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                || c == '*')) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_RESOURCE_ERROR, where, PolicyErrors.quote(raw)
                    + ": the service_type `" + s[2] + "` must be a lower-case service abbreviation such as cvm");
        }
        String region = regionName(s[3]);
        if (!region.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '*')) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_RESOURCE_REGION_ERROR, where, PolicyErrors.quote(raw)
                    + ": `" + s[3] + "` is not a region such as ap-guangzhou");
        }
        if (!validAccount(s[4])) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_RESOURCE_UIN_ERROR, where, PolicyErrors.quote(raw)
                    + ": the account segment `" + s[4] + "` must be empty, uin/<owner uin> or uid/<appid>");
        }
        if (s[5].isEmpty() || s[5].chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_RESOURCE_CONTENT_ERROR, where, PolicyErrors.quote(raw)
                    + ": the resource segment must be non-empty and hold no spaces, e.g. instance/ins-abcdefgh "
                    + "or instance/*");
        }
        return new ResourcePattern(segment(s[2]), segment(region), segment(s[4]), Glob.star(s[5]));
    }

    /** A region as a policy may write it (CAM's docs use gz, sh, ... in resources and in vpc:region conditions). */
    static String regionName(String written) {
        return SHORT_REGIONS.getOrDefault(written, written);
    }

    private static boolean validAccount(String a) {
        if (a.isEmpty() || a.equals("*")) {
            return true;
        }
        if (!a.startsWith("uin/") && !a.startsWith("uid/")) {
            return false;
        }
        String id = a.substring(4);
        return !id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9' || c == '*');
    }

    private static Glob segment(String s) {
        return s.isEmpty() ? null : Glob.star(s);
    }

    /**
     * @param segments a resource name's six segments, null for {@code *} or a name not in the six-segment form,
     *                 which only the pattern {@code *} covers
     */
    boolean matches(String[] segments) {
        if (this == ANY) {
            return true;
        }
        if (segments == null) {
            return false;
        }
        return (service == null || service.matches(segments[2]))
                && (region == null || region.matches(segments[3]))
                && (account == null || account.matches(segments[4]))
                && resource.matches(segments[5]);
    }
}
