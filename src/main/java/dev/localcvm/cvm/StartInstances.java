package dev.localcvm.cvm;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cvm.domain.Operation;
import java.util.List;

/** StartInstances: STOPPED → STARTING → RUNNING. */
public final class StartInstances extends BaseAction<StartInstances.Request> {
    private final CvmService service;

    public StartInstances(CvmService service) {
        super(Operation.START.apiName(), Request.class, 10);
        this.service = service;
    }

    public record Request(List<String> instanceIds) {
    }

    public record Response() {
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        return CamResource.names("cvm", ctx, "instance", r.instanceIds());
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        StateChange.run(service, ctx, r.instanceIds(), Operation.START,
                i -> i.toBuilder().stopChargingMode("NOT_APPLICABLE").build());
        return new Response();
    }
}
