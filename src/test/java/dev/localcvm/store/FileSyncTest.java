package dev.localcvm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file keeps a dead chunk's space for seconds, not H2's 45, because it is synced to disk each second while
 * open. Whether a sync reaches the disk cannot be seen from here; that the setting took and the syncer runs only
 * while the store is open can.
 */
class FileSyncTest {

    @Test
    void aFileStoreHasTheShortRetentionAndASyncerWhileOpen(@TempDir Path dir) {
        long before = syncers(); // another test's store left open would have one too
        try (Database db = Database.open(StoreConfig.h2File(dir))) {
            assertThat(db.query("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'RETENTION_TIME'",
                    s -> { }, rs -> rs.getString(1))).containsExactly(String.valueOf(StoreConfig.RETENTION_MILLIS));
            assertThat(syncers()).isEqualTo(before + 1);
        }
        assertThat(syncers()).as("stopped with the store").isEqualTo(before);
    }

    @Test
    void storesWithoutAFileHaveNoSyncer() {
        long before = syncers();
        try (Database db = Database.open(StoreConfig.ephemeral())) {
            assertThat(syncers()).isEqualTo(before);
        }
    }

    private static long syncers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("localcvm-store-sync") && t.isAlive()).count();
    }
}
