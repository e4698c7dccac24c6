package dev.localcvm.cvm;

import dev.localcvm.api.CallContext;
import dev.localcvm.cvm.domain.BatchChecks;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceIds;
import dev.localcvm.cvm.domain.Lifecycle;
import dev.localcvm.cvm.domain.Operation;
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
        List<Instance> batch = BatchChecks.existing(ids, loaded.live(), loaded.tombstoned());
        BatchChecks.notRestricted(batch);
        BatchChecks.statesAllow(batch, op);
        BatchChecks.notBusy(batch);
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
