package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.localcvm.cvm.domain.ChargeType;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceState;
import dev.localcvm.cvm.domain.Instances;
import dev.localcvm.store.Database;
import dev.localcvm.store.InstanceKeys;
import dev.localcvm.store.InstanceRepository;
import dev.localcvm.store.StoreConfig;
import dev.localcvm.store.TagRepository;
import dev.localcvm.tag.ResourceName;
import dev.localcvm.tag.Tag;
import dev.localcvm.testing.TestStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A store written before documents were bytes (schema version 6, text documents) opens with every instance
 * intact, on the suite's store. The text holds what a conversion could get wrong: non-ASCII characters,
 * backslash escapes and quotes.
 */
class DocumentMigrationIT {
    private final JsonMapper earlierFormat = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void textDocumentsOfAnEarlierStoreReadBackAsTheSameInstances() throws Exception {
        StoreConfig store = TestStores.fresh();
        Database.migrations().dataSource(store.jdbcUrl(), store.user(), store.password()).target("6").load().migrate();
        List<Instance> written = List.of(
                Instances.of("ins-migrate1", InstanceState.RUNNING, ChargeType.POSTPAID_BY_HOUR)
                        .name("未命名 \"quoted\" back\\slash \\u0041").build(),
                Instances.running("ins-migrate2", ChargeType.POSTPAID_BY_HOUR));
        try (Connection c = DriverManager.getConnection(store.jdbcUrl(), store.user(), store.password());
             PreparedStatement insert = c.prepareStatement("INSERT INTO instances (instance_id, uin, region, zone, "
                     + "state, charge_type, instance_name, created_at, due_at, version, doc) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)")) {
            for (Instance i : written) {
                insert.setString(1, i.id());
                insert.setString(2, i.uin());
                insert.setString(3, i.region());
                insert.setString(4, i.spec().zone());
                insert.setString(5, i.state().name());
                insert.setString(6, i.chargeType().name());
                insert.setString(7, i.name());
                insert.setLong(8, i.createdTime().toEpochMilli());
                insert.setLong(9, i.version());
                insert.setString(10, earlierFormat.writeValueAsString(i));
                insert.executeUpdate();
            }
        }
        assertThat(earlierFormat.writeValueAsString(written.get(0))).contains("未命名").contains("\\\\");

        try (Database db = Database.open(store)) {
            InstanceRepository instances = new InstanceRepository(db);
            for (Instance i : written) {
                assertThat(instances.findById(i.id())).contains(i);
            }
            assertThat(db.query("SELECT COUNT(*) FROM instances WHERE document IS NOT NULL", s -> { },
                    rs -> rs.getLong(1))).containsExactly(2L);
        }
    }

    /** Migration 9 keys tombstones by number: those of an earlier store are still found, and their ids still taken. */
    @Test
    void tombstonesOfAnEarlierStoreAreStillRemembered() throws Exception {
        StoreConfig store = TestStores.fresh();
        Database.migrations().dataSource(store.jdbcUrl(), store.user(), store.password()).target("8").load().migrate();
        Instant destroyed = Instant.parse("2026-11-26T10:00:00Z");
        try (Connection c = DriverManager.getConnection(store.jdbcUrl(), store.user(), store.password());
             PreparedStatement insert = c.prepareStatement("INSERT INTO instance_tombstones (instance_id, uin, region, "
                     + "destroyed_at) VALUES (?, '100000000001', 'ap-guangzhou', ?)")) {
            for (String id : List.of("ins-gone0001", "ins-zz9gone2")) {
                insert.setString(1, id);
                insert.setLong(2, destroyed.toEpochMilli());
                insert.executeUpdate();
            }
        }

        try (Database db = Database.open(store)) {
            InstanceRepository instances = new InstanceRepository(db);
            assertThat(instances.findTombstones("100000000001", "ap-guangzhou",
                    List.of("ins-gone0001", "ins-zz9gone2", "ins-notgone3"), destroyed))
                    .containsExactlyInAnyOrder("ins-gone0001", "ins-zz9gone2");
            assertThat(instances.takenIds(List.of("ins-gone0001", "ins-notgone3"))).containsExactly("ins-gone0001");
        }
    }

    /** Migration 13 moves the tags instances and addresses were created with into the one tag store. */
    @Test
    void tagsOfAnEarlierStoreMoveIntoTheTagStore() throws Exception {
        StoreConfig store = TestStores.fresh();
        Database.migrations().dataSource(store.jdbcUrl(), store.user(), store.password()).target("12").load().migrate();
        Instance i = Instances.running("ins-tagged01", ChargeType.POSTPAID_BY_HOUR);
        ObjectNode doc = earlierFormat.valueToTree(i);
        ((ObjectNode) doc.path("spec")).set("tags", earlierFormat.readTree(
                "[{\"key\":\"env\",\"value\":\"ci\"},{\"key\":\"team\",\"value\":\"\"}]"));
        try (Connection c = DriverManager.getConnection(store.jdbcUrl(), store.user(), store.password())) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO instances (id_key, instance_id, uin, region, "
                    + "zone, state, charge_type, instance_name, created_at, due_at, version, document) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)")) {
                insert.setLong(1, InstanceKeys.key(i.id()).orElseThrow());
                insert.setString(2, i.id());
                insert.setString(3, i.uin());
                insert.setString(4, i.region());
                insert.setString(5, i.spec().zone());
                insert.setString(6, i.state().name());
                insert.setString(7, i.chargeType().name());
                insert.setString(8, i.name());
                insert.setLong(9, i.createdTime().toEpochMilli());
                insert.setLong(10, i.version());
                insert.setBytes(11, earlierFormat.writeValueAsBytes(doc));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO addresses (address_id, uin, region, "
                    + "address_ip, address_type, address_name, status, charge_type, bandwidth, created_at, tags, version) "
                    + "VALUES ('eip-tagged01', ?, ?, '81.70.1.1', 'EIP', '', 'UNBIND', 'TRAFFIC_POSTPAID_BY_HOUR', 1, 0, "
                    + "'[{\"key\":\"app\",\"value\":\"web\"}]', 0)")) {
                insert.setString(1, i.uin());
                insert.setString(2, i.region());
                insert.executeUpdate();
            }
        }

        try (Database db = Database.open(store)) {
            TagRepository tags = new TagRepository(db);
            assertThat(tags.tagsOf(i.uin(), ResourceName.Kind.INSTANCE, List.of(i.id())))
                    .containsEntry(i.id(), List.of(new Tag("env", "ci"), new Tag("team", "")));
            assertThat(tags.tagsOf(i.uin(), ResourceName.Kind.ADDRESS, List.of("eip-tagged01")))
                    .containsEntry("eip-tagged01", List.of(new Tag("app", "web")));
            assertThat(tags.rows(i.uin(), null, null, null, null)).hasSize(3)
                    .allMatch(r -> r.resource().region().equals(i.region()));
        }
    }
}
