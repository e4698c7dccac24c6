package dev.localcvm.account;

import java.time.Instant;

/**
 * An API key pair of an account.
 *
 * @param mfa the credential's MFA condition set by the admin API: null (fine), MISSING, EXPIRED or FAILED
 * @param token the session token of a temporary credential, or null for a permanent key
 * @param tokenExpiresAt when a temporary credential's token expires, or null
 * @param principal who the key signs for: the root account, a sub-user, a role session or a federated user
 * @param restrictions the admin switches on this credential (deny list, read-only)
 */
public record ApiKey(String secretId, String secretKey, Account account, boolean enabled, String mfa, String token,
                     Instant tokenExpiresAt, Principal principal, KeyRestrictions restrictions) {
    public ApiKey(String secretId, String secretKey, Account account, boolean enabled) {
        this(secretId, secretKey, account, enabled, null, null, null);
    }

    public ApiKey(String secretId, String secretKey, Account account, boolean enabled, String mfa, String token,
                  Instant tokenExpiresAt) {
        this(secretId, secretKey, account, enabled, mfa, token, tokenExpiresAt, Principal.root(account.uin()));
    }

    public ApiKey(String secretId, String secretKey, Account account, boolean enabled, String mfa, String token,
                  Instant tokenExpiresAt, Principal principal) {
        this(secretId, secretKey, account, enabled, mfa, token, tokenExpiresAt, principal, KeyRestrictions.NONE);
    }

    /**
     * Whether the gateway must ask the authorizer about a call signed with this key: the root signer with no admin
     * switch may do everything, and its calls skip authorization entirely.
     */
    public boolean needsAuthorization() {
        return !principal.isRoot() || restrictions.any();
    }

    public boolean temporary() {
        return token != null;
    }
}
