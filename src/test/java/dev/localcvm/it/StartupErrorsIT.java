package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.store.Database;
import dev.localcvm.store.StoreConfig;
import dev.localcvm.testing.JarProcesses;
import dev.localcvm.testing.JarProcesses.Finished;
import dev.localcvm.testing.JarProcesses.Served;
import dev.localcvm.testing.TestStores;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code localcvm serve} on a store it cannot use exits at once, non-zero, with one line on stderr that
 * says why, and no stack trace anywhere; so does {@code localcvm bench} when the server it starts cannot start.
 */
class StartupErrorsIT {
    /** JVM start included; Hikari gives up on an unreachable database after a few seconds at most. */
    private static final Duration QUICKLY = Duration.ofSeconds(30);
    private final JarProcesses jars = new JarProcesses();

    @AfterEach
    void killLeftovers() {
        jars.close();
    }

    @Test
    void anUnreachablePostgresqlIsOneLine() throws Exception {
        int closed = closedPort();
        long started = System.nanoTime();
        Finished f = jars.run(QUICKLY, Map.of(), "serve", "--port", "0", "--db-url",
                "jdbc:postgresql://127.0.0.1:" + closed + "/cvm", "--db-user", "cvm", "--db-password", "secret-pw");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        String line = assertOneLineFailure(f);
        assertThat(line).contains("127.0.0.1:" + closed).doesNotContain("secret-pw");
        assertThat(took).as("time to give up on the database").isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void theLoadCommandsOwnServerOnAnUnreachablePostgresqlIsOneLine() throws Exception {
        int closed = closedPort();
        Finished f = jars.run(QUICKLY, Map.of(), "bench", "--scenarios", "terminate", "--duration", "1s",
                "--warmup", "0s", "--db-url", "jdbc:postgresql://127.0.0.1:" + closed + "/cvm", "--db-password", "secret-pw");

        assertThat(assertOneLineFailure(f)).contains("127.0.0.1:" + closed).doesNotContain("secret-pw");
    }

    @Test
    void anH2SchemaNewerThanTheJarIsOneLine() throws Exception {
        Path dir = TestStores.newDirectory("newer-schema-");
        markSchemaNewer(StoreConfig.h2File(dir));

        Finished f = jars.run(QUICKLY, Map.of(), "serve", "--port", "0", "--data-dir", dir.toString());

        assertThat(assertOneLineFailure(f)).contains("999").containsIgnoringCase("newer");
    }

    @Test
    void aPostgresqlSchemaNewerThanTheJarIsOneLine() throws Exception {
        StoreConfig store = TestStores.freshPostgres();
        markSchemaNewer(store);

        Finished f = jars.run(QUICKLY, Map.of(), "serve", "--port", "0", "--db-url", store.jdbcUrl(),
                "--db-user", store.user(), "--db-password", store.password());

        assertThat(assertOneLineFailure(f)).contains("999").containsIgnoringCase("newer");
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsOneLine() throws Exception {
        Path dir = TestStores.newDirectory("taken-");
        Served first = jars.serve(Map.of(), "--port", "0", "--data-dir", dir.toString());

        Finished second = jars.run(QUICKLY, Map.of(), "serve", "--port", "0", "--data-dir", dir.toString());

        assertOneLineFailure(second);
        assertThat(first.process().isAlive()).as("the first server is unharmed").isTrue();
        first.kill9();
    }

    /** A port nothing listens on: one that was free a moment ago. */
    private static int closedPort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Migrates the store as this localcvm does, then records a migration from a newer one. */
    private static void markSchemaNewer(StoreConfig store) {
        try (Database db = Database.open(store)) {
            db.jdbi().useHandle(h -> {
                int rank = h.createQuery("SELECT MAX(installed_rank) FROM flyway_schema_history").mapTo(Integer.class).one();
                h.createUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                                + " checksum, installed_by, installed_on, execution_time, success) VALUES (:rank, '999',"
                                + " 'from a newer localcvm', 'SQL', 'V999__newer.sql', 0, 'test', CURRENT_TIMESTAMP, 0, TRUE)")
                        .bind("rank", rank + 1).execute();
            });
        }
    }

    /** The process failed with exactly one stderr line "localcvm: cannot start: ..."; answers that line. */
    private static String assertOneLineFailure(Finished f) {
        String all = "exit " + f.exitCode() + "\nstdout:\n" + f.stdout() + "\nstderr:\n" + f.stderr();
        assertThat(f.exitCode()).as(all).isNotZero();
        List<String> lines = f.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as(all).hasSize(1);
        assertThat(lines.get(0)).as(all).startsWith("localcvm: cannot start: ");
        for (String out : List.of(f.stdout(), f.stderr())) {
            assertThat(out).as(all).doesNotContain("Exception").doesNotContain("\tat ");
        }
        return lines.get(0);
    }
}
