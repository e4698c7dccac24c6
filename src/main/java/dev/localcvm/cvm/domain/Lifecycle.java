package dev.localcvm.cvm.domain;

import dev.localcvm.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The transition table of cvm-terminate.md §5.2 and §5.3 as data: which states each write action
 * accepts, the state it shows while in flight, and where it lands. Every other state refuses with the
 * code that names it.
 */
public final class Lifecycle {
    /** How long a LAUNCH_FAILED instance stays visible before it is purged (our choice). */
    public static final Duration LAUNCH_FAILED_RETENTION = Duration.ofHours(1);
    /** PREPAID retention in the recycle bin. */
    public static final Duration RECYCLE_RETENTION = Duration.ofDays(7);
    /** Retention of postpaid instances under the postpaidRecycleFirst option. */
    public static final Duration POSTPAID_RECYCLE_RETENTION = Duration.ofHours(2);

    /**
     * @param transitional the state shown while in flight; null keeps the current state (Modify)
     * @param target the state it lands in; null keeps the current state (Modify) or, for Terminate, destroys
     */
    public record Rule(Set<InstanceState> from, InstanceState transitional, InstanceState target) {
    }

    private static final Map<Operation, Rule> RULES = new EnumMap<>(Map.of(
            Operation.START, new Rule(Set.of(InstanceState.STOPPED), InstanceState.STARTING, InstanceState.RUNNING),
            Operation.STOP, new Rule(Set.of(InstanceState.RUNNING), InstanceState.STOPPING, InstanceState.STOPPED),
            Operation.REBOOT, new Rule(Set.of(InstanceState.RUNNING), InstanceState.REBOOTING, InstanceState.RUNNING),
            Operation.MODIFY, new Rule(Set.of(InstanceState.RUNNING, InstanceState.STOPPED), null, null),
            Operation.TERMINATE, new Rule(Set.of(InstanceState.RUNNING, InstanceState.STOPPED, InstanceState.SHUTDOWN),
                    InstanceState.TERMINATING, null)));

    private Lifecycle() {
    }

    /** Banning or freezing, which refuse every action whatever the state; null when neither. */
    public static ErrorCode restriction(Instance i) {
        if (i.flags().banned()) {
            return ErrorCode.STATE_BANNING;
        }
        return i.flags().frozen() ? ErrorCode.STATE_FREEZING : null;
    }

    /** The state refusal for {@code op}, or null when the state allows it. */
    public static ErrorCode stateRefusal(Instance i, Operation op) {
        if (i.isolating()) {
            return ErrorCode.STATE_ISOLATING;
        }
        if (RULES.get(op).from().contains(i.state())) {
            return null;
        }
        // Terminate has no code for the steady rescue and migration states: bare UnsupportedOperation (§2 row 35).
        if (op == Operation.TERMINATE
                && (i.state() == InstanceState.RESCUE_MODE || i.state() == InstanceState.SERVICE_LIVE_MIGRATE)) {
            return ErrorCode.UNSUPPORTED_OPERATION;
        }
        return i.state().refusal();
    }

    /** A permitted steady state whose previous operation is still in flight. */
    public static boolean operationInFlight(Instance i) {
        return Instance.OPERATING.equals(i.latestOperationState());
    }

    /**
     * Starts Start, Stop, Reboot or Modify: the transitional state now, the target after {@code delay}.
     * With no delay the instance lands at once.
     */
    public static Instance begin(Instance i, Operation op, String requestId, Instant now, Duration delay) {
        Rule rule = RULES.get(op);
        InstanceState target = rule.target() == null ? i.state() : rule.target();
        InstanceState shown = rule.transitional() == null ? i.state() : rule.transitional();
        Instance started = i.toBuilder().operation(op, requestId).state(shown)
                .pending(new Instance.Pending(target, now.plus(delay), null)).build();
        return started.settle(now).orElseThrow();
    }
}
