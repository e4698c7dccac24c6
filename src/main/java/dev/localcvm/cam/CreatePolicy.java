package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cam.policy.Presets;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;

/**
 * CreatePolicy: a custom policy. The document is checked by CAM's policy syntax (a malformed one is refused with the
 * policy language's code and where it is wrong) and kept as given. A name is unique in the account and may not be a
 * preset's, so that a policy name always names one policy.
 */
public final class CreatePolicy extends BaseAction<CreatePolicy.Request> {
    private final CamService service;

    public CreatePolicy(CamService service) {
        super("CreatePolicy", Request.class, 20, false);
        this.service = service;
    }

    public record Request(String policyName, String policyDocument, String description) {
    }

    public record Response(long policyId) {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        String name = CamRules.policyName("PolicyName", r.policyName());
        String description = CamRules.description(r.description());
        CamRules.document(r.policyDocument());
        String document = r.policyDocument();
        long id = service.store().write(owner, tx -> {
            if (Presets.byName(name).isPresent() || tx.policyByName(owner, name).isPresent()) {
                throw ApiException.of(ErrorCode.CAM_POLICY_NAME_IN_USE, name);
            }
            if (tx.countPolicies(owner) >= CamRules.MAX_CUSTOM_POLICIES) {
                throw new ApiException(ErrorCode.CAM_POLICY_FULL, ErrorCode.CAM_POLICY_FULL.message(null));
            }
            long policyId = tx.nextId("cam.policy_id", Presets.FIRST_CUSTOM_ID);
            tx.insertPolicy(owner, new CamPolicy(policyId, name, description, document, false, ctx.now(), ctx.now()));
            return policyId;
        });
        return new Response(id);
    }
}
