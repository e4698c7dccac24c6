package dev.localcvm.vpc;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;

/**
 * AssociateAddress: an UNBIND EIP to a RUNNING or STOPPED instance's primary private address; BINDING for D, then
 * BIND. The instance's own public IP is released at once and the EIP's address shown instead.
 */
public final class AssociateAddress extends BaseAction<AssociateAddress.Request> {
    private final AddressService service;

    public AssociateAddress(AddressService service) {
        super("AssociateAddress", Request.class, 20);
        this.service = service;
    }

    public record Request(String addressId, String instanceId) {
    }

    public record Response(String taskId) {
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        return CamResource.names("vpc", ctx, "eip", r.addressId() == null ? null : List.of(r.addressId()));
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        if (r.addressId() == null) {
            throw ApiException.missingParameter("AddressId");
        }
        AddressService.checkIds(List.of(r.addressId()));
        if (r.instanceId() == null) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_MISSING_ASSOCIATE_ENTITY);
        }
        if (!AddressService.INSTANCE_ID.matcher(r.instanceId()).matches()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_MALFORMED, "`InstanceId` `"
                    + Checks.quote(r.instanceId()) + "` is malformed.");
        }
        String uin = ctx.account().uin();
        Address address = service.existing(uin, ctx.region(), r.addressId(), ctx.now());
        if (address.status() != Address.Status.UNBIND) {
            throw ApiException.of(ErrorCode.INVALID_ADDRESS_ID_STATUS_NOT_PERMIT, address.id());
        }
        Instance instance = service.instances().find(uin, ctx.region(), r.instanceId(), ctx.now())
                .orElseThrow(() -> ApiException.of(ErrorCode.INVALID_INSTANCE_ID_NOT_FOUND, r.instanceId()));
        if (!InstanceSeam.bindable(instance)) {
            throw ApiException.of(ErrorCode.INVALID_PARAMETER_VALUE_INVALID_INSTANCE_STATE, instance.id());
        }
        if (service.all(uin, ctx.region(), ctx.now()).stream().anyMatch(a -> a.holds(instance.id()))) {
            throw ApiException.of(ErrorCode.INVALID_INSTANCE_ID_ALREADY_BIND_EIP, instance.id());
        }
        Address binding = address.bind(instance.id(), InstanceSeam.primaryPrivateIp(instance), ctx.now(),
                service.settings().transitionDelay());
        long task = service.commit(uin, ctx.region(), List.of(), List.of(binding), List.of(address.id()),
                InstanceSeam.publicIp(instance, address.ip(), ctx.now()), ctx.now());
        return new Response(Long.toString(task));
    }
}
