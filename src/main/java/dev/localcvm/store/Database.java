package dev.localcvm.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool, the schema migrations and the Jdbi handle over one store. */
public final class Database implements AutoCloseable {
    /** H2's error code for a database closed under the statement, which is how SHUTDOWN ends. */
    private static final int H2_CLOSED = 90121;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final Set<String> KEPT_ON_RESET = Set.of("accounts", "api_keys", "flyway_schema_history", "server_state");
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final StoreConfig config;
    private final GroupFlush flush;
    /** On an H2 file: syncs it to disk each second. */
    private final ScheduledExecutorService syncer;
    /** The connection every statement of this thread uses inside {@link #onOneConnection}, else null. */
    private final ThreadLocal<Connection> pinned = new ThreadLocal<>();

    private Database(StoreConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() throws SQLException {
                Connection p = pinned.get();
                return p != null ? p : dataSource.getConnection();
            }

            @Override
            public void closeConnection(Connection c) throws SQLException {
                if (c != pinned.get()) {
                    c.close();
                }
            }
        });
        this.flush = config.groupCommit() ? new GroupFlush(dataSource) : null;
        this.syncer = flush == null ? null : syncEverySecond(flush);
    }

    /** A daemon thread that syncs the H2 file each second ({@link GroupFlush#sync()}). */
    private static ScheduledExecutorService syncEverySecond(GroupFlush flush) {
        ScheduledExecutorService syncer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "localcvm-store-sync");
            t.setDaemon(true);
            return t;
        });
        syncer.scheduleWithFixedDelay(() -> {
            try {
                flush.sync();
            } catch (RuntimeException e) {
                LOG.warn("syncing the store to disk failed: {}", e.getMessage());
            }
        }, StoreConfig.SYNC_MILLIS, StoreConfig.SYNC_MILLIS, TimeUnit.MILLISECONDS);
        return syncer;
    }

    /**
     * Returns once every change this thread committed is durable: at once on PostgreSQL (a commit is) and
     * in memory (nothing is); on an H2 file, when the next group write has put it in the file.
     */
    public void awaitDurable() {
        if (flush != null) {
            flush.await();
        }
    }

    /**
     * Runs a transaction that writes many rows whole between two group writes (see GroupFlush's gate), so
     * that H2 does not write it to the file half done and then again.
     */
    void betweenWrites(Runnable transaction) {
        if (flush == null) {
            transaction.run();
            return;
        }
        var gate = flush.transactionGate();
        gate.lock();
        try {
            transaction.run();
        } finally {
            gate.unlock();
        }
    }

    /** The schema's migrations: SQL scripts, and Java ones where SQL both databases accept cannot do it. */
    public static FluentConfiguration migrations() {
        return Flyway.configure().locations("classpath:db/migration", "classpath:dev/localcvm/store/migration");
    }

    public static Database open(StoreConfig config) {
        return open(config, true);
    }

    /** @param fromSnapshot whether a fresh H2 store may get its schema from {@link FreshSchema} rather than Flyway */
    static Database open(StoreConfig config, boolean fromSnapshot) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setMaximumPoolSize(16);
        hc.setPoolName("localcvm");
        // Fail at once, with the driver's reason, when the database cannot be reached.
        hc.setInitializationFailTimeout(1);
        hc.setConnectionTimeout(5_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot reach the database " + safeUrl(config.jdbcUrl()) + ": "
                    + rootMessage(e), e);
        }
        try {
            if (SchemaCheck.isCurrent(ds) || fromSnapshot && FreshSchema.create(ds, config) && SchemaCheck.isCurrent(ds)) {
                return new Database(config, ds);
            }
            Flyway flyway = migrations().dataSource(ds).load();
            refuseNewerSchema(flyway);
            MigrateResult migrated = flyway.migrate();
            if (config.groupCommit() && migrated.initialSchemaVersion != null && migrated.migrationsExecuted > 0) {
                ds = compacted(ds, hc);
            }
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(config, ds);
    }

    /**
     * An H2 file after an upgrade, rewritten to hold only live pages. A migration that rebuilds a table (V9) keeps
     * the old pages and the transaction's undo log in the file: a store of 100,000 instances grew from 240 MB to
     * 1 GB, and H2's own background compaction gives that back slowly; rewritten, it was 44 MB, in under 2 s.
     */
    private static HikariDataSource compacted(HikariDataSource ds, HikariConfig hc) {
        try (var connection = ds.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            // H2 answers a shutdown it completed with "database is already closed" (90121).
            if (e.getErrorCode() != H2_CLOSED) {
                throw new IllegalStateException("cannot compact the store after upgrading it: " + e.getMessage(), e);
            }
        }
        ds.close();
        return new HikariDataSource(hc);
    }

    /**
     * Empties every table of resource state, keeping accounts, their roots' keys and the migration history; the keys
     * of sub-users, role sessions and federated users go with the CAM state they signed for. Tables are discovered
     * rather than listed, so a table a later migration adds is covered too.
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
            h.execute("DELETE FROM api_keys WHERE principal_kind IS NOT NULL");
        });
    }

    /**
     * A schema migrated by a newer localcvm may hold tables and rules this one does not know; refuse to
     * run on it rather than corrupt it. (Flyway itself ignores such "future" migrations.)
     */
    private static void refuseNewerSchema(Flyway flyway) {
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        MigrationVersion known = null;
        for (MigrationInfo m : info.all()) {
            if (m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED
                    && m.getVersion() != null && (known == null || m.getVersion().isNewerThan(known.getVersion()))) {
                known = m.getVersion();
            }
        }
        if (current != null && current.getVersion() != null && known != null && current.getVersion().isNewerThan(known.getVersion())) {
            throw new IllegalStateException("the database schema is at version " + current.getVersion()
                    + ", newer than this localcvm knows (" + known + "); run a newer localcvm or another database");
        }
    }

    private static String safeUrl(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(java.sql.PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Every row of one query, read with plain JDBC. For the few reads that run on every request (the
     * sweep's due check, counters), where Jdbi's per-statement set-up cost more than the query itself.
     */
    public <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        Connection p = pinned.get();
        if (p != null) {
            return query(p, sql, binder, reader);
        }
        try (var connection = dataSource.getConnection()) {
            return query(connection, sql, binder, reader);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        }
    }

    private static <T> List<T> query(Connection connection, String sql, Binder binder, RowReader<T> reader) {
        try (var statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} with every statement of this thread (plain JDBC and Jdbi, reads and writes) on one pooled
     * connection. A DescribeInstances page runs four statements (the due check, the zone count, the page, the tag
     * probe); each taking and returning its own connection cost more than some of the statements. Holding one
     * connection while waiting for a second could starve the pool, so nothing inside takes another.
     */
    public <T> T onOneConnection(Supplier<T> work) {
        if (pinned.get() != null) {
            return work.get();
        }
        try (Connection connection = dataSource.getConnection()) {
            pinned.set(connection);
            try {
                return work.get();
            } finally {
                pinned.remove();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a connection: " + e.getMessage(), e);
        }
    }

    /**
     * {@code FROM table}, on H2 with the index the query must use. H2 plans with row estimates that are
     * equal for every index of a small or fresh table and then takes the first index whose leading
     * columns match, which for the due-timer check was an index walking every row of the account.
     * PostgreSQL plans from statistics and has no hints.
     */
    public String from(String table, String index) {
        return config.isPostgres() ? " FROM " + table : " FROM " + table + " USE INDEX (" + index + ")";
    }

    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public StoreConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (syncer != null) {
            // Not shutdownNow: an interrupt inside H2's file I/O closes its channel under the store.
            syncer.shutdown();
            try {
                syncer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dataSource.close();
    }
}
