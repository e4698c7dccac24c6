package dev.localcvm.server;

import dev.localcvm.account.AccountService;
import dev.localcvm.store.StoreConfig;
import java.time.Duration;

/**
 * Everything {@code localcvm serve} is told (the operator contract of DESIGN.md).
 *
 * @param port 0 picks a free port
 * @param adminToken required by the admin API when the server listens on a non-loopback address
 * @param tombstoneWindow how long a destroyed id answers InstanceStateTerminated (0 turns tombstones off)
 * @param postpaidRecycleFirst postpaid instances go to the recycle bin on a first TerminateInstances
 */
public record ServerConfig(String host, int port, StoreConfig store, Duration transitionDelay, boolean rateLimits,
                           int instanceQuota, String adminToken, String secretId, String secretKey,
                           boolean verifySignatures, Duration tombstoneWindow, boolean postpaidRecycleFirst) {

    /** An in-memory server on a free loopback port with the default keys; for tests and embedding. */
    public static ServerConfig ephemeralDefaults() {
        return new ServerConfig("127.0.0.1", 0, StoreConfig.ephemeral(), Duration.ofSeconds(1), true, 500, null,
                AccountService.DEFAULT_SECRET_ID, AccountService.DEFAULT_SECRET_KEY, true, Duration.ofHours(1), false);
    }

    public ServerConfig withStore(StoreConfig newStore) {
        return new ServerConfig(host, port, newStore, transitionDelay, rateLimits, instanceQuota, adminToken, secretId,
                secretKey, verifySignatures, tombstoneWindow, postpaidRecycleFirst);
    }

    public ServerConfig withHost(String newHost, String newAdminToken) {
        return new ServerConfig(newHost, port, store, transitionDelay, rateLimits, instanceQuota, newAdminToken, secretId,
                secretKey, verifySignatures, tombstoneWindow, postpaidRecycleFirst);
    }

    public ServerConfig withLifecycle(Duration newDelay, boolean newRateLimits, int newQuota, boolean recycleFirst) {
        return new ServerConfig(host, port, store, newDelay, newRateLimits, newQuota, adminToken, secretId, secretKey,
                verifySignatures, tombstoneWindow, recycleFirst);
    }
}
