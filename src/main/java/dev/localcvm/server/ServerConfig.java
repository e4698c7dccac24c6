package dev.localcvm.server;

import dev.localcvm.store.StoreConfig;
import java.time.Duration;

/**
 * Everything {@code localcvm serve} is told (the operator contract of DESIGN.md).
 *
 * @param port 0 picks a free port
 * @param adminToken required by the admin API when the server listens on a non-loopback address
 */
public record ServerConfig(String host, int port, StoreConfig store, Duration transitionDelay, boolean rateLimits,
                           int instanceQuota, String adminToken, String secretId, String secretKey,
                           boolean verifySignatures) {

    /** An in-memory server on a free loopback port with the default keys; for tests and embedding. */
    public static ServerConfig ephemeralDefaults() {
        return new ServerConfig("127.0.0.1", 0, StoreConfig.ephemeral(), Duration.ofSeconds(1), true, 500, null,
                dev.localcvm.account.AccountService.DEFAULT_SECRET_ID,
                dev.localcvm.account.AccountService.DEFAULT_SECRET_KEY, true);
    }
}
