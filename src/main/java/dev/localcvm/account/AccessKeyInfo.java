package dev.localcvm.account;

import java.time.Instant;

/** A permanent API key as CAM lists it: never its secret. */
public record AccessKeyInfo(String secretId, boolean enabled, Instant createdAt) {
}
