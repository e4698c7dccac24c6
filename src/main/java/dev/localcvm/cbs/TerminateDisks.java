package dev.localcvm.cbs;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * TerminateDisks: unattached elastic disks. A postpaid one is destroyed; a prepaid one goes to the recycle bin
 * (TORECYCLE) and is destroyed by a second call. All disks or none.
 */
public final class TerminateDisks extends BaseAction<TerminateDisks.Request> {
    private final CbsService service;

    public TerminateDisks(CbsService service) {
        super("TerminateDisks", Request.class, 20);
        this.service = service;
    }

    public record Request(List<String> diskIds, Boolean deleteSnapshot) {
    }

    public record Response() {
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        return CamResource.names("cvm", ctx, "volume", r.diskIds());
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        CbsService.checkIds(r.diskIds(), 100);
        List<Disk> disks = service.load(ctx.account().uin(), ctx.region(), r.diskIds(), ctx.now());
        List<Disk> recycled = new ArrayList<>();
        List<Disk> destroyed = new ArrayList<>();
        for (Disk d : disks) {
            if (!d.portable()) {
                throw ApiException.of(ErrorCode.RESOURCE_UNAVAILABLE_NOT_PORTABLE, d.diskId());
            }
            switch (d.state()) {
                case UNATTACHED -> (d.prepaid() ? recycled : destroyed)
                        .add(d.prepaid() ? d.with(Disk.State.TORECYCLE, null, null, null) : d);
                case TORECYCLE -> destroyed.add(d);
                case ATTACHED, ATTACHING -> throw ApiException.of(ErrorCode.INVALID_DISK_ATTACHED, d.diskId());
                case DETACHING -> throw ApiException.of(ErrorCode.RESOURCE_BUSY, d.diskId());
            }
        }
        service.commit(List.of(), recycled, destroyed, ctx.now());
        return new Response();
    }
}
