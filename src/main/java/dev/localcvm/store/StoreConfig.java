package dev.localcvm.store;

import java.nio.file.Path;
import java.util.UUID;

/** Where state lives: an H2 file, H2 in memory, or PostgreSQL. */
public record StoreConfig(String jdbcUrl, String user, String password, String description) {
    /** How localcvm's own H2 stores read SQL; {@link FreshSchema}'s snapshot is scripted under them. */
    private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    private static final String EPHEMERAL_PREFIX = "jdbc:h2:mem:localcvm-";
    /** How often an H2 file is synced to disk ({@link GroupFlush#sync()}, from {@link Database}). */
    static final int SYNC_MILLIS = 1_000;
    /**
     * How long H2 keeps a dead chunk's space unused (its default is 45 s, for an operating system that writes within
     * that). Under sustained writing those chunks were more than half of the file. With the file synced every
     * {@link #SYNC_MILLIS}, five periods keep the same margin.
     */
    static final int RETENTION_MILLIS = 5 * SYNC_MILLIS;

    /**
     * An H2 file database in {@code dataDir}. A request that changed something answers only once its
     * change is in the file (see {@link #groupCommit()}), which is what makes an acknowledged write survive
     * {@code kill -9}; H2's own background write (WRITE_DELAY) only stores what no request waits for,
     * such as timers recorded by the sweeper.
     */
    public static StoreConfig h2File(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("localcvm");
        return new StoreConfig("jdbc:h2:file:" + file + H2_SETTINGS + ";WRITE_DELAY=100;RETENTION_TIME=" + RETENTION_MILLIS,
                "sa", "", "H2 file " + file + ".mv.db");
    }

    public static StoreConfig ephemeral() {
        return new StoreConfig(EPHEMERAL_PREFIX + UUID.randomUUID()
                + H2_SETTINGS + ";DB_CLOSE_DELAY=-1", "sa", "", "in memory (ephemeral)");
    }

    /** A database named by its JDBC URL: PostgreSQL, or an H2 URL given whole (described as what it is). */
    public static StoreConfig postgres(String url, String user, String password) {
        return new StoreConfig(url, user, password, (url.startsWith("jdbc:h2:") ? "H2 " : "PostgreSQL ") + url);
    }

    /** Whether commits reach the file through {@link GroupFlush} rather than each on its own (an H2 file). */
    public boolean groupCommit() {
        return jdbcUrl.startsWith("jdbc:h2:file:");
    }

    /** An H2 store with the settings of localcvm's own (a file or in memory), where the fresh-schema snapshot applies. */
    boolean h2WithOwnSettings() {
        return jdbcUrl.startsWith("jdbc:h2:") && jdbcUrl.contains(H2_SETTINGS + ";");
    }

    /**
     * Whether this process is the store's only writer: an H2 file, which H2 locks to one process (unless AUTO_SERVER
     * lets others in), or an {@link #ephemeral()} store, which no one else can name.
     */
    boolean soleWriter() {
        String upper = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
        return jdbcUrl.startsWith("jdbc:h2:file:") && !upper.contains("AUTO_SERVER=TRUE")
                || jdbcUrl.startsWith(EPHEMERAL_PREFIX);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
