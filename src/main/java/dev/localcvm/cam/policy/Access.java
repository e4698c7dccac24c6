package dev.localcvm.cam.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request as CAM judges it.
 *
 * @param action {@code service:Action}, e.g. {@code cvm:TerminateInstances}
 * @param resources what the request acts on, in the six-segment form
 *                  ({@code qcs::cvm:ap-guangzhou:uin/100000000001:instance/ins-abcdefgh}), or the single resource
 *                  {@code *} for an action that is not authorized at resource level
 */
public record Access(String action, List<Resource> resources, Facts facts) {
    /** @param tags the resource's tags (for {@code qcs:resource_tag}); empty when it has none or they were not loaded */
    public record Resource(String name, Map<String, String> tags) {
    }

    /**
     * @param region the request's region, or null
     * @param sourceIp the caller's address, or null
     * @param mfaPresent whether the credential carries a valid MFA
     * @param now the server clock's time
     * @param requestTags tags the request itself sets (RunInstances' TagSpecification, AllocateAddresses' Tags), for
     *                    {@code qcs:request_tag}
     */
    public record Facts(String region, String sourceIp, boolean mfaPresent, Instant now, Map<String, String> requestTags) {
    }
}
