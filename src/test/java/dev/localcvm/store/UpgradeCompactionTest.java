package dev.localcvm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file store that an upgrade rewrote (migration 9 rebuilds the instance tables) is compacted before it
 * serves: without that, the old pages and the migration's undo log stay in the file.
 */
class UpgradeCompactionTest {
    private static final int INSTANCES = 3_000;

    @Test
    void anUpgradedFileHoldsOnlyLivePages(@TempDir Path dir) throws Exception {
        StoreConfig store = StoreConfig.h2File(dir);
        Database.migrations().dataSource(store.jdbcUrl(), store.user(), store.password()).target("8").load().migrate();
        byte[] document = new byte[1_200];
        Arrays.fill(document, (byte) 'x');
        try (Connection c = DriverManager.getConnection(store.jdbcUrl(), store.user(), store.password());
             PreparedStatement insert = c.prepareStatement("INSERT INTO instances (instance_id, uin, region, zone, state, "
                     + "charge_type, instance_name, created_at, due_at, version, document) "
                     + "VALUES (?, 'u', 'ap-guangzhou', 'ap-guangzhou-3', 'RUNNING', 'POSTPAID_BY_HOUR', 'n', 1, NULL, 0, ?)")) {
            for (int k = 0; k < INSTANCES; k++) {
                insert.setString(1, InstanceKeys.id(k));
                insert.setBytes(2, document);
                insert.addBatch();
            }
            insert.executeBatch();
            c.createStatement().execute("SHUTDOWN COMPACT");
        } catch (java.sql.SQLException e) {
            assertThat(e.getErrorCode()).as(e.getMessage()).isEqualTo(90121); // how H2 ends a shutdown
        }
        Path file = dir.resolve("localcvm.mv.db");
        long before = Files.size(file);

        try (Database db = Database.open(store)) {
            long after = Files.size(file);
            assertThat(db.query("SELECT COUNT(*) FROM instances", s -> { }, rs -> rs.getLong(1))).containsExactly((long) INSTANCES);
            assertThat(after).as("bytes after the upgrade, against %d before", before).isLessThan(before * 3 / 2);
        }
    }
}
