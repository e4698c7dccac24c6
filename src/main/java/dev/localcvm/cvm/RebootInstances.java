package dev.localcvm.cvm;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cvm.domain.Operation;
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
    public List<String> camResources(Request r, CallContext ctx) {
        return CamResource.names("cvm", ctx, "instance", r.instanceIds());
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        StopInstances.checkStopType("ForceReboot", r.forceReboot(), r.stopType());
        StateChange.run(service, ctx, r.instanceIds(), Operation.REBOOT, i -> i);
        return new Response();
    }
}
