package dev.localcvm.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A fresh H2 store's schema, made in one script instead of through Flyway. Loading Flyway and running every
 * migration one by one was about 0.85 s of the 2.2 s from start to the first healthy answer on a fresh store. The
 * script (a snapshot of what the migrations leave, history table included) needs no Flyway classes, and H2 runs it
 * as one command: start to healthy fell to 1.6 s (`bench --scenarios startup`, BENCHMARKS.md).
 *
 * <p>The build writes the snapshot ({@link #main}, bound to Maven's process-classes phase) by running the real
 * migrations on an empty in-memory H2 and scripting the result, so it can never lag behind them in a Maven build;
 * FreshSchemaTest holds a snapshot-made store to a Flyway-made one. The history rows carry Flyway's own checksums,
 * so a later localcvm's Flyway sees the migrations as applied and runs only the new ones.
 *
 * <p>PostgreSQL stores keep Flyway: its schema is created once on a server that then lives long.
 */
public final class FreshSchema {
    static final String RESOURCE = "db/fresh-h2.sql";
    private static final String HISTORY = "\"public\".\"flyway_schema_history\"";

    private FreshSchema() {
    }

    /**
     * Creates the schema from the snapshot when the store is one of localcvm's own H2 stores, its schema holds no
     * table yet and the snapshot is on the class path (a build outside Maven has none). Returns whether it did;
     * the caller still checks the version, and leaves anything else to Flyway.
     */
    static boolean create(DataSource dataSource, StoreConfig config) {
        if (!config.h2WithOwnSettings() || FreshSchema.class.getClassLoader().getResource(RESOURCE) == null) {
            return false;
        }
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                rows.next();
                if (rows.getLong(1) != 0) {
                    return false;
                }
            }
            statement.execute("RUNSCRIPT FROM 'classpath:/" + RESOURCE + "'");
            // The rows were recorded when the snapshot was built; say when and by whom this store was made.
            statement.execute("UPDATE flyway_schema_history SET installed_on = CURRENT_TIMESTAMP, installed_by = CURRENT_USER, "
                    + "execution_time = 0");
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the schema of a fresh store: " + e.getMessage(), e);
        }
    }

    /** Writes the snapshot: {@code args[0]} is the file. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", snapshot()) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * The statements that make the current schema: every migration run by Flyway on an empty in-memory store, then
     * scripted by H2. The history table comes last, so that a start killed half way leaves a store without the
     * history (which Flyway refuses, naming the cause) rather than a history claiming tables that are not there.
     */
    static List<String> snapshot() {
        List<String> schema = new ArrayList<>();
        List<String> history = new ArrayList<>();
        try (Database db = Database.open(StoreConfig.ephemeral(), false);
             var connection = db.dataSource().getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
            while (rows.next()) {
                String sql = rows.getString(1);
                if (sql.startsWith("--") || sql.startsWith("CREATE USER ")) {
                    continue;
                }
                // An in-memory store scripts its tables as MEMORY ones; a file store must get H2's default, CACHED.
                sql = sql.replaceFirst("^CREATE (MEMORY|CACHED) TABLE ", "CREATE TABLE ");
                (sql.contains(HISTORY) ? history : schema).add(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot script the schema: " + e.getMessage(), e);
        }
        schema.addAll(history);
        return schema;
    }
}
