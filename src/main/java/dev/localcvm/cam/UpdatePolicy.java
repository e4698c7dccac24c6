package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cam.policy.Presets;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;

/**
 * UpdatePolicy: changes a custom policy, named by PolicyId (then a PolicyName renames it) or by PolicyName alone (then
 * the answer carries its PolicyId). Absent fields stay as they are; the new document is checked like CreatePolicy's.
 * Presets cannot be changed (InvalidParameter.PolicyIdError); Alias, a preset's remark, is checked and not kept.
 */
public final class UpdatePolicy extends BaseAction<UpdatePolicy.Request> {
    private final CamService service;

    public UpdatePolicy(CamService service) {
        super("UpdatePolicy", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long policyId, String policyName, String description, String policyDocument, String alias) {
    }

    public record Response(Long policyId) {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        String name = r.policyName() == null || r.policyName().isEmpty() ? null
                : CamRules.policyName("PolicyName", r.policyName());
        if (r.policyId() == null && name == null) {
            throw ApiException.missingParameter("PolicyId");
        }
        String description = CamRules.description(r.description());
        CamRules.text("Alias", r.alias(), 300);
        String document = r.policyDocument();
        if (document != null) {
            CamRules.document(document);
        }
        long id = service.store().write(owner, tx -> {
            CamPolicy p = r.policyId() != null
                    ? CamService.policy(tx, owner, r.policyId(), ErrorCode.CAM_POLICY_ID_NOT_FOUND)
                    : CamService.policyByName(tx, owner, name)
                            .orElseThrow(() -> ApiException.of(ErrorCode.CAM_POLICY_ID_NOT_FOUND, name));
            if (p.preset()) {
                throw new ApiException(ErrorCode.CAM_POLICY_ID_ERROR,
                        "The policy `" + p.policyId() + "` is a preset policy, which cannot be changed.");
            }
            String newName = r.policyId() != null && name != null ? name : p.name();
            if (!newName.equals(p.name()) && (Presets.byName(newName).isPresent()
                    || tx.policyByName(owner, newName).isPresent())) {
                throw ApiException.of(ErrorCode.CAM_POLICY_NAME_IN_USE, newName);
            }
            tx.updatePolicy(owner, new CamPolicy(p.policyId(), newName,
                    description != null ? description : p.description(), document != null ? document : p.document(),
                    false, p.createdAt(), ctx.now()));
            return p.policyId();
        });
        return new Response(r.policyId() == null ? id : null);
    }
}
