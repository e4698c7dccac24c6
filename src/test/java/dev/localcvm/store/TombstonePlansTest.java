package dev.localcvm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two tombstone statements read through the index meant for them on the H2 file store, whose planner
 * rates every index of a fresh table alike: forgetting expired tombstones must not scan the whole window,
 * and a lookup by keys must read its span of first keys, not walk the window through the expiry index.
 */
class TombstonePlansTest {

    @Test
    void purgeReadsOnlyExpiredTombstonesAndLookupsReadOnlyTheirSpan(@TempDir Path dir) {
        try (Database db = Database.open(StoreConfig.h2File(dir))) {
            String purge = plan(db, Tombstones.PURGE.replace("?", "1000"));
            String lookup = plan(db, Tombstones.IN_SPAN.replaceFirst("\\?", "7").replaceFirst("\\?", "106"));

            assertThat(purge).contains("instance_tombstone_runs_destroyed").doesNotContainIgnoringCase("tableScan");
            assertThat(lookup).containsIgnoringCase("primary_key").doesNotContain("instance_tombstone_runs_destroyed")
                    .doesNotContainIgnoringCase("tableScan");
        }
    }

    private static String plan(Database db, String sql) {
        return String.join("\n", db.query("EXPLAIN " + sql, s -> { }, rs -> rs.getString(1)));
    }
}
