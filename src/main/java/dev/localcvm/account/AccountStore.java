package dev.localcvm.account;

import java.time.Instant;
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
}
