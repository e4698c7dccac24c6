package dev.localcvm.store.migration;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Instance documents move from text ({@code doc}) to bytes ({@code document}): H2 writes and reads text one
 * character at a time, which was a quarter of its page-writing work in the load command's scenario (d),
 * while bytes are copied whole. In Java because the two databases share no SQL that turns text into its
 * UTF-8 bytes (PostgreSQL's text-to-bytea cast reads backslashes as escapes, and documents hold them).
 */
public class V7__binary_documents extends BaseJavaMigration {
    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE instances ADD COLUMN document BYTEA");
        }
        // In pages by id, so that a store of any size is converted without holding it all in memory.
        String after = "";
        try (PreparedStatement read = c.prepareStatement(
                "SELECT instance_id, doc FROM instances WHERE instance_id > ? ORDER BY instance_id LIMIT " + BATCH);
             PreparedStatement write = c.prepareStatement("UPDATE instances SET document = ? WHERE instance_id = ?")) {
            while (after != null) {
                read.setString(1, after);
                String last = null;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getString(1);
                        write.setBytes(1, rs.getString(2).getBytes(StandardCharsets.UTF_8));
                        write.setString(2, last);
                        write.addBatch();
                    }
                }
                write.executeBatch();
                after = last;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE instances DROP COLUMN doc");
            s.execute("ALTER TABLE instances ALTER COLUMN document SET NOT NULL");
        }
    }
}
