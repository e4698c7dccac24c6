package dev.localcvm.store;

import dev.localcvm.cvm.domain.AccountAttributes;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The admin attributes of accounts and regions; a missing row means the defaults. */
public final class AttributeRepository {
    private final Jdbi jdbi;

    public AttributeRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    public AccountAttributes account(String uin) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM account_attributes WHERE uin = :uin")
                .bind("uin", uin)
                .map((rs, ctx) -> new AccountAttributes(rs.getBoolean("app_id_invalid"),
                        rs.getBoolean("eip_release_enabled"), rs.getBoolean("unpaid_order"), rs.getInt("return_quota"),
                        rs.getInt("returns_used"), (Integer) rs.getObject("terminate_quota"),
                        (Integer) rs.getObject("instance_quota"), rs.getInt("fail_next_launches"),
                        (Integer) rs.getObject("address_quota")))
                .findOne().orElse(AccountAttributes.DEFAULTS));
    }

    public void saveAccount(String uin, AccountAttributes a) {
        jdbi.useTransaction(h -> {
            ensureAccountRow(h, uin);
            h.createUpdate("UPDATE account_attributes SET app_id_invalid = :appIdInvalid, "
                            + "eip_release_enabled = :eip, unpaid_order = :unpaid, return_quota = :quota, "
                            + "returns_used = :used, terminate_quota = :terminateQuota, instance_quota = :instanceQuota, "
                            + "fail_next_launches = :failNext, address_quota = :addressQuota WHERE uin = :uin")
                    .bind("appIdInvalid", a.appIdInvalid()).bind("eip", a.eipReleaseEnabled())
                    .bind("unpaid", a.unpaidOrder()).bind("quota", a.returnQuota()).bind("used", a.returnsUsed())
                    .bind("terminateQuota", a.terminateQuota()).bind("instanceQuota", a.instanceQuota())
                    .bind("failNext", a.failNextLaunches()).bind("addressQuota", a.addressQuota())
                    .bind("uin", uin).execute();
        });
    }

    /** Counts prepaid returns inside the caller's transaction, so the counter moves with the instances. */
    static void addReturns(Handle h, String uin, int count) {
        ensureAccountRow(h, uin);
        h.createUpdate("UPDATE account_attributes SET returns_used = returns_used + :n WHERE uin = :uin")
                .bind("n", count).bind("uin", uin).execute();
    }

    /**
     * Takes one pending launch failure, if any, atomically; so concurrent launches never both take the
     * last one.
     */
    public boolean takeLaunchFailure(String uin) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE account_attributes SET fail_next_launches = "
                        + "fail_next_launches - 1 WHERE uin = :uin AND fail_next_launches > 0")
                .bind("uin", uin).execute() == 1);
    }

    private static void ensureAccountRow(Handle h, String uin) {
        AccountAttributes d = AccountAttributes.DEFAULTS;
        h.createUpdate("INSERT INTO account_attributes (uin, app_id_invalid, eip_release_enabled, unpaid_order, "
                        + "return_quota, returns_used, terminate_quota, instance_quota, fail_next_launches) "
                        + "VALUES (:uin, :a, :b, :c, :d, 0, NULL, NULL, 0) ON CONFLICT DO NOTHING")
                .bind("uin", uin).bind("a", d.appIdInvalid()).bind("b", d.eipReleaseEnabled())
                .bind("c", d.unpaidOrder()).bind("d", d.returnQuota()).execute();
    }

    public boolean regionTerminateDisabled(String region) {
        return jdbi.withHandle(h -> h.createQuery("SELECT terminate_disabled FROM region_attributes WHERE region = :r")
                .bind("r", region).mapTo(Boolean.class).findOne().orElse(false));
    }

    public void setRegionTerminateDisabled(String region, boolean disabled) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO region_attributes (region, terminate_disabled) VALUES (:r, :d) ON CONFLICT DO NOTHING")
                    .bind("r", region).bind("d", disabled).execute();
            h.createUpdate("UPDATE region_attributes SET terminate_disabled = :d WHERE region = :r")
                    .bind("r", region).bind("d", disabled).execute();
        });
    }

    public Optional<String> mfa(String secretId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT mfa FROM api_keys WHERE secret_id = :id")
                .bind("id", secretId).mapTo(String.class).findOne());
    }
}
