package dev.localcvm.cvm.domain;

import dev.localcvm.error.ErrorCode;

/** Every documented instance state (cvm-terminate.md §5.1) and the code that names it in a refusal. */
public enum InstanceState {
    PENDING(ErrorCode.STATE_PENDING),
    LAUNCH_FAILED(ErrorCode.STATE_LAUNCH_FAILED),
    RUNNING(ErrorCode.STATE_RUNNING),
    STOPPED(ErrorCode.STATE_STOPPED),
    STARTING(ErrorCode.STATE_STARTING),
    STOPPING(ErrorCode.STATE_STOPPING),
    REBOOTING(ErrorCode.STATE_REBOOTING),
    SHUTDOWN(ErrorCode.STATE_SHUTDOWN),
    TERMINATING(ErrorCode.STATE_TERMINATING),
    ENTER_RESCUE_MODE(ErrorCode.STATE_ENTER_RESCUE_MODE),
    RESCUE_MODE(ErrorCode.STATE_RESCUE_MODE),
    EXIT_RESCUE_MODE(ErrorCode.STATE_EXIT_RESCUE_MODE),
    ENTER_SERVICE_LIVE_MIGRATE(ErrorCode.STATE_ENTER_SERVICE_LIVE_MIGRATE),
    SERVICE_LIVE_MIGRATE(ErrorCode.STATE_SERVICE_LIVE_MIGRATE),
    EXIT_SERVICE_LIVE_MIGRATE(ErrorCode.STATE_EXIT_SERVICE_LIVE_MIGRATE);

    private final ErrorCode refusal;

    InstanceState(ErrorCode refusal) {
        this.refusal = refusal;
    }

    /** {@code UnsupportedOperation.InstanceState<X>} for an action this state does not allow. */
    public ErrorCode refusal() {
        return refusal;
    }
}
