package dev.localcvm.store;

import dev.localcvm.clock.OffsetStore;
import java.util.OptionalLong;
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
    public OptionalLong add(long millis, long maxTotal) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO server_state (name, num) VALUES (:name, 0) ON CONFLICT DO NOTHING")
                    .bind("name", NAME).execute();
            // The bound is part of the update, so that two replicas cannot both pass the check and then the bound.
            int updated = h.createUpdate("UPDATE server_state SET num = num + :add WHERE name = :name AND num <= :room")
                    .bind("add", millis).bind("room", maxTotal - millis).bind("name", NAME).execute();
            if (updated == 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(h.createQuery("SELECT num FROM server_state WHERE name = :name").bind("name", NAME)
                    .mapTo(Long.class).one());
        });
    }
}
