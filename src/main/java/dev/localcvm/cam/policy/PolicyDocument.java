package dev.localcvm.cam.policy;

/**
 * A CAM policy document, syntax version 2.0, parsed and checked. STUB: the policy helper replaces the body; the
 * public signatures below are the contract others code against.
 */
public final class PolicyDocument {
    private PolicyDocument() {
    }

    /**
     * Parses and checks a document. A malformed one throws {@link dev.localcvm.error.ApiException} with CAM's
     * documented code and a message that says where it is wrong (for example "statement[1].action[0]: ...").
     */
    public static PolicyDocument parse(String text) {
        throw new UnsupportedOperationException("stub");
    }

    /** Whether the document, a role's trust policy, lets this caller assume the role. STUB until cam-policy merges. */
    public boolean trusts(String principalQcs) {
        throw new UnsupportedOperationException("stub");
    }

    /** Whether any statement has a condition on this key (e.g. {@code qcs:resource_tag}), so callers load its facts only when needed. */
    public boolean mentions(String conditionKey) {
        throw new UnsupportedOperationException("stub");
    }
}
