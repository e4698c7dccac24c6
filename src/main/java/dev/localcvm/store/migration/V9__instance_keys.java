package dev.localcvm.store.migration;

import dev.localcvm.store.InstanceKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Instances and tombstones are keyed by the number of their id ({@link InstanceKeys}) instead of the id's text.
 * The tables are built anew rather than altered: H2 makes a single number primary key the table's own row key
 * only for a table created with it, which saves an index per table. In Java because the number is computed.
 */
public class V9__instance_keys extends BaseJavaMigration {
    private static final int BATCH = 1_000;
    private static final String INSTANCE_COLUMNS = "instance_id, uin, region, zone, state, charge_type, instance_name, "
            + "created_at, due_at, version, document";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE keyed_instances ("
                    + " id_key BIGINT NOT NULL PRIMARY KEY,"
                    + " instance_id VARCHAR(16) NOT NULL,"
                    + " uin VARCHAR(32) NOT NULL,"
                    + " region VARCHAR(32) NOT NULL,"
                    + " zone VARCHAR(40) NOT NULL,"
                    + " state VARCHAR(32) NOT NULL,"
                    + " charge_type VARCHAR(24) NOT NULL,"
                    + " instance_name VARCHAR(256) NOT NULL,"
                    + " created_at BIGINT NOT NULL,"
                    + " due_at BIGINT,"
                    + " version BIGINT NOT NULL,"
                    + " document BYTEA NOT NULL)");
            s.execute("CREATE TABLE keyed_tombstones ("
                    + " id_key BIGINT NOT NULL PRIMARY KEY,"
                    + " uin VARCHAR(32) NOT NULL,"
                    + " region VARCHAR(32) NOT NULL,"
                    + " destroyed_at BIGINT NOT NULL)");
        }
        copy(c, "SELECT " + INSTANCE_COLUMNS + " FROM instances WHERE instance_id > ? ORDER BY instance_id LIMIT " + BATCH,
                "INSERT INTO keyed_instances (id_key, " + INSTANCE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", true);
        copy(c, "SELECT instance_id, uin, region, destroyed_at FROM instance_tombstones WHERE instance_id > ? "
                        + "ORDER BY instance_id LIMIT " + BATCH,
                "INSERT INTO keyed_tombstones (id_key, uin, region, destroyed_at) VALUES (?, ?, ?, ?)", false);
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE instances");
            s.execute("DROP TABLE instance_tombstones");
            s.execute("ALTER TABLE keyed_instances RENAME TO instances");
            s.execute("ALTER TABLE keyed_tombstones RENAME TO instance_tombstones");
            // The indexes of V4, V6 and V8, unchanged.
            s.execute("CREATE INDEX instances_page ON instances (uin, region, created_at DESC, instance_id)");
            s.execute("CREATE INDEX instances_zone_page ON instances (uin, region, zone, created_at DESC, instance_id)");
            s.execute("CREATE INDEX instances_due ON instances (due_at, uin, region)");
            s.execute("CREATE INDEX instance_tombstones_destroyed ON instance_tombstones (destroyed_at)");
        }
    }

    /**
     * Copies every row in pages by id, so that a store of any size moves without being held in memory. The first
     * column read is the id; the key is written first, then the columns read (from the id on, or after it).
     */
    private static void copy(Connection c, String readPage, String insert, boolean keepsId) throws SQLException {
        String after = "";
        try (PreparedStatement read = c.prepareStatement(readPage); PreparedStatement write = c.prepareStatement(insert)) {
            while (after != null) {
                read.setString(1, after);
                String last = null;
                try (ResultSet rs = read.executeQuery()) {
                    var meta = rs.getMetaData();
                    while (rs.next()) {
                        String id = rs.getString(1);
                        write.setLong(1, InstanceKeys.key(id).orElseThrow(
                                () -> new IllegalStateException("stored instance id " + id + " is malformed")));
                        int param = 2;
                        for (int k = keepsId ? 1 : 2; k <= meta.getColumnCount(); k++) {
                            write.setObject(param++, rs.getObject(k), meta.getColumnType(k));
                        }
                        write.addBatch();
                        last = id;
                    }
                }
                write.executeBatch();
                after = last;
            }
        }
    }
}
