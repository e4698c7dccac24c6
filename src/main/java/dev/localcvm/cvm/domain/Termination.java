package dev.localcvm.cvm.domain;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The batch termination policy of cvm-terminate.md §3 and §4: phases 2 to 11 over the whole batch,
 * then the changes for every instance. Nothing is changed unless every check passes.
 */
public final class Termination {
    /** Instance type families that the prepaid return policy does not let a user return (§2 row 40). */
    private static final Set<String> NOT_SELF_RETURNABLE = Set.of("SN2", "CN2", "FX2");

    private Termination() {
    }

    /** What the caller, its account and the region allow; the admin attributes of §2. */
    public record Caller(String mfa, boolean appIdInvalid, boolean regionTerminateDisabled, boolean eipReleaseEnabled,
                         boolean unpaidOrder, int returnQuota, int returnsUsed, Integer terminateQuota) {
    }

    /** @param addressTypes the type of the EIP bound to each instance of the batch that has one */
    public record Request(List<String> ids, boolean releaseAddress, boolean releasePrepaidDataDisks,
                          String requestId, Instant now, Duration delay, boolean postpaidRecycleFirst,
                          Map<String, String> addressTypes) {
        public Request(List<String> ids, boolean releaseAddress, boolean releasePrepaidDataDisks, String requestId,
                       Instant now, Duration delay, boolean postpaidRecycleFirst) {
            this(ids, releaseAddress, releasePrepaidDataDisks, requestId, now, delay, postpaidRecycleFirst, Map.of());
        }
    }

    /** The instances as they will be saved, and how many prepaid returns the batch uses. */
    public record Plan(List<Instance> changed, int prepaidReturns) {
    }

    /**
     * @param found the batch's instances that exist, settled at {@code now}, by id
     * @param tombstoned ids destroyed within the tombstone window
     */
    public static Plan plan(Request req, Caller caller, Map<String, Instance> found, Set<String> tombstoned) {
        InstanceIds.check(req.ids(), false);
        checkCaller(req, caller);
        List<Instance> batch = BatchChecks.existing(req.ids(), found, tombstoned);
        for (Instance i : batch) {
            checkOwnerAndRole(i);
        }
        checkChargeTypes(batch);
        BatchChecks.notRestricted(batch);
        for (Instance i : batch) {
            if (i.disableApiTermination()) {
                throw ApiException.of(ErrorCode.UNSUPPORTED_INSTANCES_PROTECTED, i.id());
            }
        }
        BatchChecks.statesAllow(batch, Operation.TERMINATE);
        BatchChecks.notBusy(batch);
        List<Instance> prepaidFirstCalls = batch.stream()
                .filter(i -> i.chargeType() == ChargeType.PREPAID && i.state() != InstanceState.SHUTDOWN).toList();
        checkReturnPolicy(prepaidFirstCalls, caller);
        if (caller.terminateQuota() != null && caller.terminateQuota() < batch.size()) {
            throw new ApiException(ErrorCode.UNSUPPORTED_USER_LIMIT_QUOTA);
        }
        List<Instance> changed = new ArrayList<>(batch.size());
        for (Instance i : batch) {
            changed.add(apply(i, req));
        }
        return new Plan(changed, prepaidFirstCalls.size());
    }

