package dev.localcvm.vpc;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * ReleaseAddresses: UNBIND EIPs go OFFLINING for D, then away. The batch is checked whole (formats, existence,
 * statuses) before anything changes, and released in one transaction.
 */
public final class ReleaseAddresses extends BaseAction<ReleaseAddresses.Request> {
    private final AddressService service;

    public ReleaseAddresses(AddressService service) {
        super("ReleaseAddresses", Request.class, 20);
        this.service = service;
    }

    public record Request(List<String> addressIds) {
    }

    public record Response(String taskId) {
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        return CamResource.names("vpc", ctx, "eip", r.addressIds());
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String uin = ctx.account().uin();
        List<Address> batch = service.existing(uin, ctx.region(), "AddressIds", r.addressIds(), ctx.now());
        for (Address a : batch) {
            if (a.status() != Address.Status.UNBIND) {
                throw ApiException.of(ErrorCode.INVALID_ADDRESS_STATE, a.id());
            }
        }
        List<Address> released = new ArrayList<>(batch.size());
        batch.forEach(a -> released.add(a.release(ctx.now(), service.settings().transitionDelay())));
        long task = service.commit(uin, ctx.region(), List.of(), released, batch.stream().map(Address::id).toList(),
                null, ctx.now());
        return new Response(Long.toString(task));
    }
}
