package dev.localcvm.cvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.api.JsonOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A page is reused only while it is the same, and prepared only once it is seen again alike and large. */
class PreparedPagesTest {
    private final PreparedPages pages = new PreparedPages();

    private static byte[][] renderings(int n, int size) {
        byte[][] out = new byte[n][];
        for (int k = 0; k < n; k++) {
            byte[] r = new byte[size];
            Arrays.fill(r, (byte) 'x');
            r[0] = '"';
            r[size - 1] = '"';
            out[k] = r;
        }
        return out;
    }

    private static String text(JsonOutput out) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        out.parts().forEach(b::writeBytes);
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLargePageSeenAgainAlikeIsPreparedAndReused() {
        byte[][] set = renderings(100, 1700);
        JsonOutput first = pages.page("q", 100, set);
        assertThat(first.prepared()).isNull();
        JsonOutput second = pages.page("q", 100, set.clone());
        assertThat(second.prepared()).isNotNull();
        assertThat(text(second)).isEqualTo(text(first));
        assertThat(pages.page("q", 100, set.clone())).isSameAs(second);
    }

    @Test
    void anyChangeOfCountOrRenderingOrQueryAssemblesAgain() {
        byte[][] set = renderings(100, 1700);
        pages.page("q", 100, set);
        JsonOutput prepared = pages.page("q", 100, set);
        assertThat(prepared.prepared()).isNotNull();

        assertThat(pages.page("q", 101, set).prepared()).isNull();
        assertThat(text(pages.page("q", 101, set))).startsWith("{\"TotalCount\":101,");

        byte[][] changed = set.clone();
        changed[50] = Arrays.copyOf(set[50], set[50].length); // equal bytes, another object: a new rendering
        assertThat(pages.page("q", 101, changed).prepared()).isNull();
        assertThat(pages.page("other", 101, changed).prepared()).isNull();
    }

    @Test
    void aSmallPageIsNeverPrepared() {
        byte[][] set = renderings(3, 1700);
        pages.page("q", 3, set);
        JsonOutput again = pages.page("q", 3, set);
        assertThat(again.prepared()).isNull();
        assertThat(text(again)).startsWith("{\"TotalCount\":3,\"InstanceSet\":[\"x").endsWith("\"]}");
    }
}
