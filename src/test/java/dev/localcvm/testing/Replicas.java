package dev.localcvm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.server.ServerConfig;
import dev.localcvm.store.StoreConfig;
import dev.localcvm.testing.TestServer.Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two localcvm servers in this JVM ("replicas" A and B) on one new PostgreSQL database of the embedded
 * cluster, as two {@code serve --db-url} processes behind a load balancer would run: same store, same
 * settings, different ports, each with its own clock object (the offset they share lives in the database).
 */
public final class Replicas implements AutoCloseable {
    public static final String REGION = "ap-guangzhou";
    private final StoreConfig store;
    private TestServer a;
    private TestServer b;

    private Replicas(StoreConfig store) {
        this.store = store;
    }

    /**
     * Starts A, then B, on a fresh database.
     *
     * @param delay the transition delay D of both
     */
    public static Replicas start(Duration delay, boolean rateLimits, ServerClock clockA, ServerClock clockB) {
        Replicas r = new Replicas(TestStores.freshPostgres());
        ServerConfig config = TestStores.on(ServerConfig.ephemeralDefaults(), r.store)
                .withLifecycle(delay, rateLimits, 500, false);
        try {
            r.a = TestServer.start(config, clockA);
            r.b = TestServer.start(config, clockB);
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
        return r;
    }

    public TestServer a() {
        return a;
    }

    public TestServer b() {
        return b;
    }

    public StoreConfig store() {
        return store;
    }

    /** A new SDK client of the default account on {@code server}, TC3 over POST, in {@link #REGION}. */
    public static CvmClient cvm(TestServer server) {
        return server.cvm(Mode.TC3_POST, REGION);
    }

    /** Stops A only (B goes on alone). */
    public void stopA() {
        if (a != null) {
            a.close();
            a = null;
        }
    }

    /** Moves the shared clock forward through {@code server}'s admin API. */
    public static void advance(TestServer server, long seconds) {
        server.advanceClockAndSweep(seconds);
    }

    /** The Prometheus text of {@code server}. */
    public static String metrics(TestServer server) {
        try {
            RawHttp.Response r = RawHttp.send(server.port(), "GET", "/_localcvm/metrics", Map.of(), null);
            assertThat(r.status()).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** instance id -> how many tombstone runs hold it, read straight from the database. */
    public Map<String, Integer> tombstones() {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(store.jdbcUrl(), store.user(), store.password());
             PreparedStatement s = c.prepareStatement("SELECT first_key, last_key FROM instance_tombstone_runs");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                for (long k = rs.getLong(1); k <= rs.getLong(2); k++) {
                    out.merge(dev.localcvm.store.InstanceKeys.id(k), 1, Integer::sum);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tombstones: " + e.getMessage(), e);
        }
        return out;
    }

    /** How many instance rows the database holds. */
    public int instanceRows() {
        try (Connection c = DriverManager.getConnection(store.jdbcUrl(), store.user(), store.password());
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM instances");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the instances: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            stopA();
        } finally {
            if (b != null) {
                b.close();
                b = null;
            }
        }
    }
}
