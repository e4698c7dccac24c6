package dev.localcvm.api;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-action limits scoped by (account, region, action): a token bucket holding the limit and refilled
 * by the limit every second (api3-protocol.md §10). Time comes from the server clock, so a test that
 * advances the clock refills the buckets.
 */
public final class RateLimiter {
    private final boolean enabled;
    private final TimeMeter time;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(boolean enabled, Clock clock) {
        this.enabled = enabled;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                java.time.Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    public void check(String uin, String region, Action<?> action) {
        int limit = action.rateLimitPerSecond();
        if (!enabled || limit <= 0) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(uin + '|' + region + '|' + action.name(), k -> Bucket.builder()
                .addLimit(b -> b.capacity(limit).refillGreedy(limit, Duration.ofSeconds(1)))
                .withCustomTimePrecision(time)
                .build());
        if (!bucket.tryConsume(1)) {
            throw new ApiException(ErrorCode.REQUEST_LIMIT_EXCEEDED, "Your current request frequency exceeds the "
                    + "limit of " + limit + " requests per second for `" + action.name() + "`. Please reduce the frequency of calls.");
        }
    }
}
