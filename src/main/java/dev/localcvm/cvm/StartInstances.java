package dev.localcvm.cvm;

import dev.localcvm.api.Action;
import dev.localcvm.api.CallContext;
import dev.localcvm.cvm.domain.Operation;
import java.util.List;

/** StartInstances: STOPPED → STARTING → RUNNING. */
public final class StartInstances implements Action<StartInstances.Request> {
    private final CvmService service;

    public StartInstances(CvmService service) {
        this.service = service;
    }

    public record Request(List<String> instanceIds) {
    }

    public record Response() {
    }

    @Override
    public String name() {
        return Operation.START.apiName();
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public int rateLimitPerSecond() {
        return 10;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        StateChange.run(service, ctx, r.instanceIds(), Operation.START,
                i -> i.toBuilder().stopChargingMode("NOT_APPLICABLE").build());
        return new Response();
    }
}
