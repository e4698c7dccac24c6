package dev.localcvm.store;

import java.nio.file.Path;
import java.util.UUID;

/** Where state lives: an H2 file, H2 in memory, or PostgreSQL. */
public record StoreConfig(String jdbcUrl, String user, String password, String description) {

    /**
     * An H2 file database in {@code dataDir}. WRITE_DELAY=0 commits to disk before a response is sent,
     * which is what makes an acknowledged write survive {@code kill -9}.
     */
    public static StoreConfig h2File(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("localcvm");
        return new StoreConfig("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0",
                "sa", "", "H2 file " + file + ".mv.db");
    }

    public static StoreConfig ephemeral() {
        return new StoreConfig("jdbc:h2:mem:localcvm-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "", "in memory (ephemeral)");
    }

    public static StoreConfig postgres(String url, String user, String password) {
        return new StoreConfig(url, user, password, "PostgreSQL " + url);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
