package dev.localcvm.store.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * One tag store for every resource (issue 14), keyed by the parts of the resource's six-segment name. The tags
 * instances and addresses were created with (in the instance's document, in the address's row, where they stay as
 * a record of the creation) are copied into it; in Java because they are JSON. {@code seq} keeps each resource's tags in the order they were given.
 */
public class V13__resource_tags extends BaseJavaMigration {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How a non-empty tag list begins in a document or a tags column (both written without spaces). */
    private static final byte[] TAGGED = "[{\"key\"".getBytes(StandardCharsets.US_ASCII);
    private static final String INSERT = "INSERT INTO resource_tags (uin, service, region, resource_prefix, resource_id, "
            + "tag_key, tag_value, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE resource_tags ("
                    + " uin VARCHAR(32) NOT NULL,"
                    + " service VARCHAR(16) NOT NULL,"
                    + " region VARCHAR(32) NOT NULL,"
                    + " resource_prefix VARCHAR(32) NOT NULL,"
                    + " resource_id VARCHAR(64) NOT NULL,"
                    + " tag_key VARCHAR(512) NOT NULL,"
                    + " tag_value VARCHAR(1024) NOT NULL,"
                    + " seq INT NOT NULL,"
                    + " PRIMARY KEY (uin, service, resource_prefix, resource_id, tag_key))");
            s.execute("CREATE INDEX resource_tags_by_key ON resource_tags (uin, tag_key, tag_value)");
        }
        copy(c, "SELECT instance_id, uin, region, document FROM instances", "cvm", "instance", true);
        copy(c, "SELECT address_id, uin, region, tags FROM addresses", "vpc", "eip", false);
    }

    private static void copy(Connection c, String select, String service, String prefix, boolean document)
            throws SQLException {
        try (Statement read = c.createStatement(); ResultSet rs = read.executeQuery(select);
             PreparedStatement write = c.prepareStatement(INSERT)) {
            while (rs.next()) {
                byte[] json = document ? rs.getBytes(4) : rs.getString(4).getBytes(StandardCharsets.UTF_8);
                // Most instances have no tags: their documents are not parsed at all.
                if (!contains(json, TAGGED)) {
                    continue;
                }
                JsonNode tags = tags(json, document);
                int position = 0;
                for (JsonNode t : tags) {
                    write.setString(1, rs.getString(2));
                    write.setString(2, service);
                    write.setString(3, rs.getString(3));
                    write.setString(4, prefix);
                    write.setString(5, rs.getString(1));
                    write.setString(6, t.path("key").asText());
                    write.setString(7, t.path("value").asText(""));
                    write.setInt(8, position++);
                    write.addBatch();
                }
                write.executeBatch();
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static JsonNode tags(byte[] json, boolean document) throws SQLException {
        try {
            JsonNode root = JSON.readTree(json);
            return document ? root.path("spec").path("tags") : root;
        } catch (IOException e) {
            throw new SQLException("stored tags are not JSON: " + e.getMessage(), e);
        }
    }
}
