package dev.localcvm.cvm;

import dev.localcvm.api.CallContext;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceIds;
import dev.localcvm.cvm.domain.Lifecycle;
import dev.localcvm.cvm.domain.Operation;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Start, Stop, Reboot and Modify share one shape (cvm-terminate.md §10): the batch is checked in the
 * phase order of §3 (existence, restriction, state, operation in flight), then changed atomically.
 */
final class StateChange {
    private StateChange() {
    }

    /**
     * @param extra the action's own change on top of the transition (a new name, a stop mode ...);
     *              it may refuse an instance by throwing
     */
    static void run(CvmService service, CallContext ctx, List<String> ids, Operation op, UnaryOperator<Instance> extra) {
        InstanceIds.check(ids, false);
        String uin = ctx.account().uin();
        CvmService.Loaded loaded = service.load(uin, ctx.region(), ids, ctx.now());
        List<Instance> batch = new ArrayList<>(ids.size());
        for (String id : ids) {
            Instance i = loaded.live().get(id);
            if (i == null) {
                throw ApiException.of(loaded.tombstoned().contains(id) ? ErrorCode.STATE_TERMINATED
                        : ErrorCode.INVALID_INSTANCE_ID_NOT_FOUND, id);
            }
            batch.add(i);
        }
        for (Instance i : batch) {
            ErrorCode restricted = Lifecycle.restriction(i);
            if (restricted != null) {
                throw ApiException.of(restricted, i.id());
            }
        }
        for (Instance i : batch) {
            ErrorCode refused = Lifecycle.stateRefusal(i, op);
            if (refused != null) {
                throw ApiException.of(refused, i.id());
            }
        }
        for (Instance i : batch) {
            if (Lifecycle.operationInFlight(i)) {
                throw ApiException.of(ErrorCode.OPERATION_DENIED_IN_PROGRESS, i.id());
            }
            if (i.flags().taskRunning()) {
                throw ApiException.of(ErrorCode.MUTEX_OPERATION_TASK_RUNNING, i.id());
            }
        }
        List<Instance> changed = new ArrayList<>(batch.size());
        for (Instance i : batch) {
            changed.add(extra.apply(i));
        }
        List<Instance> started = new ArrayList<>(changed.size());
        for (Instance i : changed) {
            started.add(Lifecycle.begin(i, op, ctx.requestId(), ctx.now(), service.settings().transitionDelay()));
        }
        service.commit(op.apiName(), ids, started, ctx.now(), null, 0);
    }
}
