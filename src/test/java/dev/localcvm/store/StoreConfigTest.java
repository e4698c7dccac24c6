package dev.localcvm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a store is said to be (serve's banner) and how it commits follow from its URL. */
class StoreConfigTest {
    @Test
    void aUrlGivenWholeIsDescribedAsTheDatabaseItNames() {
        StoreConfig h2 = StoreConfig.postgres("jdbc:h2:file:/data/localcvm;MODE=PostgreSQL", "sa", "");
        assertThat(h2.description()).isEqualTo("H2 jdbc:h2:file:/data/localcvm;MODE=PostgreSQL");
        assertThat(h2.groupCommit()).isTrue();
        assertThat(h2.isPostgres()).isFalse();

        StoreConfig pg = StoreConfig.postgres("jdbc:postgresql://db:5432/cvm", "cvm", "secret");
        assertThat(pg.description()).isEqualTo("PostgreSQL jdbc:postgresql://db:5432/cvm");
        assertThat(pg.groupCommit()).isFalse();
        assertThat(pg.isPostgres()).isTrue();

        assertThat(StoreConfig.h2File(Path.of("d")).description()).startsWith("H2 file ").endsWith(".mv.db");
    }

    /** Reads may skip the due check (DueHints) only on a store no other process or server can write. */
    @Test
    void onlyAnH2FileOrAnEphemeralStoreHasOneWriter() {
        assertThat(StoreConfig.h2File(Path.of("d")).soleWriter()).isTrue();
        assertThat(StoreConfig.ephemeral().soleWriter()).isTrue();
        assertThat(StoreConfig.postgres("jdbc:h2:file:/data/localcvm", "sa", "").soleWriter()).isTrue();
        assertThat(StoreConfig.postgres("jdbc:h2:file:/data/localcvm;auto_server=true", "sa", "").soleWriter())
                .as("other processes may connect").isFalse();
        assertThat(StoreConfig.postgres("jdbc:h2:tcp://db/localcvm", "sa", "").soleWriter()).isFalse();
        assertThat(StoreConfig.postgres("jdbc:h2:mem:shared", "sa", "").soleWriter()).as("another server may name it").isFalse();
        assertThat(StoreConfig.postgres("jdbc:postgresql://db:5432/cvm", "cvm", "").soleWriter()).isFalse();
    }
}
