package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cam.policy.Presets;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * DeletePolicy: deletes custom policies, each detached from every user, group and role it was attached to (CAM
 * documents no code refusing an attached policy). Every id is checked first: a preset is InvalidParameter.PolicyIdError,
 * an unknown id ResourceNotFound.PolicyIdNotFound, and either deletes nothing.
 */
public final class DeletePolicy extends BaseAction<DeletePolicy.Request> {
    /** How many ids one request may name (CAM documents no limit; localcvm's choice). */
    static final int MAX_IDS = 100;
    private final CamService service;

    public DeletePolicy(CamService service) {
        super("DeletePolicy", Request.class, 20, false);
        this.service = service;
    }

    public record Request(List<Long> policyId) {
    }

    public record Response() {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        Set<Long> ids = new LinkedHashSet<>();
        for (Long id : CamRules.count("PolicyId", r.policyId(), 1, MAX_IDS)) {
            long policyId = CamRules.id("PolicyId", id, ErrorCode.CAM_POLICY_ID_ERROR);
            if (policyId < Presets.FIRST_CUSTOM_ID && Presets.byId(policyId).isPresent()) {
                throw new ApiException(ErrorCode.CAM_POLICY_ID_ERROR,
                        "The policy `" + policyId + "` is a preset policy, which cannot be deleted.");
            }
            ids.add(policyId);
        }
        service.store().write(owner, tx -> {
            for (long id : ids) {
                if (tx.policy(owner, id).isEmpty()) {
                    throw ApiException.of(ErrorCode.CAM_POLICY_ID_NOT_FOUND, id);
                }
            }
            ids.forEach(id -> tx.deletePolicy(owner, id));
            return null;
        });
        return new Response();
    }
}
