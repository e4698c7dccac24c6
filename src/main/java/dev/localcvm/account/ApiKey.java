package dev.localcvm.account;

/** An API key pair of an account. */
public record ApiKey(String secretId, String secretKey, Account account, boolean enabled) {
}
