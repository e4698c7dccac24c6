package dev.localcvm.vpc;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;

/** ModifyAddressAttribute: renames an EIP (in any status but OFFLINING). */
public final class ModifyAddressAttribute extends BaseAction<ModifyAddressAttribute.Request> {
    private final AddressService service;

    public ModifyAddressAttribute(AddressService service) {
        super("ModifyAddressAttribute", Request.class, 20);
        this.service = service;
    }

    public record Request(String addressId, String addressName) {
    }

    public record Response() {
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
        if (r.addressName() == null) {
            throw ApiException.missingParameter("AddressName");
        }
        Checks.text("AddressName", r.addressName(), AllocateAddresses.MAX_NAME, ErrorCode.INVALID_PARAMETER_VALUE_TOO_LONG);
        String uin = ctx.account().uin();
        Address address = service.existing(uin, ctx.region(), r.addressId(), ctx.now());
        if (address.status() == Address.Status.OFFLINING) {
            throw ApiException.of(ErrorCode.INVALID_ADDRESS_ID_STATUS_NOT_PERMIT, address.id());
        }
        service.commit(uin, ctx.region(), List.of(), List.of(address.renamed(r.addressName())), null, null, ctx.now());
        return new Response();
    }
}
