package dev.localcvm.store;

import dev.localcvm.account.AccessKeyInfo;
import dev.localcvm.account.Account;
import dev.localcvm.account.AccountStore;
import dev.localcvm.account.ApiKey;
import dev.localcvm.account.KeyRestrictions;
import dev.localcvm.account.Principal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Accounts and API keys in the database. */
public final class AccountRepository implements AccountStore {
    private final Jdbi jdbi;

    public AccountRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public Optional<ApiKey> findKey(String secretId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT k.secret_id, k.secret_key, k.enabled, k.mfa, k.token, k.token_expires_at,
                               k.principal_kind, k.principal_uin, k.principal_name, k.role_id, k.session_name,
                               k.session_policy, k.denied_actions, k.read_only, a.uin, a.app_id, a.name
                        FROM api_keys k JOIN accounts a ON a.uin = k.uin WHERE k.secret_id = :id""")
                .bind("id", secretId)
                .map((rs, ctx) -> new ApiKey(rs.getString("secret_id"), rs.getString("secret_key"),
                        new Account(rs.getString("uin"), rs.getLong("app_id"), rs.getString("name")),
                        rs.getBoolean("enabled"), rs.getString("mfa"), rs.getString("token"),
                        rs.getObject("token_expires_at") == null ? null
                                : Instant.ofEpochMilli(rs.getLong("token_expires_at")),
                        principal(rs), restrictions(rs)))
                .findOne());
    }

    private static KeyRestrictions restrictions(java.sql.ResultSet rs) throws java.sql.SQLException {
        String denied = rs.getString("denied_actions");
        boolean readOnly = rs.getBoolean("read_only");
        if (denied == null && !readOnly) {
            return KeyRestrictions.NONE;
        }
        List<String> patterns = denied == null || denied.isEmpty() ? List.of() : List.of(denied.split("\n"));
        return new KeyRestrictions(patterns, readOnly);
    }

    private static Principal principal(java.sql.ResultSet rs) throws java.sql.SQLException {
        String kind = rs.getString("principal_kind");
        String owner = rs.getString("uin");
        if (kind == null) {
            return Principal.root(owner);
        }
        return new Principal(Principal.Kind.valueOf(kind), owner, rs.getString("principal_uin"),
                rs.getString("principal_name"), rs.getString("role_id"), rs.getString("session_name"),
                rs.getString("session_policy"));
    }

    @Override
    public Optional<Account> findAccount(String uin) {
        return jdbi.withHandle(h -> h.createQuery("SELECT uin, app_id, name FROM accounts WHERE uin = :uin")
                .bind("uin", uin)
                .map((rs, ctx) -> new Account(rs.getString("uin"), rs.getLong("app_id"), rs.getString("name")))
                .findOne());
    }

    /** Inserts an account with its first key in one transaction. */
    @Override
    public void insertAccount(Account account, String secretId, String secretKey, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO accounts (uin, app_id, name, created_at) VALUES (:uin, :appId, :name, :at)")
                    .bind("uin", account.uin()).bind("appId", account.appId()).bind("name", account.name())
                    .bind("at", Timestamp.from(now)).execute();
            insertKey(h, account.uin(), secretId, secretKey, now);
        });
    }

    @Override
    public void insertKey(String uin, String secretId, String secretKey, Instant now) {
        jdbi.useHandle(h -> insertKey(h, uin, secretId, secretKey, now));
    }

    private static void insertKey(Handle h, String uin, String secretId, String secretKey, Instant now) {
        h.createUpdate("""
                        INSERT INTO api_keys (secret_id, secret_key, uin, enabled, created_at)
                        VALUES (:id, :key, :uin, TRUE, :at)""")
                .bind("id", secretId).bind("key", secretKey).bind("uin", uin).bind("at", Timestamp.from(now))
                .execute();
    }

    @Override
    public void insertTemporaryKey(String uin, String secretId, String secretKey, String token, Instant expiresAt,
                                   Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO api_keys (secret_id, secret_key, uin, enabled, created_at, token, token_expires_at)
                        VALUES (:id, :key, :uin, TRUE, :at, :token, :expires)""")
                .bind("id", secretId).bind("key", secretKey).bind("uin", uin).bind("at", Timestamp.from(now))
                .bind("token", token).bind("expires", expiresAt.toEpochMilli()).execute());
    }

    @Override
    public void insertTemporaryKey(Principal p, String secretId, String secretKey, String token, Instant expiresAt,
                                   Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO api_keys (secret_id, secret_key, uin, enabled, created_at, token, token_expires_at,
                                              principal_kind, principal_uin, principal_name, role_id, session_name,
                                              session_policy)
                        VALUES (:id, :key, :uin, TRUE, :at, :token, :expires, :kind, :puin, :pname, :role, :session,
                                :policy)""")
                .bind("id", secretId).bind("key", secretKey).bind("uin", p.ownerUin()).bind("at", Timestamp.from(now))
                .bind("token", token).bind("expires", expiresAt.toEpochMilli())
                .bind("kind", p.isRoot() ? null : p.kind().name()).bind("puin", p.isRoot() ? null : p.uin())
                .bind("pname", p.name()).bind("role", p.roleId()).bind("session", p.sessionName())
                .bind("policy", p.sessionPolicy()).execute());
    }

    @Override
    public void updateMfa(String secretId, String mfa) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_keys SET mfa = :mfa WHERE secret_id = :id")
                .bind("mfa", mfa).bind("id", secretId).execute());
    }

    @Override
    public void updateRestrictions(String secretId, KeyRestrictions restrictions) {
        String denied = restrictions.deniedActions().isEmpty() ? null : String.join("\n", restrictions.deniedActions());
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_keys SET denied_actions = :denied, read_only = :readOnly "
                        + "WHERE secret_id = :id")
                .bind("denied", denied).bind("readOnly", restrictions.readOnly()).bind("id", secretId).execute());
    }

    @Override
    public void updateKeySecret(String secretId, String secretKey) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_keys SET secret_key = :key, enabled = TRUE WHERE secret_id = :id")
                .bind("key", secretKey).bind("id", secretId).execute());
    }

    /**
     * Which of the account's permanent keys belong to one principal: the root's carry no principal kind, a
     * sub-user's are SUB_USER rows with its uin. Temporary keys (with a token) are never listed or changed here.
     */
    private static final String PRINCIPAL_KEYS = " uin = :owner AND token IS NULL AND ((:root AND principal_kind IS NULL)"
            + " OR (principal_kind = 'SUB_USER' AND principal_uin = :principal))";

    @Override
    public void insertKey(Principal principal, String secretId, String secretKey, Instant now) {
        jdbi.useHandle(h -> insertKey(h, principal, secretId, secretKey, now));
    }

    /** A permanent key of {@code principal}, inside the caller's transaction. */
    static void insertKey(Handle h, Principal p, String secretId, String secretKey, Instant now) {
        h.createUpdate("""
                        INSERT INTO api_keys (secret_id, secret_key, uin, enabled, created_at, principal_kind,
                                              principal_uin, principal_name)
                        VALUES (:id, :key, :uin, TRUE, :at, :kind, :puin, :pname)""")
                .bind("id", secretId).bind("key", secretKey).bind("uin", p.ownerUin()).bind("at", Timestamp.from(now))
                .bind("kind", p.isRoot() ? null : p.kind().name()).bind("puin", p.isRoot() ? null : p.uin())
                .bind("pname", p.name()).execute();
    }

    @Override
    public List<AccessKeyInfo> listKeys(String ownerUin, String principalUin) {
        return jdbi.withHandle(h -> listKeys(h, ownerUin, principalUin));
    }

    static List<AccessKeyInfo> listKeys(Handle h, String ownerUin, String principalUin) {
        return h.createQuery("SELECT secret_id, enabled, created_at FROM api_keys WHERE" + PRINCIPAL_KEYS
                        + " ORDER BY created_at, secret_id")
                .bind("owner", ownerUin).bind("root", ownerUin.equals(principalUin)).bind("principal", principalUin)
                .map((rs, ctx) -> new AccessKeyInfo(rs.getString("secret_id"), rs.getBoolean("enabled"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    public boolean setKeyEnabled(String ownerUin, String principalUin, String secretId, boolean enabled) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE api_keys SET enabled = :enabled WHERE secret_id = :id AND"
                        + PRINCIPAL_KEYS)
                .bind("enabled", enabled).bind("id", secretId).bind("owner", ownerUin)
                .bind("root", ownerUin.equals(principalUin)).bind("principal", principalUin).execute() == 1);
    }

    @Override
    public boolean deleteKey(String ownerUin, String principalUin, String secretId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_keys WHERE secret_id = :id AND" + PRINCIPAL_KEYS)
                .bind("id", secretId).bind("owner", ownerUin).bind("root", ownerUin.equals(principalUin))
                .bind("principal", principalUin).execute() == 1);
    }

    @Override
    public List<String> deleteKeysOf(String ownerUin, String principalUin) {
        return jdbi.inTransaction(h -> deleteKeysOf(h, ownerUin, principalUin));
    }

    /** Every key of a sub-user, temporary ones included, inside the caller's transaction; answers their SecretIds. */
    static List<String> deleteKeysOf(Handle h, String ownerUin, String principalUin) {
        List<String> ids = h.createQuery("""
                        SELECT secret_id FROM api_keys
                        WHERE uin = :owner AND principal_kind = 'SUB_USER' AND principal_uin = :principal""")
                .bind("owner", ownerUin).bind("principal", principalUin).mapTo(String.class).list();
        h.createUpdate("DELETE FROM api_keys WHERE uin = :owner AND principal_kind = 'SUB_USER' AND principal_uin = :p")
                .bind("owner", ownerUin).bind("p", principalUin).execute();
        return ids;
    }
}
