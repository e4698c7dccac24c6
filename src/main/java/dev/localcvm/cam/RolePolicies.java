package dev.localcvm.cam;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.store.CamTx;

/** The policy AttachRolePolicy and DetachRolePolicy name: by PolicyId or by PolicyName, exactly one of them. */
final class RolePolicies {
    private RolePolicies() {
    }

    static CamPolicy policy(CamTx tx, String owner, Long policyId, String policyName) {
        CamRules.oneOf("PolicyId", policyId, "PolicyName", policyName == null || policyName.isEmpty() ? null : policyName);
        if (policyId != null) {
            return CamService.policy(tx, owner, policyId, ErrorCode.CAM_POLICY_ID_NOT_EXIST);
        }
        String name = CamRules.policyName("PolicyName", policyName);
        return CamService.policyByName(tx, owner, name)
                .orElseThrow(() -> ApiException.of(ErrorCode.CAM_POLICY_ID_NOT_EXIST, name));
    }
}
