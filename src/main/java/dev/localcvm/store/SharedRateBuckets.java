package dev.localcvm.store;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;

/**
 * Rate-limit buckets kept in PostgreSQL (Bucket4j's select-for-update proxy), so that every replica
 * draws from the same bucket for an account, region and action.
 */
public final class SharedRateBuckets {
    private final ProxyManager<String> buckets;

    public SharedRateBuckets(Database db, TimeMeter clock) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(db.dataSource())
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("bucket").idColumn("id").stateColumn("state")
                .clientClock(clock)
                .build();
    }

    public Bucket bucket(String key, int perSecond) {
        return buckets.builder().build(key, () -> BucketConfiguration.builder()
                .addLimit(b -> b.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build());
    }
}
