package dev.localcvm.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accounts and key lookup. Keys are cached after the first lookup (the gateway resolves a SecretId on
 * every request) unless other replicas share the store.
 */
public final class AccountService {
    public static final String DEFAULT_UIN = "100000000001";
    public static final long DEFAULT_APP_ID = 1250000000L;
    public static final String DEFAULT_SECRET_ID = "AKIDLOCALCVM0000000000000000DEFAULT";
    public static final String DEFAULT_SECRET_KEY = "localcvmDefaultSecretKey00000000";

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, ApiKey> keys = new ConcurrentHashMap<>();
    /**
     * Counts evictions. A lookup caches what it read only when no eviction happened since it began reading, so that
     * a key read just before it was disabled or deleted is not put back into the cache after its eviction.
     */
    private final AtomicLong evictions = new AtomicLong();
    private final AccountStore store;
    private final Clock clock;

    private final boolean cacheKeys;

    public AccountService(AccountStore store, Clock clock) {
        this(store, clock, true);
    }

    /** @param cacheKeys false when other replicas may change keys (MFA, new tokens) behind this one's back */
    public AccountService(AccountStore store, Clock clock, boolean cacheKeys) {
        this.store = store;
        this.clock = clock;
        this.cacheKeys = cacheKeys;
    }

    /** Makes sure the default account exists and holds the given key pair; returns that key. */
    public ApiKey ensureDefault(String secretId, String secretKey) {
        if (store.findAccount(DEFAULT_UIN).isEmpty()) {
            store.insertAccount(new Account(DEFAULT_UIN, DEFAULT_APP_ID, "default"), secretId, secretKey, clock.instant());
        }
        Optional<ApiKey> existing = store.findKey(secretId);
        if (existing.isEmpty()) {
            store.insertKey(DEFAULT_UIN, secretId, secretKey, clock.instant());
        } else if (!existing.get().secretKey().equals(secretKey) || !existing.get().enabled()) {
            store.updateKeySecret(secretId, secretKey);
        }
        forget(List.of(secretId));
        return findKey(secretId).orElseThrow();
    }

    /** Creates an account with fresh ids and one key pair. */
    public ApiKey createAccount(String name) {
        for (int attempt = 0; ; attempt++) {
            String uin = "1000" + digits(8);
            long appId = 1300000000L + random.nextInt(700_000_000);
            String secretId = "AKID" + token(32);
            String secretKey = token(32);
            Account account = new Account(uin, appId, name == null || name.isBlank() ? "account-" + uin : name);
            try {
                store.insertAccount(account, secretId, secretKey, clock.instant());
                return new ApiKey(secretId, secretKey, account, true);
            } catch (RuntimeException e) {
                // A random id collided with an existing one (a unique constraint); draw again.
                if (attempt >= 4) {
                    throw e;
                }
            }
        }
    }

    /** Issues a temporary credential of the account (SecretId, SecretKey and Token) valid for {@code ttl}. */
    public ApiKey createTemporaryKey(String uin, java.time.Duration ttl) {
        Account account = store.findAccount(uin).orElseThrow(() -> new IllegalArgumentException("no account " + uin));
        String secretId = "AKID" + token(32);
        String secretKey = token(32);
        String sessionToken = token(64);
        java.time.Instant expires = clock.instant().plus(ttl);
        store.insertTemporaryKey(uin, secretId, secretKey, sessionToken, expires, clock.instant());
        return new ApiKey(secretId, secretKey, account, true, null, sessionToken, expires);
    }

    /**
     * Issues a temporary credential (SecretId, SecretKey and Token) signing for {@code principal}, valid for {@code ttl}
     * on the server clock: a role session (sts AssumeRole) or a federated user (sts GetFederationToken).
     */
    public ApiKey createTemporaryKey(Principal principal, java.time.Duration ttl) {
        Account account = store.findAccount(principal.ownerUin())
                .orElseThrow(() -> new IllegalArgumentException("no account " + principal.ownerUin()));
        String secretId = "AKID" + token(32);
        String secretKey = token(32);
        String sessionToken = token(64);
        java.time.Instant expires = clock.instant().plus(ttl);
        store.insertTemporaryKey(principal, secretId, secretKey, sessionToken, expires, clock.instant());
        return new ApiKey(secretId, secretKey, account, true, null, sessionToken, expires, principal);
    }

