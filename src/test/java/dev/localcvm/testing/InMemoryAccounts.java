package dev.localcvm.testing;

import dev.localcvm.account.AccessKeyInfo;
import dev.localcvm.account.Account;
import dev.localcvm.account.AccountStore;
import dev.localcvm.account.ApiKey;
import dev.localcvm.account.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An AccountStore in a map, for unit tests of the gateway that need no database. */
public final class InMemoryAccounts implements AccountStore {
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Instant> created = new ConcurrentHashMap<>();

    @Override
    public Optional<ApiKey> findKey(String secretId) {
        return Optional.ofNullable(keys.get(secretId));
    }

    @Override
    public Optional<Account> findAccount(String uin) {
        return Optional.ofNullable(accounts.get(uin));
    }

    @Override
    public void insertAccount(Account account, String secretId, String secretKey, Instant now) {
        if (accounts.putIfAbsent(account.uin(), account) != null) {
            throw new IllegalStateException("duplicate uin");
        }
        insertKey(account.uin(), secretId, secretKey, now);
    }

    @Override
    public void insertKey(String uin, String secretId, String secretKey, Instant now) {
        keys.put(secretId, new ApiKey(secretId, secretKey, accounts.get(uin), true));
    }

    @Override
    public void insertTemporaryKey(String uin, String secretId, String secretKey, String token, Instant expiresAt,
                                   Instant now) {
        keys.put(secretId, new ApiKey(secretId, secretKey, accounts.get(uin), true, null, token, expiresAt));
    }

    @Override
    public void insertTemporaryKey(Principal principal, String secretId, String secretKey, String token,
                                   Instant expiresAt, Instant now) {
        keys.put(secretId, new ApiKey(secretId, secretKey, accounts.get(principal.ownerUin()), true, null, token,
                expiresAt, principal));
    }

    @Override
    public void updateMfa(String secretId, String mfa) {
        ApiKey k = keys.get(secretId);
        keys.put(secretId, new ApiKey(secretId, k.secretKey(), k.account(), true, mfa, k.token(), k.tokenExpiresAt()));
    }

    @Override
    public void updateRestrictions(String secretId, dev.localcvm.account.KeyRestrictions restrictions) {
        ApiKey k = keys.get(secretId);
        keys.put(secretId, new ApiKey(secretId, k.secretKey(), k.account(), k.enabled(), k.mfa(), k.token(),
                k.tokenExpiresAt(), k.principal(), restrictions));
    }

    @Override
    public void updateKeySecret(String secretId, String secretKey) {
        ApiKey k = keys.get(secretId);
        keys.put(secretId, new ApiKey(secretId, secretKey, k.account(), true));
    }

    @Override
    public void insertKey(Principal principal, String secretId, String secretKey, Instant now) {
        keys.put(secretId, new ApiKey(secretId, secretKey, accounts.get(principal.ownerUin()), true, null, null, null,
                principal));
        created.put(secretId, now);
    }

    /** Whether a permanent key belongs to the principal: the root's when principalUin is the account's own uin. */
    private static boolean of(ApiKey k, String ownerUin, String principalUin) {
        return !k.temporary() && k.account().uin().equals(ownerUin) && (ownerUin.equals(principalUin)
                ? k.principal().isRoot()
                : k.principal().kind() == Principal.Kind.SUB_USER && principalUin.equals(k.principal().uin()));
    }

    @Override
    public List<AccessKeyInfo> listKeys(String ownerUin, String principalUin) {
        return keys.values().stream().filter(k -> of(k, ownerUin, principalUin))
                .map(k -> new AccessKeyInfo(k.secretId(), k.enabled(), created.getOrDefault(k.secretId(), Instant.EPOCH)))
                .sorted(Comparator.comparing(AccessKeyInfo::createdAt).thenComparing(AccessKeyInfo::secretId))
                .toList();
    }

    @Override
    public boolean setKeyEnabled(String ownerUin, String principalUin, String secretId, boolean enabled) {
        ApiKey k = keys.get(secretId);
        if (k == null || !of(k, ownerUin, principalUin)) {
            return false;
        }
        keys.put(secretId, new ApiKey(secretId, k.secretKey(), k.account(), enabled, k.mfa(), k.token(),
                k.tokenExpiresAt(), k.principal()));
        return true;
    }

    @Override
    public boolean deleteKey(String ownerUin, String principalUin, String secretId) {
        ApiKey k = keys.get(secretId);
        return k != null && of(k, ownerUin, principalUin) && keys.remove(secretId) != null;
    }

    @Override
    public List<String> deleteKeysOf(String ownerUin, String principalUin) {
        List<String> out = new ArrayList<>();
        keys.values().stream().filter(k -> k.account().uin().equals(ownerUin)
                        && k.principal().kind() == Principal.Kind.SUB_USER && principalUin.equals(k.principal().uin()))
                .forEach(k -> out.add(k.secretId()));
        out.forEach(keys::remove);
        return out;
    }
}
