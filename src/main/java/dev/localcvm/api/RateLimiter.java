package dev.localcvm.api;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-action limits scoped by (account, region, action): a token bucket holding the limit and refilled
 * by the limit every second (api3-protocol.md §10). Time comes from the server clock, so a test that
 * advances the clock refills the buckets. Buckets live in this process, or (several replicas on one
 * PostgreSQL) in the database.
 *
 * <p>An account's limits can be raised or lowered per action through the admin API (attribute
 * {@code rateLimits}), so that a load test can run with the limiter's bookkeeping on and still not be
 * throttled. Those overrides live in this process's memory, not in the store: they are a test knob, and the
 * check must not read the database on every request.
 */
public final class RateLimiter {
    /** Where the buckets live. */
    @FunctionalInterface
    public interface BucketSource {
        Bucket bucket(String key, int perSecond);
    }

    private final boolean enabled;
    private final BucketSource buckets;
    /** uin -> ("Action" or "service:Action" -> requests per second); absent: the documented limits. */
    private final ConcurrentHashMap<String, Map<String, Integer>> overrides = new ConcurrentHashMap<>();

    public RateLimiter(boolean enabled, BucketSource buckets) {
        this.enabled = enabled;
        this.buckets = buckets;
    }

    public RateLimiter(boolean enabled, Clock clock) {
        this(enabled, local(clock));
    }

    /** Buckets in this process's memory. */
    public static BucketSource local(Clock clock) {
        TimeMeter time = meter(clock);
        ConcurrentHashMap<String, Bucket> map = new ConcurrentHashMap<>();
        return (key, perSecond) -> map.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(b -> b.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .withCustomTimePrecision(time)
                .build());
    }

    /** Bucket4j's view of the server clock. */
    public static TimeMeter meter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** The account's per-action overrides (empty: none), keyed as given to {@link #setOverrides}. */
    public Map<String, Integer> overrides(String uin) {
        return overrides.getOrDefault(uin, Map.of());
    }

    /**
     * Replaces the account's overrides: a key is an action name ({@code DescribeInstances}, every product's
     * action of that name) or {@code service:Action}, which wins over the bare name. Empty removes them.
     */
    public void setOverrides(String uin, Map<String, Integer> limits) {
        if (limits.isEmpty()) {
            overrides.remove(uin);
        } else {
            overrides.put(uin, Map.copyOf(limits));
        }
    }

    /** Forgets every account's overrides (the admin reset, which also empties the account attributes). */
    public void clearOverrides() {
        overrides.clear();
    }

    /** @param service the action's product: cvm's and api's DescribeZones are counted apart */
    public void check(String uin, String region, String service, Action<?> action) {
        if (!enabled) {
            return;
        }
        int limit = action.rateLimitPerSecond();
        String key = uin + '|' + region + '|' + service + ':' + action.name();
        Map<String, Integer> own = overrides.isEmpty() ? null : overrides.get(uin);
        if (own != null) {
            Integer set = own.getOrDefault(service + ':' + action.name(), own.get(action.name()));
            if (set != null && set != limit) {
                limit = set;
                // A bucket is built with its limit once; a changed limit needs a bucket of its own.
                key = key + '|' + limit;
            }
        }
        if (limit <= 0) {
            return;
        }
        if (!buckets.bucket(key, limit).tryConsume(1)) {
            throw new ApiException(ErrorCode.REQUEST_LIMIT_EXCEEDED, "Your current request frequency exceeds the "
                    + "limit of " + limit + " requests per second for `" + action.name() + "`. Please reduce the frequency of calls.");
        }
    }
}
