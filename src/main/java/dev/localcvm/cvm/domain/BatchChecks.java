package dev.localcvm.cvm.domain;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-instance phases every batch action shares (cvm-terminate.md §3): each runs over the whole
 * batch, in request order, before the next phase starts; the first failure names its instance.
 */
public final class BatchChecks {
    private BatchChecks() {
    }

    /** Phase 3: the batch's instances in request order; a missing id is not found, or terminated. */
    public static List<Instance> existing(List<String> ids, Map<String, Instance> live, Set<String> tombstoned) {
        List<Instance> batch = new ArrayList<>(ids.size());
        for (String id : ids) {
            Instance i = live.get(id);
            if (i == null) {
                throw ApiException.of(tombstoned.contains(id) ? ErrorCode.STATE_TERMINATED
                        : ErrorCode.INVALID_INSTANCE_ID_NOT_FOUND, id);
            }
            batch.add(i);
        }
        return batch;
    }

    /** Phase 6: banning, then freezing. */
    public static void notRestricted(List<Instance> batch) {
        for (Instance i : batch) {
            ErrorCode restricted = Lifecycle.restriction(i);
            if (restricted != null) {
                throw ApiException.of(restricted, i.id());
            }
        }
    }

    /** Phase 8: every state allows the operation. */
    public static void statesAllow(List<Instance> batch, Operation op) {
        for (Instance i : batch) {
            ErrorCode refused = Lifecycle.stateRefusal(i, op);
            if (refused != null) {
                throw ApiException.of(refused, i.id());
            }
        }
    }

    /** Phase 9: no operation in flight, no identical job running. */
    public static void notBusy(List<Instance> batch) {
        for (Instance i : batch) {
            if (Lifecycle.operationInFlight(i)) {
                throw ApiException.of(ErrorCode.OPERATION_DENIED_IN_PROGRESS, i.id());
            }
            if (i.flags().taskRunning()) {
                throw ApiException.of(ErrorCode.MUTEX_OPERATION_TASK_RUNNING, i.id());
            }
        }
    }
}
