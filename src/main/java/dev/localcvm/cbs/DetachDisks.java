package dev.localcvm.cbs;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceState;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DetachDisks: data disks off their RUNNING or STOPPED instances. The disks are DETACHING for D, then UNATTACHED;
 * the instances stop listing them at once. All disks or none.
 */
public final class DetachDisks extends BaseAction<DetachDisks.Request> {
    private final CbsService service;

    public DetachDisks(CbsService service) {
        super("DetachDisks", Request.class, 20);
        this.service = service;
    }

    public record Request(List<String> diskIds, String instanceId) {
    }

    public record Response() {
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        return CamResource.names("cvm", ctx, "volume", r.diskIds());
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        CbsService.checkIds(r.diskIds(), 10);
        String uin = ctx.account().uin();
        List<Disk> disks = service.load(uin, ctx.region(), r.diskIds(), ctx.now());
        for (Disk d : disks) {
            if (!d.portable()) {
                throw ApiException.of(ErrorCode.RESOURCE_UNAVAILABLE_TYPE_ERROR, d.diskId());
            }
            switch (d.state()) {
                case ATTACHED -> { }
                case ATTACHING, DETACHING -> throw ApiException.of(ErrorCode.RESOURCE_BUSY, d.diskId());
                case UNATTACHED, TORECYCLE -> throw ApiException.of(ErrorCode.UNSUPPORTED_OPERATION_STATE_ERROR,
                        d.diskId());
            }
            if (r.instanceId() != null && !r.instanceId().equals(d.instanceId())) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "The disk `" + d.diskId() + "` is not attached to `" + r.instanceId() + "`.");
            }
        }
        Map<String, Instance> instances = new LinkedHashMap<>();
        for (Disk d : disks) {
            Instance i = instances.computeIfAbsent(d.instanceId(), id -> service.instance(uin, ctx.region(), id, ctx.now()));
            if (i.state() != InstanceState.RUNNING && i.state() != InstanceState.STOPPED) {
                throw ApiException.of(ErrorCode.UNSUPPORTED_OPERATION_STATE_ERROR, i.id());
            }
            if (i.pending() != null) {
                throw ApiException.of(ErrorCode.RESOURCE_BUSY, i.id());
            }
        }
        Set<String> leaving = disks.stream().map(Disk::diskId).collect(Collectors.toSet());
        List<Instance> changed = new ArrayList<>();
        instances.values().forEach(i -> changed.add(i.withDataDisks(i.spec().dataDisks().stream()
                .filter(d -> !leaving.contains(d.diskId())).toList())));
        List<Disk> detaching = disks.stream().map(d -> service.begin(d, Disk.State.DETACHING, Disk.State.UNATTACHED,
                d.instanceId(), ctx.now())).toList();
        service.commit(changed, detaching, List.of(), ctx.now());
        return new Response();
    }
}
