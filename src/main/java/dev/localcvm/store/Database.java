package dev.localcvm.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** The connection pool, the schema migrations and the Jdbi handle over one store. */
public final class Database implements AutoCloseable {
    private static final Set<String> KEPT_ON_RESET = Set.of("accounts", "api_keys", "flyway_schema_history");
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final StoreConfig config;

    private Database(StoreConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    public static Database open(StoreConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setMaximumPoolSize(16);
        hc.setPoolName("localcvm");
        hc.setInitializationFailTimeout(10_000);
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(config, ds);
    }

    /**
     * Empties every table of resource state, keeping accounts, their keys and the migration history.
     * Tables are discovered rather than listed, so a table a later migration adds is covered too.
     */
    public void resetState() {
        try {
            resetTables();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the store: " + e.getMessage(), e);
        }
    }

    private void resetTables() throws SQLException {
        jdbi.useTransaction(h -> {
            List<String> tables = new ArrayList<>();
            DatabaseMetaData meta = h.getConnection().getMetaData();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (schema != null && schema.equalsIgnoreCase("public") && !KEPT_ON_RESET.contains(name)) {
                        tables.add(name);
                    }
                }
            }
            for (String table : tables) {
                h.execute("DELETE FROM " + table);
            }
        });
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public StoreConfig config() {
        return config;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
