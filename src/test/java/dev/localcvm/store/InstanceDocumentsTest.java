package dev.localcvm.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.localcvm.cvm.domain.ChargeType;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceState;
import dev.localcvm.cvm.domain.Instances;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceDocumentsTest {
    private final InstanceDocuments documents = new InstanceDocuments();

    /** Every kind of field set, including a non-ASCII name, a pending timer and admin flags. */
    private static Instance rich() {
        return Instances.of("ins-rich0001", InstanceState.SHUTDOWN, ChargeType.PREPAID).name("未命名 ✓")
                .publicIps(List.of("203.0.113.7")).camRoleName("role")
                .pending(new Instance.Pending(InstanceState.SHUTDOWN, Instant.parse("2026-11-26T00:00:05.123456789Z"), null))
                .releaseAt(Instant.parse("2026-12-03T00:00:00Z")).releasePrepaidDataDisks(true)
                .flags(new Instance.Flags(true, false, true, "role-x", false, true, false, false)).build();
    }

    @Test
    void aDocumentReadsBackAsTheSameInstance() throws Exception {
        Instance plain = Instances.running("ins-plain001", ChargeType.POSTPAID_BY_HOUR);
        for (Instance i : List.of(plain, rich())) {
            byte[] doc = documents.write(i, 1);
            assertThat(new InstanceDocuments().read(i.id(), 1, i.version(), () -> doc)).isEqualTo(i);
        }
    }

    @Test
    void launchSettingsReadBackAndADocumentWithoutThemGetsTheDefaults() throws Exception {
        Instance plain = Instances.running("ins-launch01", ChargeType.POSTPAID_BY_HOUR);
        Instance.Launch launch = new Instance.Launch(true, false, true, "ZWNobw==", true, false, Boolean.FALSE);
        Instance launched = plain.withLaunch(launch);
        byte[] doc = documents.write(launched, 1);
        assertThat(new String(doc, StandardCharsets.UTF_8)).contains("\"launch\"").doesNotContain("password\"");
        assertThat(new InstanceDocuments().read(launched.id(), 1, launched.version(), () -> doc).spec().launch()).isEqualTo(launch);

        // Documents written before the launch settings existed have no "launch" at all.
        String earlier = new String(documents.write(plain, 2), StandardCharsets.UTF_8);
        assertThat(earlier).doesNotContain("\"launch\"");
        Instance read = new InstanceDocuments().read(plain.id(), 2, plain.version(), () -> earlier.getBytes(StandardCharsets.UTF_8));
        assertThat(read.spec().launch()).isNull();
        assertThat(read.spec().launchOrDefaults()).isEqualTo(Instance.Launch.DEFAULTS);
    }

    @Test
    void documentsAreAsciiAndLeaveNullsOut() {
        byte[] bytes = documents.write(rich(), 1);
        String doc = new String(bytes, StandardCharsets.UTF_8);
        assertThat(doc).doesNotContain("未命名").contains("\\u672A").doesNotContain("null");
        assertThat(doc.chars().allMatch(ch -> ch < 128)).as("ASCII").isTrue();
    }

    @Test
    void documentsOfTheEarlierFormatStillRead() throws Exception {
        // As stored before nulls were left out and non-ASCII escaped: explicit nulls, raw UTF-8 text.
        var earlierMapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        Instance i = rich();
        String earlier = earlierMapper.writeValueAsString(i);
        assertThat(earlier).contains("未命名").contains("\"hostName\":null");
        assertThat(new InstanceDocuments().read(i.id(), 0, i.version(), () -> earlier.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(i);
    }

    @Test
    void theSameRevisionGivesTheSameObjectWithoutReadingTheBytesAndAnotherOneANewInstance() throws Exception {
        Instance before = Instances.running("ins-cache001", ChargeType.POSTPAID_BY_HOUR);
        byte[] doc = new InstanceDocuments().write(before, 7);
        Instance first = documents.read(before.id(), 7, 4, () -> doc.clone());
        InstanceDocuments.Bytes unread = () -> {
            throw new AssertionError("the bytes of a remembered revision were read");
        };
        assertThat(documents.read(before.id(), 7, 4, unread)).isSameAs(first);
        assertThat(documents.read(before.id(), 7, 5, unread).version()).isEqualTo(5);

        // Another writer (a replica, a sweep) changed the row: the memo must not answer the old instance.
        Instance after = before.toBuilder().state(InstanceState.STOPPED).build();
        byte[] changed = new InstanceDocuments().write(after, 8);
        assertThat(documents.read(before.id(), 8, 5, () -> changed).state()).isEqualTo(InstanceState.STOPPED);
    }

    /** The small table in front of the memo: two ids in one slot each still read back, and a destroyed one is gone. */
    @Test
    void idsSharingASlotOfTheRecentTableEachReadBackAndAForgottenOneIsReadAgain() throws Exception {
        Instance a = Instances.running("ins-slot0001", ChargeType.POSTPAID_BY_HOUR);
        String otherId = null;
        for (int n = 2; otherId == null; n++) {
            String id = String.format("ins-slot%04d", n);
            if (InstanceDocuments.slot(id) == InstanceDocuments.slot(a.id())) {
                otherId = id;
            }
        }
        Instance b = Instances.running(otherId, ChargeType.POSTPAID_BY_HOUR);
        byte[] docA = new InstanceDocuments().write(a, 3);
        byte[] docB = new InstanceDocuments().write(b, 4);
        InstanceDocuments.Bytes unread = () -> {
            throw new AssertionError("the bytes of a remembered revision were read");
        };
        Instance readA = documents.read(a.id(), 3, a.version(), () -> docA);
        Instance readB = documents.read(b.id(), 4, b.version(), () -> docB);
        assertThat(readB.id()).isEqualTo(otherId);
        assertThat(documents.read(a.id(), 3, a.version(), unread)).isSameAs(readA);
        assertThat(documents.read(b.id(), 4, b.version(), unread)).isSameAs(readB);

        documents.forget(a.id());
        int[] reads = {0};
        documents.read(a.id(), 3, a.version(), () -> {
            reads[0]++;
            return docA;
        });
        assertThat(reads[0]).as("a forgotten instance is decoded from its bytes again").isEqualTo(1);
    }

    @Test
    void aWrittenDocumentIsRememberedUnderItsRevision() throws Exception {
        Instance i = Instances.running("ins-cache002", ChargeType.POSTPAID_BY_HOUR);
        documents.write(i, 9);
        assertThat(documents.read(i.id(), 9, i.version(), () -> {
            throw new AssertionError("read the bytes");
        })).isSameAs(i);
    }

    @Test
    void revisionsAreNeverZero() {
        // 0 marks rows written before revisions; a random draw of 0 is drawn again. Random draws alone would almost
        // never show it, so the draws are given.
        java.util.PrimitiveIterator.OfLong draws = java.util.stream.LongStream.of(0, 0, 42).iterator();
        assertThat(InstanceDocuments.newRevision(draws::nextLong)).isEqualTo(42);
        for (int k = 0; k < 1000; k++) {
            assertThat(InstanceDocuments.newRevision()).isNotZero();
        }
    }
}
