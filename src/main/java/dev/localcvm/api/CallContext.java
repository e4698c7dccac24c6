package dev.localcvm.api;

import dev.localcvm.account.Account;
import dev.localcvm.account.Principal;
import java.time.Instant;

/**
 * What an action knows of the call besides its parameters.
 *
 * @param principal who signed the request (the root account, a sub-user, a role session, a federated user)
 * @param sourceIp the caller's address as the server saw it, or null
 */
public record CallContext(String requestId, Account account, String secretId, String region, Language language,
                          Instant now, Principal principal, String sourceIp) {
    /** A call signed by the account's root. */
    public CallContext(String requestId, Account account, String secretId, String region, Language language,
                       Instant now) {
        // Some unit tests render responses without an account.
        this(requestId, account, secretId, region, language, now,
                account == null ? null : Principal.root(account.uin()), null);
    }
}
