package dev.localcvm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fresh H2 store made from the build's snapshot is the store Flyway's migrations make, and Flyway agrees. */
class FreshSchemaTest {
    private static final String HISTORY_ROWS = "INSERT INTO \"public\".\"flyway_schema_history\"";

    @Test
    void aStoreMadeFromTheSnapshotIsTheStoreTheMigrationsMake() throws SQLException {
        StoreConfig config = StoreConfig.ephemeral();
        try (HikariDataSource fromSnapshot = pool(config); Database migrated = Database.open(StoreConfig.ephemeral(), false)) {
            assertThat(FreshSchema.create(fromSnapshot, config)).as("an empty store takes the snapshot").isTrue();
            assertThat(SchemaCheck.isCurrent(fromSnapshot)).isTrue();
            assertThat(script(fromSnapshot)).containsExactlyInAnyOrderElementsOf(script(migrated.dataSource()));
            assertThat(history(fromSnapshot)).isEqualTo(history(migrated.dataSource())).hasSize(SchemaCheck.LATEST_MIGRATION + 1);
        }
    }

    @Test
    void flywayValidatesAStoreMadeFromTheSnapshotAndFindsNothingToRun() {
        try (Database db = Database.open(StoreConfig.ephemeral())) {
            var flyway = Database.migrations().dataSource(db.dataSource()).load();
            flyway.validate();
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo(String.valueOf(SchemaCheck.LATEST_MIGRATION));
        }
    }

    @Test
    void aFileStoreFromTheSnapshotKeepsItsTablesInTheFileAndReopens(@TempDir Path dir) throws SQLException {
        StoreConfig config = StoreConfig.h2File(dir);
        try (Database db = Database.open(config)) {
            List<String> storage = db.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT storage_type FROM "
                    + "information_schema.tables WHERE table_schema = 'public'").mapTo(String.class).list());
            assertThat(storage).as("a MEMORY table would hold every row on the heap").containsExactly("CACHED");
            db.jdbi().useHandle(h -> h.execute("INSERT INTO accounts (uin, app_id, name, created_at) "
                    + "VALUES ('100000000001', 1300000001, 'a', CURRENT_TIMESTAMP)"));
            db.awaitDurable();
        }
        try (Database db = Database.open(config)) {
            assertThat(SchemaCheck.isCurrent(db.dataSource())).isTrue();
            List<String> names = db.jdbi().withHandle(h -> h.createQuery("SELECT name FROM accounts").mapTo(String.class).list());
            assertThat(names).containsExactly("a");
        }
    }

    @Test
    void onlyAnEmptyStoreWithLocalcvmsOwnH2SettingsTakesTheSnapshot() throws SQLException {
        StoreConfig config = StoreConfig.ephemeral();
        try (HikariDataSource ds = pool(config)) {
            try (var c = ds.getConnection(); var s = c.createStatement()) {
                s.execute("CREATE TABLE someone_elses (id INT)");
            }
            assertThat(FreshSchema.create(ds, config)).as("a schema that holds a table").isFalse();
        }
        StoreConfig plain = StoreConfig.postgres("jdbc:h2:mem:plain-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try (HikariDataSource ds = pool(plain)) {
            assertThat(FreshSchema.create(ds, plain)).as("an H2 URL without localcvm's settings").isFalse();
        }
    }

    @Test
    void aStoreItCannotReachIsAClearError() {
        StoreConfig missing = StoreConfig.postgres("jdbc:h2:mem:missing-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE", "sa", "");
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(missing.jdbcUrl());
        ds.setUser("sa");
        assertThatThrownBy(() -> FreshSchema.create(ds, missing)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot create the schema of a fresh store: ");
    }

    private static HikariDataSource pool(StoreConfig config) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(config.jdbcUrl());
        ds.setUsername(config.user());
        ds.setPassword(config.password());
        return ds;
    }

    /** Every statement H2 scripts the store as, but the history's rows (their times differ). */
    private static List<String> script(DataSource ds) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (var c = ds.getConnection(); var s = c.createStatement(); var rows = s.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
            while (rows.next()) {
                String sql = rows.getString(1);
                if (!sql.startsWith("--") && !sql.startsWith(HISTORY_ROWS)) {
                    statements.add(sql);
                }
            }
        }
        return statements;
    }

    private static List<String> history(DataSource ds) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (var c = ds.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT installed_rank, version, description, type, script, checksum, success "
                     + "FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        }
        return rows;
    }
}
