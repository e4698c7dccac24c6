package dev.localcvm.cvm;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cvm.domain.AccountAttributes;
import dev.localcvm.cvm.domain.InstanceIds;
import dev.localcvm.cvm.domain.Operation;
import dev.localcvm.cvm.domain.Termination;
import java.util.List;
import java.util.Map;

/**
 * TerminateInstances (cvm-terminate.md §1-§4): the whole batch is validated phase by phase, then every
 * instance changes in one transaction: postpaid ones to TERMINATING, prepaid first calls into the
 * recycle bin, prepaid second calls to TERMINATING.
 */
public final class TerminateInstances extends BaseAction<TerminateInstances.Request> {
    private final CvmService service;

    public TerminateInstances(CvmService service) {
        super(Operation.TERMINATE.apiName(), Request.class, 10);
        this.service = service;
    }

    public record Request(List<String> instanceIds, Boolean releaseAddress, Boolean releasePrepaidDataDisks) {
    }

    public record Response() {
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        return CamResource.names("cvm", ctx, "instance", r.instanceIds());
    }

    @Override
    public Response execute(Request request, CallContext ctx) {
        InstanceIds.check(request.instanceIds(), false);
        String uin = ctx.account().uin();
        AccountAttributes account = service.attributes().account(uin);
        Termination.Caller caller = new Termination.Caller(service.attributes().mfa(ctx.secretId()).orElse(null),
                account.appIdInvalid(), service.attributes().regionTerminateDisabled(ctx.region()),
                account.eipReleaseEnabled(), account.unpaidOrder(), account.returnQuota(), account.returnsUsed(),
                account.terminateQuota());
        CvmService.Loaded loaded = service.load(uin, ctx.region(), request.instanceIds(), ctx.now());
        Termination.Plan plan = Termination.plan(new Termination.Request(request.instanceIds(),
                        Boolean.TRUE.equals(request.releaseAddress()), Boolean.TRUE.equals(request.releasePrepaidDataDisks()),
                        ctx.requestId(), ctx.now(), service.settings().transitionDelay(),
                        service.settings().postpaidRecycleFirst(), Boolean.TRUE.equals(request.releaseAddress())
                        ? service.addresses().boundTypes(uin, ctx.region(), loaded.live().keySet()) : Map.of()),
                caller, loaded.live(), loaded.tombstoned());
        service.commit(name(), request.instanceIds(), plan.changed(), ctx.now(), uin, plan.prepaidReturns());
        return new Response();
    }
}