    /** Sets the credential's MFA condition (null, MISSING, EXPIRED or FAILED). */
    public void setMfa(String secretId, String mfa) {
        store.updateMfa(secretId, mfa);
        forget(List.of(secretId));
    }

    /** Sets the credential's admin switches. */
    public void setRestrictions(String secretId, KeyRestrictions restrictions) {
        store.updateRestrictions(secretId, restrictions);
        keys.remove(secretId);
    }

    /** The key as cached, or null when looking it up would need the store. */
    public ApiKey cached(String secretId) {
        return keys.get(secretId);
    }

    public Optional<Account> findAccount(String uin) {
        return store.findAccount(uin);
    }

    public Optional<ApiKey> findKey(String secretId) {
        ApiKey cached = keys.get(secretId);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = evictions.get();
        Optional<ApiKey> found = store.findKey(secretId);
        if (cacheKeys && found.isPresent()) {
            // compute is atomic per key, and forget counts before it removes: either this runs first and the
            // eviction removes what it put, or it sees the count moved and caches nothing.
            keys.compute(secretId, (id, current) -> evictions.get() == before ? found.get() : current);
        }
        return found;
    }

    /** A fresh key pair in the form every localcvm key has: {@code AKID} and 32 letters or digits, and 32 more. */
    public KeyPair newKeyPair() {
        return new KeyPair("AKID" + token(32), token(32));
    }

    /** A SecretId and its SecretKey, not yet stored. */
    public record KeyPair(String secretId, String secretKey) {
    }

    /** Stores a new permanent key of {@code principal} and answers it. */
    public ApiKey createKey(Principal principal) {
        Account account = store.findAccount(principal.ownerUin())
                .orElseThrow(() -> new IllegalArgumentException("no account " + principal.ownerUin()));
        KeyPair pair = newKeyPair();
        store.insertKey(principal, pair.secretId(), pair.secretKey(), clock.instant());
        return new ApiKey(pair.secretId(), pair.secretKey(), account, true, null, null, null, principal);
    }

    /** @see AccountStore#listKeys */
    public List<AccessKeyInfo> listKeys(String ownerUin, String principalUin) {
        return store.listKeys(ownerUin, principalUin);
    }

    /** Sets a principal's key Active or Inactive; the next request signed with it sees the change. */
    public boolean setKeyEnabled(String ownerUin, String principalUin, String secretId, boolean enabled) {
        boolean changed = store.setKeyEnabled(ownerUin, principalUin, secretId, enabled);
        forget(List.of(secretId));
        return changed;
    }

    /** Deletes a principal's key; the next request signed with it is refused. */
    public boolean deleteKey(String ownerUin, String principalUin, String secretId) {
        boolean deleted = store.deleteKey(ownerUin, principalUin, secretId);
        forget(List.of(secretId));
        return deleted;
    }

    /** Deletes every key of a sub-user; none of them authenticates any more. */
    public List<String> deleteKeysOf(String ownerUin, String principalUin) {
        List<String> deleted = store.deleteKeysOf(ownerUin, principalUin);
        forget(deleted);
        return deleted;
    }

    /** Drops these keys from the cache: call it after changing or deleting them in the store by other means. */
    public void forget(Collection<String> secretIds) {
        evictions.incrementAndGet();
        secretIds.forEach(keys::remove);
    }

    /** Drops every cached key (after the store was reset and keys other than the roots' went). */
    public void forgetAll() {
        evictions.incrementAndGet();
        keys.clear();
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    private String token(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }
}
