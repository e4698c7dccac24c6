package dev.localcvm.cvm.domain;

/**
 * An account's admin attributes (cvm-terminate.md §2): conditions only the platform or the account
 * can cause, set through the admin API so that every documented error can be reproduced.
 *
 * @param returnQuota prepaid returns allowed (the policy's self-service limit, 199 by default)
 * @param terminateQuota the limited-operation quota; null means unlimited
 * @param instanceQuota instances per region; null means the server's --instance-quota
 * @param failNextLaunches how many of the next launched instances end in LAUNCH_FAILED
 * @param addressQuota elastic IPs per region; null means the documented 20
 */
public record AccountAttributes(boolean appIdInvalid, boolean eipReleaseEnabled, boolean unpaidOrder, int returnQuota,
                                int returnsUsed, Integer terminateQuota, Integer instanceQuota, int failNextLaunches,
                                Integer addressQuota) {
    public static final AccountAttributes DEFAULTS = new AccountAttributes(false, true, false, 199, 0, null, null, 0,
            null);
}