    private static void checkCaller(Request req, Caller caller) {
        if ("MISSING".equals(caller.mfa())) {
            throw new ApiException(ErrorCode.UNAUTHORIZED_MFA_NOT_FOUND);
        }
        if ("EXPIRED".equals(caller.mfa())) {
            throw new ApiException(ErrorCode.UNAUTHORIZED_MFA_EXPIRED);
        }
        if (caller.appIdInvalid()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_APP_ID);
        }
        if (caller.regionTerminateDisabled()) {
            throw new ApiException(ErrorCode.UNSUPPORTED_OPERATION_REGION);
        }
        if (req.releaseAddress() && !caller.eipReleaseEnabled()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_NOT_SUPPORTED,
                    "`ReleaseAddress` is not enabled for this account.");
        }
        if (req.releaseAddress()) {
            // Row 11's second trigger (§4.4): releasing a plain EIP is refused rather than silently skipped.
            for (String id : req.ids()) {
                String type = req.addressTypes().get(id);
                if (type != null && !ResourcePlan.RELEASABLE.contains(type)) {
                    throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_NOT_SUPPORTED, "`ReleaseAddress` cannot "
                            + "release the " + type + " bound to `" + id + "`; only " + ResourcePlan.RELEASABLE.stream()
                            .sorted().toList() + " are released with an instance.");
                }
            }
        }
    }

    private static void checkOwnerAndRole(Instance i) {
        Instance.Flags f = i.flags();
        if (f.foreignOwner()) {
            throw ApiException.of(ErrorCode.UNSUPPORTED_INVALID_INSTANCES_OWNER, i.id());
        }
        if (f.applicationRole() != null) {
            throw ApiException.of("EMR".equals(f.applicationRole()) ? ErrorCode.FAILED_OPERATION_APPLICATION_ROLE_EMR
                    : ErrorCode.FAILED_OPERATION_APPLICATION_ROLE, i.id());
        }
        if (f.notSupported()) {
            throw ApiException.of(ErrorCode.INVALID_INSTANCE_NOT_SUPPORTED, i.id());
        }
        if (f.specialType()) {
            throw ApiException.of(ErrorCode.UNSUPPORTED_SPECIAL_INSTANCE_TYPE, i.id());
        }
    }

    private static void checkChargeTypes(List<Instance> batch) {
        EnumSet<ChargeType> types = EnumSet.noneOf(ChargeType.class);
        batch.forEach(i -> types.add(i.chargeType()));
        if (types.size() > 1) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MIXED_PRICING,
                    "A mixed payment mode is not supported: the batch holds " + types + ".");
        }
        for (Instance i : batch) {
            if (i.chargeType() == ChargeType.UNDERWRITE) {
                throw ApiException.of(ErrorCode.UNSUPPORTED_CHARGE_TYPE, i.id());
            }
        }
    }

    private static void checkReturnPolicy(List<Instance> firstCalls, Caller caller) {
        if (firstCalls.isEmpty()) {
            return;
        }
        if (caller.unpaidOrder()) {
            throw new ApiException(ErrorCode.INVALID_ACCOUNT_UNPAID_ORDER);
        }
        if (caller.returnsUsed() + firstCalls.size() > caller.returnQuota()) {
            throw new ApiException(ErrorCode.LIMIT_EXCEEDED_USER_RETURN_QUOTA,
                    "Failed to return instances because of the quota limit: " + caller.returnsUsed() + " of "
                            + caller.returnQuota() + " returns used.");
        }
        for (Instance i : firstCalls) {
            if (i.spec().osName() != null && i.spec().osName().startsWith("Red Hat")) {
                throw ApiException.of(ErrorCode.UNSUPPORTED_RED_HAT_TERMINATE, i.id());
            }
            String family = i.spec().instanceType().split("\\.", 2)[0];
            if (NOT_SELF_RETURNABLE.contains(family)) {
                throw ApiException.of(ErrorCode.INVALID_INSTANCE_NOT_SUPPORTED_PREPAID, i.id());
            }
            if (!i.flags().returnable()) {
                throw ApiException.of(ErrorCode.FAILED_OPERATION_UNRETURNABLE, i.id());
            }
        }
    }

    /** The change for one validated instance: isolation into the bin, or TERMINATING then destroyed. */
    private static Instance apply(Instance i, Request req) {
        Instance.Builder b = i.toBuilder().operation(Operation.TERMINATE, req.requestId());
        Instant due = req.now().plus(req.delay());
        if (i.state() != InstanceState.SHUTDOWN && i.chargeType().recyclesFirst(req.postpaidRecycleFirst())) {
            Duration retention = i.chargeType() == ChargeType.PREPAID ? Lifecycle.RECYCLE_RETENTION
                    : Lifecycle.POSTPAID_RECYCLE_RETENTION;
            b.state(InstanceState.SHUTDOWN).isolatedSource("MANMADE")
                    .pending(new Instance.Pending(InstanceState.SHUTDOWN, due, null))
                    .releaseAt(req.now().plus(retention))
                    .releaseAddress(req.releaseAddress())
                    .releasePrepaidDataDisks(req.releasePrepaidDataDisks());
        } else {
            b.state(InstanceState.TERMINATING)
                    .pending(new Instance.Pending(null, due, null))
                    .releaseAddress(i.releaseAddress() || req.releaseAddress())
                    .releasePrepaidDataDisks(i.releasePrepaidDataDisks() || req.releasePrepaidDataDisks());
        }
        return b.build();
    }
}
