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
    void aDocumentReadsBackAsTheSameInstance() {
        Instance plain = Instances.running("ins-plain001", ChargeType.POSTPAID_BY_HOUR);
        for (Instance i : List.of(plain, rich())) {
            byte[] doc = documents.write(i);
            assertThat(new InstanceDocuments().read(i.id(), doc, i.version())).isEqualTo(i);
        }
    }

    @Test
    void launchSettingsReadBackAndADocumentWithoutThemGetsTheDefaults() {
        Instance plain = Instances.running("ins-launch01", ChargeType.POSTPAID_BY_HOUR);
        Instance.Launch launch = new Instance.Launch(true, false, true, "ZWNobw==", true, false, Boolean.FALSE);
        Instance launched = plain.withLaunch(launch);
        byte[] doc = documents.write(launched);
        assertThat(new String(doc, StandardCharsets.UTF_8)).contains("\"launch\"").doesNotContain("password\"");
        assertThat(new InstanceDocuments().read(launched.id(), doc, launched.version()).spec().launch()).isEqualTo(launch);

        // Documents written before the launch settings existed have no "launch" at all.
        String earlier = new String(documents.write(plain), StandardCharsets.UTF_8);
        assertThat(earlier).doesNotContain("\"launch\"");
        Instance read = new InstanceDocuments().read(plain.id(), earlier.getBytes(StandardCharsets.UTF_8), plain.version());
        assertThat(read.spec().launch()).isNull();
        assertThat(read.spec().launchOrDefaults()).isEqualTo(Instance.Launch.DEFAULTS);
    }

    @Test
    void documentsAreAsciiAndLeaveNullsOut() {
        byte[] bytes = documents.write(rich());
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
        assertThat(new InstanceDocuments().read(i.id(), earlier.getBytes(StandardCharsets.UTF_8), i.version()))
                .isEqualTo(i);
    }

    @Test
    void theSameDocumentGivesTheSameObjectAndAChangedOneANewInstance() {
        Instance before = Instances.running("ins-cache001", ChargeType.POSTPAID_BY_HOUR);
        byte[] doc = documents.write(before);
        Instance first = documents.read(before.id(), doc.clone(), 4);
        assertThat(documents.read(before.id(), doc.clone(), 4)).isSameAs(first);
        assertThat(documents.read(before.id(), doc, 5).version()).isEqualTo(5);

        // Another writer (a replica, a sweep) changed the row: the memo must not answer the old instance.
        Instance after = before.toBuilder().state(InstanceState.STOPPED).build();
        byte[] changed = new InstanceDocuments().write(after);
        assertThat(documents.read(before.id(), changed, 5).state()).isEqualTo(InstanceState.STOPPED);
    }
}
