package dev.localcvm.api;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-action limits scoped by (account, region, action): a token bucket holding the limit and refilled
 * by the limit every second (api3-protocol.md §10). Time comes from the server clock, so a test that
 * advances the clock refills the buckets. Buckets live in this process, or (several replicas on one
 * PostgreSQL) in the database.
 */
public final class RateLimiter {
    /** Where the buckets live. */
    @FunctionalInterface
    public interface BucketSource {
        Bucket bucket(String key, int perSecond);
    }

    private final boolean enabled;
    private final BucketSource buckets;

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

    /** @param service the action's product: cvm's and api's DescribeZones are counted apart */
    public void check(String uin, String region, String service, Action<?> action) {
        int limit = action.rateLimitPerSecond();
        if (!enabled || limit <= 0) {
            return;
        }
        if (!buckets.bucket(uin + '|' + region + '|' + service + ':' + action.name(), limit).tryConsume(1)) {
            throw new ApiException(ErrorCode.REQUEST_LIMIT_EXCEEDED, "Your current request frequency exceeds the "
                    + "limit of " + limit + " requests per second for `" + action.name() + "`. Please reduce the frequency of calls.");
        }
    }
}
