package dev.localcvm.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the account service needs from persistence; implemented in the store layer. */
public interface AccountStore {
    Optional<ApiKey> findKey(String secretId);

    Optional<Account> findAccount(String uin);

    void insertAccount(Account account, String secretId, String secretKey, Instant now);

    void insertKey(String uin, String secretId, String secretKey, Instant now);

    void updateKeySecret(String secretId, String secretKey);

    /** A temporary credential: a key pair that also needs its token, until {@code expiresAt}. */
    void insertTemporaryKey(String uin, String secretId, String secretKey, String token, Instant expiresAt, Instant now);

    void updateMfa(String secretId, String mfa);

    /** Sets the credential's admin switches (deny list, read-only). */
    void updateRestrictions(String secretId, KeyRestrictions restrictions);

    /** A temporary credential signing for {@code principal} (a role session, a federated user). */
    void insertTemporaryKey(Principal principal, String secretId, String secretKey, String token, Instant expiresAt,
                            Instant now);

    /** A permanent key signing for {@code principal} (a sub-user's, or the root's when it is the root). */
    void insertKey(Principal principal, String secretId, String secretKey, Instant now);

    /**
     * The permanent keys of one principal of the account, oldest first.
     *
     * @param principalUin the sub-user's uin, or the account's own uin for the root's keys
     */
    List<AccessKeyInfo> listKeys(String ownerUin, String principalUin);

    /** Sets a permanent key of the principal Active or Inactive; false when the principal has no such key. */
    boolean setKeyEnabled(String ownerUin, String principalUin, String secretId, boolean enabled);

    /** Deletes a permanent key of the principal; false when it has no such key. */
    boolean deleteKey(String ownerUin, String principalUin, String secretId);

    /** Deletes every key (temporary ones included) signing for a sub-user; answers their SecretIds. */
    List<String> deleteKeysOf(String ownerUin, String principalUin);
}
