package dev.localcvm.cvm;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cvm.domain.ChargeType;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.Operation;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;
import java.util.Set;

/** StopInstances: RUNNING → STOPPING → STOPPED, with StopType and StoppedMode. */
public final class StopInstances extends BaseAction<StopInstances.Request> {
    private static final Set<String> STOP_TYPES = Set.of("SOFT", "HARD", "SOFT_FIRST");
    private static final Set<String> STOPPED_MODES = Set.of("KEEP_CHARGING", "STOP_CHARGING");
    private final CvmService service;

    public StopInstances(CvmService service) {
        super(Operation.STOP.apiName(), Request.class, 10);
        this.service = service;
    }

    public record Request(List<String> instanceIds, Boolean forceStop, String stopType, String stoppedMode) {
    }

    public record Response() {
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        return CamResource.names("cvm", ctx, "instance", r.instanceIds());
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        checkStopType("ForceStop", r.forceStop(), r.stopType());
        if (r.stoppedMode() != null && !STOPPED_MODES.contains(r.stoppedMode())) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "`StoppedMode` must be KEEP_CHARGING or STOP_CHARGING.");
        }
        String mode = r.stoppedMode() == null ? "KEEP_CHARGING" : r.stoppedMode();
        StateChange.run(service, ctx, r.instanceIds(), Operation.STOP, i -> {
            if (mode.equals("STOP_CHARGING") && !stopChargingAllowed(i)) {
                throw ApiException.of(ErrorCode.UNSUPPORTED_STOPPED_MODE_STOP_CHARGING, i.id());
            }
            return i.toBuilder().stopChargingMode(mode).build();
        });
        return new Response();
    }

    /**
     * StopType and the older boolean it replaced ({@code ForceStop}, {@code ForceReboot}): not both, and a
     * known type. Shared by StopInstances and RebootInstances, which take the same pair.
     */
    static void checkStopType(String forceName, Boolean force, String stopType) {
        if (force != null && stopType != null) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_COMBINATION,
                    "`" + forceName + "` and `StopType` cannot be given together.");
        }
        if (stopType != null && !STOP_TYPES.contains(stopType)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE, "`StopType` must be SOFT, HARD or SOFT_FIRST.");
        }
    }

    /** Only postpaid instances whose disks are all cloud disks stop charging while stopped. */
    private static boolean stopChargingAllowed(Instance i) {
        return i.chargeType() == ChargeType.POSTPAID_BY_HOUR
                && i.spec().systemDisk().diskType().startsWith("CLOUD_")
                && i.spec().dataDisks().stream().allMatch(d -> d.diskType().startsWith("CLOUD_"));
    }
}
