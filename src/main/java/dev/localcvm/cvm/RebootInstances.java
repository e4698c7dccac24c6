package dev.localcvm.cvm;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cvm.domain.Operation;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;

/** RebootInstances: RUNNING → REBOOTING → RUNNING. */
public final class RebootInstances extends BaseAction<RebootInstances.Request> {
    private final CvmService service;

    public RebootInstances(CvmService service) {
        super(Operation.REBOOT.apiName(), Request.class, 10);
        this.service = service;
    }

    public record Request(List<String> instanceIds, Boolean forceReboot, String stopType) {
    }

    public record Response() {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        if (r.forceReboot() != null && r.stopType() != null) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_COMBINATION,
                    "`ForceReboot` and `StopType` cannot be given together.");
        }
        if (r.stopType() != null && !StopInstances.STOP_TYPES.contains(r.stopType())) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE, "`StopType` must be SOFT, HARD or SOFT_FIRST.");
        }
        StateChange.run(service, ctx, r.instanceIds(), Operation.REBOOT, i -> i);
        return new Response();
    }
}
