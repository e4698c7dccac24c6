package dev.localcvm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up shortcut past Flyway is taken only on a store that Flyway would leave as it is. */
class SchemaCheckTest {

    @Test
    void latestMigrationIsTheHighestFlywayFinds() {
        StoreConfig store = StoreConfig.ephemeral();
        int highest = 0;
        for (MigrationInfo m : Database.migrations().dataSource(store.jdbcUrl(), store.user(), store.password())
                .load().info().all()) {
            highest = Math.max(highest, Integer.parseInt(m.getVersion().getVersion()));
        }
        assertThat(SchemaCheck.LATEST_MIGRATION).as("a new migration must raise SchemaCheck.LATEST_MIGRATION").isEqualTo(highest);
    }

    @Test
    void onlyAStoreAtTheLatestVersionIsCurrent(@TempDir Path dir) {
        StoreConfig store = StoreConfig.h2File(dir);
        try (Database db = Database.open(store)) {
            assertThat(SchemaCheck.isCurrent(db.dataSource())).isTrue();
            db.jdbi().useHandle(h -> h.execute("UPDATE flyway_schema_history SET success = FALSE WHERE version = '" + SchemaCheck.LATEST_MIGRATION + "'"));
            assertThat(SchemaCheck.isCurrent(db.dataSource())).isFalse();
            db.jdbi().useHandle(h -> h.execute("DELETE FROM flyway_schema_history WHERE version = '" + SchemaCheck.LATEST_MIGRATION + "'"));
            assertThat(SchemaCheck.isCurrent(db.dataSource())).isFalse();
        }
        StoreConfig fresh = StoreConfig.ephemeral();
        try (var ds = new com.zaxxer.hikari.HikariDataSource()) {
            ds.setJdbcUrl(fresh.jdbcUrl());
            assertThat(SchemaCheck.isCurrent(ds)).as("no history table yet").isFalse();
        }
    }
}
