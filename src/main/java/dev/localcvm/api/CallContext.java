package dev.localcvm.api;

import dev.localcvm.account.Account;
import java.time.Instant;

/** What an action knows of the call besides its parameters. */
public record CallContext(String requestId, Account account, String secretId, String region, Language language,
                          Instant now) {
}
