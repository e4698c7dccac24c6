package dev.localcvm.cbs;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceState;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * AttachDisks: elastic data disks onto a RUNNING or STOPPED instance of the same zone. The disks are ATTACHING
 * for D, then ATTACHED; the instance lists them among its DataDisks at once. All disks or none.
 */
public final class AttachDisks extends BaseAction<AttachDisks.Request> {
    static final int MAX_DATA_DISKS = 20;
    private static final Set<String> ATTACH_MODES = Set.of("READ_WRITE", "READ_ONLY");
    private final CbsService service;

    public AttachDisks(CbsService service) {
        super("AttachDisks", Request.class, 20);
        this.service = service;
    }

    public record Request(List<String> diskIds, String instanceId, Boolean deleteWithInstance, String attachMode) {
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
        if (r.instanceId() == null) {
            throw ApiException.missingParameter("InstanceId");
        }
        Checks.oneOf("AttachMode", r.attachMode(), ATTACH_MODES);
        String uin = ctx.account().uin();
        List<Disk> disks = service.load(uin, ctx.region(), r.diskIds(), ctx.now());
        Instance instance = service.instance(uin, ctx.region(), r.instanceId(), ctx.now());
        for (Disk d : disks) {
            if (!d.portable()) {
                throw ApiException.of(ErrorCode.RESOURCE_UNAVAILABLE_TYPE_ERROR, d.diskId());
            }
            switch (d.state()) {
                case UNATTACHED -> { }
                case ATTACHED, ATTACHING -> throw ApiException.of(ErrorCode.RESOURCE_UNAVAILABLE_ATTACHED, d.diskId());
                case DETACHING -> throw ApiException.of(ErrorCode.RESOURCE_BUSY, d.diskId());
                case TORECYCLE -> throw ApiException.of(ErrorCode.UNSUPPORTED_OPERATION_STATE_ERROR, d.diskId());
            }
            if (!d.zone().equals(instance.spec().zone())) {
                throw ApiException.of(ErrorCode.ZONE_NOT_MATCH, d.diskId());
            }
        }
        if (instance.state() != InstanceState.RUNNING && instance.state() != InstanceState.STOPPED) {
            throw ApiException.of(ErrorCode.UNSUPPORTED_OPERATION_STATE_ERROR, instance.id());
        }
        if (instance.pending() != null) {
            throw ApiException.of(ErrorCode.RESOURCE_BUSY, instance.id());
        }
        if (instance.spec().dataDisks().size() + disks.size() > MAX_DATA_DISKS) {
            throw ApiException.of(ErrorCode.LIMIT_EXCEEDED_INSTANCE_ATTACHED_DISK, instance.id());
        }
        List<Instance.Disk> shown = new ArrayList<>(instance.spec().dataDisks());
        List<Disk> attaching = new ArrayList<>();
        for (Disk d : disks) {
            boolean deleteWith = r.deleteWithInstance() != null ? r.deleteWithInstance() : d.deleteWithInstance();
            attaching.add(service.begin(d.deletedWithInstance(deleteWith), Disk.State.ATTACHING, Disk.State.ATTACHED,
                    instance.id(), ctx.now()));
            shown.add(new Instance.Disk(d.diskId(), d.diskType(), d.diskSize(), deleteWith, d.encrypt(),
                    d.throughputPerformance(), d.diskName().isEmpty() ? null : d.diskName()));
        }
        service.commit(List.of(instance.withDataDisks(shown)), attaching, List.of(), ctx.now());
        return new Response();
    }
}
