package dev.localcvm.cvm.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.error.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The §5.3 table: which code each action answers in each state. */
class LifecycleTest {

    @ParameterizedTest(name = "{1} on {0} -> {2}")
    @CsvSource({
            "PENDING, TERMINATE, UnsupportedOperation.InstanceStatePending",
            "PENDING, START, UnsupportedOperation.InstanceStatePending",
            "LAUNCH_FAILED, STOP, UnsupportedOperation.InstanceStateLaunchFailed",
            "RUNNING, TERMINATE, OK",
            "RUNNING, START, UnsupportedOperation.InstanceStateRunning",
            "RUNNING, STOP, OK",
            "RUNNING, REBOOT, OK",
            "RUNNING, MODIFY, OK",
            "STOPPED, TERMINATE, OK",
            "STOPPED, START, OK",
            "STOPPED, STOP, UnsupportedOperation.InstanceStateStopped",
            "STOPPED, REBOOT, UnsupportedOperation.InstanceStateStopped",
            "STOPPED, MODIFY, OK",
            "STARTING, TERMINATE, UnsupportedOperation.InstanceStateStarting",
            "STOPPING, MODIFY, UnsupportedOperation.InstanceStateStopping",
            "REBOOTING, STOP, UnsupportedOperation.InstanceStateRebooting",
            "SHUTDOWN, TERMINATE, OK",
            "SHUTDOWN, START, UnsupportedOperation.InstanceStateShutdown",
            "SHUTDOWN, MODIFY, UnsupportedOperation.InstanceStateShutdown",
            "TERMINATING, TERMINATE, UnsupportedOperation.InstanceStateTerminating",
            "TERMINATING, REBOOT, UnsupportedOperation.InstanceStateTerminating",
            "ENTER_RESCUE_MODE, TERMINATE, UnsupportedOperation.InstanceStateEnterRescueMode",
            "EXIT_RESCUE_MODE, START, UnsupportedOperation.InstanceStateExitRescueMode",
            "ENTER_SERVICE_LIVE_MIGRATE, TERMINATE, UnsupportedOperation.InstanceStateEnterServiceLiveMigrate",
            "EXIT_SERVICE_LIVE_MIGRATE, STOP, UnsupportedOperation.InstanceStateExitServiceLiveMigrate",
            "RESCUE_MODE, TERMINATE, UnsupportedOperation",
            "SERVICE_LIVE_MIGRATE, TERMINATE, UnsupportedOperation",
            "RESCUE_MODE, START, UnsupportedOperation.InstanceStateRescueMode",
            "SERVICE_LIVE_MIGRATE, MODIFY, UnsupportedOperation.InstanceStateServiceLiveMigrate",
    })
    void stateTable(InstanceState state, Operation op, String expected) {
        Instance i = Instances.of("ins-aaaaaaaa", state, ChargeType.PREPAID).build();

        ErrorCode refusal = Lifecycle.stateRefusal(i, op);

        assertThat(refusal == null ? "OK" : refusal.code()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"TERMINATE", "START", "STOP", "REBOOT", "MODIFY"})
    void isolatingRefusesEverything(Operation op) {
        Instance isolating = Instances.of("ins-aaaaaaaa", InstanceState.SHUTDOWN, ChargeType.PREPAID)
                .pending(new Instance.Pending(InstanceState.SHUTDOWN, Instances.T0.plusSeconds(1), null)).build();

        assertThat(Lifecycle.stateRefusal(isolating, op)).isEqualTo(ErrorCode.STATE_ISOLATING);
    }

    @ParameterizedTest
    @CsvSource({"STOP, STOPPING, STOPPED", "START, STARTING, RUNNING", "REBOOT, REBOOTING, RUNNING", "MODIFY, RUNNING, RUNNING"})
    void beginShowsTheTransitionalStateThenLands(Operation op, InstanceState shown, InstanceState landed) {
        InstanceState from = op == Operation.START ? InstanceState.STOPPED : InstanceState.RUNNING;
        Instance i = Instances.of("ins-aaaaaaaa", from, ChargeType.POSTPAID_BY_HOUR).build();

        Instance started = Lifecycle.begin(i, op, "req-1", Instances.T0, Duration.ofSeconds(1));

        assertThat(started.state()).isEqualTo(shown);
        assertThat(started.latestOperation()).isEqualTo(op.apiName());
        assertThat(started.latestOperationState()).isEqualTo(Instance.OPERATING);
        assertThat(started.latestOperationRequestId()).isEqualTo("req-1");
        assertThat(started.settle(Instances.T0.plusMillis(999)).orElseThrow().state()).isEqualTo(shown);
        Instance done = started.settle(Instances.T0.plusSeconds(1)).orElseThrow();
        assertThat(done.state()).isEqualTo(landed);
        assertThat(done.latestOperationState()).isEqualTo(Instance.SUCCESS);
        assertThat(done.pending()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"STOP, STOPPED", "START, RUNNING"})
    void withoutDelayTheTargetIsReachedAtOnce(Operation op, InstanceState landed) {
        InstanceState from = op == Operation.START ? InstanceState.STOPPED : InstanceState.RUNNING;
        Instance i = Instances.of("ins-aaaaaaaa", from, ChargeType.POSTPAID_BY_HOUR).build();

        Instance started = Lifecycle.begin(i, op, "req-1", Instances.T0, Duration.ZERO);

        assertThat(started.state()).isEqualTo(landed);
        assertThat(started.latestOperationState()).isEqualTo(Instance.SUCCESS);
    }

    @ParameterizedTest
    @CsvSource({"true, false, UnsupportedOperation.InstanceStateBanning",
            "false, true, UnsupportedOperation.InstanceStateFreezing", "true, true, UnsupportedOperation.InstanceStateBanning",
            "false, false, OK"})
    void restrictions(boolean banned, boolean frozen, String expected) {
        Instance i = Instances.of("ins-aaaaaaaa", InstanceState.RUNNING, ChargeType.PREPAID)
                .flags(new Instance.Flags(frozen, banned, false, null, false, false, false, true)).build();

        ErrorCode code = Lifecycle.restriction(i);

        assertThat(code == null ? "OK" : code.code()).isEqualTo(expected);
    }
}
