package dev.localcvm.cvm.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.error.ApiException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The batch termination policy: phase order, and what each charge type becomes. */
class TerminationTest {
    private static final Termination.Caller CALLER = new Termination.Caller(null, false, false, true, false, 199, 0, null);

    private static Termination.Request request(String... ids) {
        return new Termination.Request(List.of(ids), false, false, "req-9", Instances.T0, Duration.ofSeconds(1), false);
    }

    private static Map<String, Instance> byId(Instance... instances) {
        Map<String, Instance> m = new LinkedHashMap<>();
        for (Instance i : instances) {
            m.put(i.id(), i);
        }
        return m;
    }

    private static String codeOf(Runnable r) {
        try {
            r.run();
            return "OK";
        } catch (ApiException e) {
            return e.wireCode();
        }
    }

    @Test
    void postpaidBecomesTerminatingThenIsDestroyed() {
        Instance i = Instances.running("ins-aaaaaaaa", ChargeType.POSTPAID_BY_HOUR);

        Instance changed = Termination.plan(request("ins-aaaaaaaa"), CALLER, byId(i), Set.of()).changed().get(0);

        assertThat(changed.state()).isEqualTo(InstanceState.TERMINATING);
        assertThat(changed.latestOperationRequestId()).isEqualTo("req-9");
        assertThat(changed.version()).isEqualTo(i.version());
        assertThat(changed.settle(Instances.T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void prepaidFirstCallIsolatesForSevenDaysAndCountsAReturn() {
        Instance i = Instances.running("ins-aaaaaaaa", ChargeType.PREPAID);

        Termination.Plan plan = Termination.plan(request("ins-aaaaaaaa"), CALLER, byId(i), Set.of());
        Instance changed = plan.changed().get(0);

        assertThat(plan.prepaidReturns()).isEqualTo(1);
        assertThat(changed.state()).isEqualTo(InstanceState.SHUTDOWN);
        assertThat(changed.isolating()).isTrue();
        assertThat(changed.isolatedSource()).isEqualTo("MANMADE");
        Instance inBin = changed.settle(Instances.T0.plusSeconds(1)).orElseThrow();
        assertThat(inBin.isolating()).isFalse();
        assertThat(inBin.latestOperationState()).isEqualTo(Instance.SUCCESS);
        assertThat(inBin.settle(Instances.T0.plus(Duration.ofDays(7)).minusMillis(1))).isPresent();
        assertThat(inBin.settle(Instances.T0.plus(Duration.ofDays(7)))).isEmpty();
    }

    @Test
    void prepaidSecondCallTerminatesWithoutAnotherReturn() {
        Instance inBin = Instances.of("ins-aaaaaaaa", InstanceState.SHUTDOWN, ChargeType.PREPAID)
                .isolatedSource("MANMADE").releaseAt(Instances.T0.plus(Duration.ofDays(7))).build();

        Termination.Plan plan = Termination.plan(request("ins-aaaaaaaa"), CALLER, byId(inBin), Set.of());

        assertThat(plan.prepaidReturns()).isZero();
        assertThat(plan.changed().get(0).state()).isEqualTo(InstanceState.TERMINATING);
        assertThat(plan.changed().get(0).isolatedSource()).isEqualTo("MANMADE");
    }

    @Test
    void postpaidRecycleFirstOptionIsolatesForTwoHours() {
        Instance i = Instances.running("ins-aaaaaaaa", ChargeType.POSTPAID_BY_HOUR);
        Termination.Request req = new Termination.Request(List.of("ins-aaaaaaaa"), false, false, "r", Instances.T0,
                Duration.ZERO, true);

        Instance changed = Termination.plan(req, CALLER, byId(i), Set.of()).changed().get(0);

        assertThat(changed.state()).isEqualTo(InstanceState.SHUTDOWN);
        assertThat(changed.releaseAt()).isEqualTo(Instances.T0.plus(Duration.ofHours(2)));
    }

    @Test
    void earlierPhasesWinOverLaterIdsErrors() {
        Instance pending = Instances.of("ins-aaaaaaaa", InstanceState.PENDING, ChargeType.POSTPAID_BY_HOUR).build();
        Instance foreign = Instances.of("ins-bbbbbbbb", InstanceState.RUNNING, ChargeType.POSTPAID_BY_HOUR)
                .flags(new Instance.Flags(false, false, true, null, false, false, false, true)).build();

        String code = codeOf(() -> Termination.plan(request("ins-aaaaaaaa", "ins-bbbbbbbb"), CALLER,
                byId(pending, foreign), Set.of()));

        assertThat(code).isEqualTo("UnsupportedOperation.InvalidInstancesOwner");
    }

    @Test
    void phaseOneChecksShapeBeforeTheCaller() {
        Termination.Caller mfaMissing = new Termination.Caller("MISSING", false, false, true, false, 199, 0, null);

        assertThat(codeOf(() -> Termination.plan(request("ins-1122"), mfaMissing, Map.of(), Set.of())))
                .isEqualTo("InvalidInstanceId.Malformed");
        assertThat(codeOf(() -> Termination.plan(request("ins-aaaaaaaa"), mfaMissing, Map.of(), Set.of())))
                .isEqualTo("UnauthorizedOperation.MFANotFound");
    }

    @Test
    void missingIdsAreNotFoundOrTerminated() {
        assertThat(codeOf(() -> Termination.plan(request("ins-aaaaaaaa"), CALLER, Map.of(), Set.of())))
                .isEqualTo("InvalidInstanceId.NotFound");
        assertThat(codeOf(() -> Termination.plan(request("ins-aaaaaaaa"), CALLER, Map.of(), Set.of("ins-aaaaaaaa"))))
                .isEqualTo("UnsupportedOperation.InstanceStateTerminated");
    }

    @Test
    void protectionComesBeforeStateAndAfterRestrictions() {
        Instance protectedPending = Instances.of("ins-aaaaaaaa", InstanceState.PENDING, ChargeType.POSTPAID_BY_HOUR)
                .disableApiTermination(true).build();
        Instance frozenProtected = Instances.of("ins-bbbbbbbb", InstanceState.RUNNING, ChargeType.POSTPAID_BY_HOUR)
                .disableApiTermination(true)
                .flags(new Instance.Flags(true, false, false, null, false, false, false, true)).build();

        assertThat(codeOf(() -> Termination.plan(request("ins-aaaaaaaa"), CALLER, byId(protectedPending), Set.of())))
                .isEqualTo("UnsupportedOperation.InstancesProtected");
        assertThat(codeOf(() -> Termination.plan(request("ins-bbbbbbbb"), CALLER, byId(frozenProtected), Set.of())))
                .isEqualTo("UnsupportedOperation.InstanceStateFreezing");
    }

    @Test
    void mixedChargeTypesAreRefusedWhateverTheOrder() {
        Instance a = Instances.running("ins-aaaaaaaa", ChargeType.POSTPAID_BY_HOUR);
        Instance b = Instances.running("ins-bbbbbbbb", ChargeType.SPOTPAID);

        assertThat(codeOf(() -> Termination.plan(request("ins-aaaaaaaa", "ins-bbbbbbbb"), CALLER, byId(a, b), Set.of())))
                .isEqualTo("UnsupportedOperation.InstanceMixedPricingModel");
    }

    @Test
    void returnPolicyAppliesToPrepaidFirstCallsOnly() {
        Termination.Caller unpaid = new Termination.Caller(null, false, false, true, true, 199, 0, null);
        Instance prepaid = Instances.running("ins-aaaaaaaa", ChargeType.PREPAID);
        Instance postpaid = Instances.running("ins-bbbbbbbb", ChargeType.POSTPAID_BY_HOUR);
        Instance redHat = Instances.of("ins-cccccccc", InstanceState.RUNNING, ChargeType.PREPAID)
                .spec(withOs(prepaid.spec(), "Red Hat Enterprise Linux 8.x 64bit")).id("ins-cccccccc").build();

        assertThat(codeOf(() -> Termination.plan(request("ins-aaaaaaaa"), unpaid, byId(prepaid), Set.of())))
                .isEqualTo("InvalidAccount.UnpaidOrder");
        assertThat(codeOf(() -> Termination.plan(request("ins-bbbbbbbb"), unpaid, byId(postpaid), Set.of())))
                .isEqualTo("OK");
        assertThat(codeOf(() -> Termination.plan(request("ins-cccccccc"), CALLER, byId(redHat), Set.of())))
                .isEqualTo("UnsupportedOperation.RedHatInstanceTerminateUnsupported");
        Termination.Caller quotaUsed = new Termination.Caller(null, false, false, true, false, 1, 1, null);
        assertThat(codeOf(() -> Termination.plan(request("ins-aaaaaaaa"), quotaUsed, byId(prepaid), Set.of())))
                .isEqualTo("LimitExceeded.UserReturnQuota");
    }

    private static Instance.Spec withOs(Instance.Spec s, String os) {
        return new Instance.Spec(s.zone(), s.projectId(), s.instanceType(), s.cpu(), s.memory(), s.imageId(), os,
                s.systemDisk(), s.dataDisks(), s.privateIps(), s.internetMaxBandwidthOut(), s.internetChargeType(),
                s.vpcId(), s.subnetId(), s.keyIds(), s.tags(), s.uuid(), s.renewFlag(), s.expiredTime(), s.launch());
    }

    @Test
    void nothingInTheInputIsModified() {
        Instance i = Instances.running("ins-aaaaaaaa", ChargeType.POSTPAID_BY_HOUR);
        Map<String, Instance> found = byId(i);

        Termination.plan(request("ins-aaaaaaaa"), CALLER, found, Set.of());

        assertThat(found.get("ins-aaaaaaaa")).isSameAs(i);
        assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
    }
}
