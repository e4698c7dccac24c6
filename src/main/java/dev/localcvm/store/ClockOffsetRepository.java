package dev.localcvm.store;

import dev.localcvm.clock.OffsetStore;
import org.jdbi.v3.core.Jdbi;

/** The admin clock offset in the database: one row that every replica reads and advances. */
public final class ClockOffsetRepository implements OffsetStore {
    private static final String NAME = "clock_offset_millis";
    private final Jdbi jdbi;

    public ClockOffsetRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public long read() {
        return jdbi.withHandle(h -> h.createQuery("SELECT num FROM server_state WHERE name = :name")
                .bind("name", NAME).mapTo(Long.class).findOne().orElse(0L));
    }

    @Override
    public long add(long millis) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO server_state (name, num) VALUES (:name, 0) ON CONFLICT DO NOTHING")
                    .bind("name", NAME).execute();
            h.createUpdate("UPDATE server_state SET num = num + :add WHERE name = :name")
                    .bind("add", millis).bind("name", NAME).execute();
            return h.createQuery("SELECT num FROM server_state WHERE name = :name").bind("name", NAME)
                    .mapTo(Long.class).one();
        });
    }
}
