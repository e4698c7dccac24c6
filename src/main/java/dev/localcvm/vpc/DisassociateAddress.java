package dev.localcvm.vpc;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.store.InstanceRepository;
import java.util.List;

/**
 * DisassociateAddress: a BIND EIP leaves its instance; UNBINDING for D, then UNBIND. The instance shows no public
 * IP afterwards, or a new one with ReallocateNormalPublicIp.
 */
public final class DisassociateAddress extends BaseAction<DisassociateAddress.Request> {
    private final AddressService service;

    public DisassociateAddress(AddressService service) {
        super("DisassociateAddress", Request.class, 20);
        this.service = service;
    }

    public record Request(String addressId, Boolean reallocateNormalPublicIp) {
    }

    public record Response(String taskId) {
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        return CamResource.names("vpc", ctx, "eip", r.addressId() == null ? null : List.of(r.addressId()));
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String uin = ctx.account().uin();
        Address address = service.existing(uin, ctx.region(), r.addressId(), ctx.now());
        if (address.status() != Address.Status.BIND) {
            throw ApiException.of(ErrorCode.INVALID_ADDRESS_ID_STATUS_NOT_PERMIT, address.id());
        }
        // The instance may be gone (terminated with the EIP kept): then only the address changes.
        InstanceRepository.Changes instanceSide = service.instances()
                .find(uin, ctx.region(), address.instanceId(), ctx.now())
                .filter(i -> i.publicIps() != null && i.publicIps().contains(address.ip()))
                .map(i -> InstanceSeam.publicIp(i, Boolean.TRUE.equals(r.reallocateNormalPublicIp())
                        ? service.ids().publicIp() : null, ctx.now()))
                .orElse(null);
        Address unbinding = address.unbind(ctx.now(), service.settings().transitionDelay());
        long task = service.commit(uin, ctx.region(), List.of(), List.of(unbinding), List.of(address.id()),
                instanceSide, ctx.now());
        return new Response(Long.toString(task));
    }
}
