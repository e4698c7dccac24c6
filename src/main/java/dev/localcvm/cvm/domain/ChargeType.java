package dev.localcvm.cvm.domain;

/** InstanceChargeType values (cvm-terminate.md §4.1). UNDERWRITE is only seeded by the admin API. */
public enum ChargeType {
    PREPAID, POSTPAID_BY_HOUR, CDHPAID, SPOTPAID, CDCPAID, UNDERWRITE;

    public static ChargeType parse(String value) {
        for (ChargeType c : values()) {
            if (c.name().equals(value)) {
                return c;
            }
        }
        return null;
    }

    /** Whether a first TerminateInstances call isolates into the recycle bin instead of destroying. */
    public boolean recyclesFirst(boolean postpaidRecycleFirst) {
        return this == PREPAID || (postpaidRecycleFirst && (this == POSTPAID_BY_HOUR || this == CDHPAID || this == CDCPAID));
    }
}
